import type { FaultInput } from "./faults/faults";

export type WebhookEnvelope = "object" | "flat";

export interface SandboxOptions {
  /** 0 picks a random free port. */
  port?: number;
  hostname?: string;
  apiKey?: string;
  /** Documented durations are divided by this (2 = twice as fast). */
  timeScale?: number;
  stateFile?: string;
  seed?: boolean;
  log?: boolean;
  webhookEnvelope?: WebhookEnvelope;
  /** Real Postproxy only posts to https; localhost is always allowed over http. */
  allowHttpWebhooks?: boolean;
  /** Base of the absolute URLs the sandbox hands out (avatars, media, consent pages). */
  publicUrl?: string;
  faults?: FaultInput;
}

export interface SandboxConfig {
  apiKey: string;
  timeScale: number;
  stateFile: string | null;
  seed: boolean;
  log: boolean;
  webhookEnvelope: WebhookEnvelope;
  allowHttpWebhooks: boolean;
  publicUrl: string;
}

export const DEFAULT_PORT = 4010;
export const DEFAULT_API_KEY = "pp_sandbox_demo_key";
// 20× makes an immediate video publish finish in about 4 s and keeps retries observable.
export const DEFAULT_TIME_SCALE = 20;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Unscaled durations (ms of sandbox time); the lifecycle divides them by the time scale. */
export const TIMINGS = {
  // Documented: images 1–15 s, video 10–120 s.
  mediaImage: 6 * SECOND,
  mediaVideo: 30 * SECOND,
  mediaNone: 1 * SECOND,
  // Documented as "< 1 s".
  processing: 1 * SECOND,
  // Upload + TikTok-side processing until TikTok reports success.
  platformPublish: 40 * SECOND,
  // TikTok hands out the public video id some time after publishing.
  publicId: 60 * SECOND,
  platformRetry: 2 * MINUTE,
  platformDelete: 10 * SECOND,
  webhookRetries: [0, 1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR],
  // Receivers must answer within 30 s; connecting is capped at 10 s by undici's default.
  webhookTimeout: 30 * SECOND,
} as const;

/** Clock-based cadences: not scaled, because they shape the timestamps of the stats series. */
export const CADENCE = {
  profileStats: 23 * HOUR,
  editLock: 5 * MINUTE,
  idempotencyTtl: 24 * HOUR,
  connectSessionTtl: 1 * HOUR,
  postStatsWindow: 30 * 24 * HOUR,
} as const;

export const MAX_PLATFORM_ATTEMPTS = 3;

export function scaled(ms: number, timeScale: number): number {
  return Math.round(ms / timeScale);
}
