import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { errorDetailsSchema, openEnum, platformPostStatuses, postStatuses } from "./schemas";

export const webhookSignatureHeader = "x-postproxy-signature";

export type SignatureCheck =
  | { ok: true; timestamp: number }
  | { ok: false; reason: "missing" | "malformed" | "mismatch" | "stale" };

export interface VerifyOptions {
  /** Older (or further in the future) than this is rejected. Default 300 s. */
  toleranceSeconds?: number;
  now?: Date | number;
}

function parseSignatureHeader(header: string): { t?: string; v1: string[] } {
  const parsed: { t?: string; v1: string[] } = { v1: [] };
  for (const item of header.split(",")) {
    const at = item.indexOf("=");
    if (at < 0) continue;
    const key = item.slice(0, at).trim();
    const value = item.slice(at + 1).trim();
    if (key === "t") parsed.t ??= value;
    if (key === "v1") parsed.v1.push(value);
  }
  return parsed;
}

/**
 * Checks `X-Postproxy-Signature: t=<unix s>,v1=<hex>`: v1 is HMAC-SHA256 keyed with the whole
 * secret (including "whsec_") over `t + "." + rawBody`. rawBody must be the bytes as received.
 */
export function verifyWebhookSignature(
  rawBody: string | Uint8Array,
  header: string | null | undefined,
  secret: string,
  { toleranceSeconds = 300, now = Date.now() }: VerifyOptions = {},
): SignatureCheck {
  if (!header) return { ok: false, reason: "missing" };
  const { t, v1 } = parseSignatureHeader(header);
  if (!t || !/^\d+$/.test(t) || v1.length === 0) return { ok: false, reason: "malformed" };
  const expected = createHmac("sha256", secret).update(`${t}.`).update(rawBody).digest();
  const isMatch = v1.some((hex) => {
    if (!/^[0-9a-f]{64}$/.test(hex)) return false;
    return timingSafeEqual(Buffer.from(hex, "hex"), expected);
  });
  if (!isMatch) return { ok: false, reason: "mismatch" };
  const timestamp = Number(t);
  const nowSeconds = (now instanceof Date ? now.getTime() : now) / 1000;
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return { ok: false, reason: "stale" };
  return { ok: true, timestamp };
}

const text = z.string().nullish();

const platformPostEventSchema = z.looseObject({
  id: z.string(),
  post_id: z.string(),
  platform: z.string(),
  profile_id: text,
  profile_name: text,
  status: openEnum(platformPostStatuses).nullish(),
  error: text,
  error_details: errorDetailsSchema.nullish(),
  platform_id: text,
});

const profileEventSchema = z.looseObject({
  id: z.string(),
  name: text,
  platform: z.string(),
  profile_group_id: text,
  status: text,
  uid: text,
  username: text,
});

const eventDataSchemas = {
  "post.processed": z.looseObject({
    id: z.string(),
    body: text,
    status: openEnum(postStatuses).nullish(),
    scheduled_at: text,
    created_at: text,
    platforms: z
      .array(z.looseObject({ id: z.string(), platform: z.string(), name: text }))
      .optional(),
  }),
  "platform_post.published": platformPostEventSchema,
  "platform_post.failed": platformPostEventSchema,
  "platform_post.failed_waiting_for_retry": platformPostEventSchema,
  "platform_post.insights": platformPostEventSchema.extend({
    insights: z.record(z.string(), z.unknown()).nullish(),
  }),
  "profile.connected": profileEventSchema,
  "profile.disconnected": profileEventSchema,
  "profile.stats": z.looseObject({
    profile_id: z.string(),
    platform: z.string(),
    placement_id: text,
    stats: z.record(z.string(), z.unknown()),
    recorded_at: z.string(),
  }),
  "media.failed": z.looseObject({
    id: z.string(),
    post_id: z.string(),
    content_type: text,
    status: text,
    error_message: text,
  }),
} as const;

export type KnownWebhookEventType = keyof typeof eventDataSchemas;
export const knownWebhookEventTypes = Object.keys(eventDataSchemas) as KnownWebhookEventType[];

interface EventBase {
  /** Stable across redeliveries: dedupe on it. */
  id: string;
  createdAt: string | null;
}

export type WebhookEvent =
  | {
      [K in KnownWebhookEventType]: EventBase & {
        type: K;
        data: z.infer<(typeof eventDataSchemas)[K]>;
      };
    }[KnownWebhookEventType]
  | (EventBase & { type: "unknown"; originalType: string; data: Record<string, unknown> });

const envelopeSchema = z.looseObject({
  id: z.string().min(1),
  type: z.string().optional(),
  event: z.string().optional(),
  created_at: z.string().nullish(),
  data: z.record(z.string(), z.unknown()),
});

export class WebhookEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookEventError";
  }
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
}

const isKnownType = (type: string): type is KnownWebhookEventType => type in eventDataSchemas;

/**
 * Reads either envelope Postproxy has documented: the resource in `data.object` (newer docs) or
 * directly in `data` (SDK 1.12).
 */
export function parseWebhookEvent(json: unknown): WebhookEvent {
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success)
    throw new WebhookEventError(`Invalid webhook event: ${describe(envelope.error)}`);
  const { id, data, created_at } = envelope.data;
  const type = envelope.data.type ?? envelope.data.event;
  if (!type) throw new WebhookEventError("Invalid webhook event: no type");
  const object = data.object;
  const resource =
    object && typeof object === "object" && !Array.isArray(object)
      ? (object as Record<string, unknown>)
      : data;
  const base = { id, createdAt: created_at ?? null };
  if (!isKnownType(type)) return { ...base, type: "unknown", originalType: type, data: resource };
  const parsed = eventDataSchemas[type].safeParse(resource);
  if (!parsed.success) {
    throw new WebhookEventError(`Invalid ${type} webhook event: ${describe(parsed.error)}`);
  }
  return { ...base, type, data: parsed.data } as WebhookEvent;
}
