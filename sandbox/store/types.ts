import type { Job } from "../lifecycle/jobs";

// Also in lib/postproxy/schemas.ts: the sandbox imports nothing of the app (STYLE.md).
export const PLATFORMS = [
  "facebook",
  "instagram",
  "tiktok",
  "linkedin",
  "youtube",
  "twitter",
  "threads",
  "pinterest",
  "bluesky",
  "telegram",
  "google_business",
] as const;
export type Platform = (typeof PLATFORMS)[number];

export function isPlatform(value: string): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value);
}

export type ProfileStatus = "active" | "expired" | "inactive";

export type PostStatus =
  "draft" | "pending" | "scheduled" | "processing" | "processed" | "media_processing_failed";

export type PlatformPostStatus =
  | "pending"
  | "processing"
  | "published"
  | "failed"
  | "failed_waiting_for_retry"
  | "deleted"
  | "pending_deletion";

export type MediaStatus = "pending" | "processed" | "failed";

export interface ProfileGroupRecord {
  id: string;
  name: string;
  createdAt: number;
}

export interface ProfileRecord {
  id: string;
  groupId: string;
  platform: Platform;
  name: string;
  username: string;
  uid: string;
  status: ProfileStatus;
  expiresAt: number | null;
  /** Set when the connection ended (expired, replaced); stats stop there. */
  disconnectedAt: number | null;
  createdAt: number;
  /** First profile stats snapshot; the series is generated from here. */
  statsAnchor: number;
}

export interface ErrorDetails {
  platform_error_code: string | null;
  platform_error_subcode: string | null;
  platform_error_message: string | null;
  postproxy_note: string | null;
}

export interface MediaProbe {
  mime: string | null;
  size: number;
  width: number | null;
  height: number | null;
  durationSec: number | null;
  frameRate: number | null;
  container: string | null;
}

export interface MediaRecord {
  id: string;
  status: MediaStatus;
  errorMessage: string | null;
  contentType: string;
  sourceUrl: string | null;
  /** File name inside the media directory once the bytes are here. */
  fileName: string | null;
  /** Bundled asset served for seeded media. */
  asset: string | null;
  probe: MediaProbe | null;
  ingestError: string | null;
}

export interface PlatformPostRecord {
  id: string;
  profileId: string;
  platform: Platform;
  status: PlatformPostStatus;
  error: string | null;
  errorDetails: ErrorDetails | null;
  attemptedAt: number | null;
  publishedAt: number | null;
  publicId: string | null;
  publicIdAt: number | null;
  attempts: number;
}

export interface ThreadChildRecord {
  id: string;
  body: string;
  media: MediaRecord[];
}

export interface PostRecord {
  id: string;
  groupId: string;
  body: string;
  status: PostStatus;
  draft: boolean;
  scheduledAt: number | null;
  createdAt: number;
  updatedAt: number;
  queueId: string | null;
  queuePriority: string | null;
  profileIds: string[];
  media: MediaRecord[];
  platformParams: Record<string, Record<string, unknown>>;
  thread: ThreadChildRecord[];
  platformPosts: PlatformPostRecord[];
}

export interface WebhookRecord {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  description: string | null;
  secret: string;
  createdAt: number;
  updatedAt: number;
}

export interface DeliveryRecord {
  id: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  responseStatus: number | null;
  attemptNumber: number;
  success: boolean;
  attemptedAt: number;
  createdAt: number;
}

export interface IdempotencyRecord {
  key: string;
  fingerprint: string;
  status: number;
  body: string;
  contentType: string;
  createdAt: number;
}

export interface ConnectSessionRecord {
  id: string;
  groupId: string;
  platform: Platform;
  redirectUrl: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

export interface ScheduledJob {
  id: string;
  seq: number;
  dueAt: number;
  job: Job;
}

export interface SandboxState {
  version: 1;
  clockOffsetMs: number;
  seededAt: number | null;
  groups: ProfileGroupRecord[];
  profiles: ProfileRecord[];
  posts: PostRecord[];
  webhooks: WebhookRecord[];
  deliveries: DeliveryRecord[];
  jobs: ScheduledJob[];
  idempotency: IdempotencyRecord[];
  connectSessions: ConnectSessionRecord[];
  jobSeq: number;
}

export function emptyState(): SandboxState {
  return {
    version: 1,
    clockOffsetMs: 0,
    seededAt: null,
    groups: [],
    profiles: [],
    posts: [],
    webhooks: [],
    deliveries: [],
    jobs: [],
    idempotency: [],
    connectSessions: [],
    jobSeq: 0,
  };
}
