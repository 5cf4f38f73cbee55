import "server-only";
import { z } from "zod";

// sandbox/store/types.ts lists these too: the sandbox imports nothing of the app (STYLE.md).
export const platforms = [
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
export type Platform = (typeof platforms)[number];

// Also in sandbox/posts/filters.ts: the sandbox imports nothing of the app (STYLE.md).
// Same shape as the tuples of lib/validation/enums.ts: these are Postproxy's words, those Postdeck's
// own; lib/publishing/status.ts maps one onto the other, so neither list can stand for the other.
export const postStatuses = [
  "draft",
  "pending",
  "scheduled",
  "processing",
  "processed",
  "media_processing_failed",
] as const;
export type PostStatus = (typeof postStatuses)[number];

export const platformPostStatuses = [
  "pending",
  "processing",
  "published",
  "failed",
  "failed_waiting_for_retry",
  "pending_deletion",
  "deleted",
] as const;
export type PlatformPostStatus = (typeof platformPostStatuses)[number];

export const mediaStatuses = ["pending", "processed", "failed"] as const;
export type MediaStatus = (typeof mediaStatuses)[number];

export const profileStatuses = ["active", "expired", "inactive"] as const;
export type ProfileStatus = (typeof profileStatuses)[number];

export const tiktokFormats = ["video", "image"] as const;
export type TikTokFormat = (typeof tiktokFormats)[number];

// Also in lib/validation/enums.ts: lib/postproxy imports no app layer (scripts/architecture).
export const tiktokPrivacyStatuses = [
  "PUBLIC_TO_EVERYONE",
  "MUTUAL_FOLLOW_FRIENDS",
  "FOLLOWER_OF_CREATOR",
  "SELF_ONLY",
] as const;
export type TikTokPrivacyStatus = (typeof tiktokPrivacyStatuses)[number];

/**
 * Known values are typed for autocomplete and switches, but a value Postproxy adds later is
 * accepted rather than failing the whole response (callers keep a default branch).
 */
export function openEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.union([z.enum(values), z.string()]) as unknown as z.ZodType<T[number] | (string & {})>;
}

/** Documented as nullable, or undocumented ([?]): accept null or absent, normalise to null. */
const nullish = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((value): z.output<T> | null => value ?? null);
const stringOrNull = nullish(z.string());
const record = z.record(z.string(), z.unknown());

export const profileGroupSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  profiles_count: z.number().optional(),
});
export type ProfileGroup = z.infer<typeof profileGroupSchema>;

const statsRecordSchema = z.looseObject({
  stats: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  raw_stats: record.optional(),
  recorded_at: z.string(),
});
export type StatsRecord = z.infer<typeof statsRecordSchema>;

export const profileSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: openEnum(profileStatuses),
  platform: openEnum(platforms),
  profile_group_id: z.string(),
  expires_at: stringOrNull,
  post_count: z.number().optional(),
  avatar_url: stringOrNull,
  username: stringOrNull,
  latest_stats: z
    .array(z.looseObject({ placement_id: stringOrNull, stats: record, recorded_at: z.string() }))
    .optional(),
  summary_stats: record.nullish(),
});
export type Profile = z.infer<typeof profileSchema>;

export const placementSchema = z.looseObject({
  id: stringOrNull,
  name: z.string(),
  metadata: record.nullish(),
});
export type Placement = z.infer<typeof placementSchema>;

export const errorDetailsSchema = z.looseObject({
  platform_error_code: stringOrNull,
  platform_error_subcode: stringOrNull,
  platform_error_message: stringOrNull,
  postproxy_note: stringOrNull,
});
export type ErrorDetails = z.infer<typeof errorDetailsSchema>;

export const platformResultSchema = z.looseObject({
  platform: openEnum(platforms),
  status: openEnum(platformPostStatuses),
  params: nullish(record),
  error: stringOrNull,
  error_details: nullish(errorDetailsSchema),
  attempted_at: stringOrNull,
  insights: nullish(z.looseObject({ impressions: nullish(z.number()), on: stringOrNull })),
});
export type PlatformResult = z.infer<typeof platformResultSchema>;

export const mediaSchema = z.looseObject({
  id: z.string(),
  status: openEnum(mediaStatuses),
  error_message: stringOrNull,
  content_type: stringOrNull,
  source_url: stringOrNull,
  url: stringOrNull,
  platforms: z
    .array(
      z.looseObject({
        platform: z.string(),
        status: z.string(),
        error: stringOrNull,
        error_details: nullish(errorDetailsSchema),
      }),
    )
    .optional(),
});
export type Media = z.infer<typeof mediaSchema>;

export const threadChildSchema = z.looseObject({
  id: z.string(),
  body: nullish(z.string()).transform((body) => body ?? ""),
  media: z.array(mediaSchema).default([]),
});
export type ThreadChild = z.infer<typeof threadChildSchema>;

export const postSchema = z.looseObject({
  id: z.string(),
  body: nullish(z.string()).transform((body) => body ?? ""),
  status: openEnum(postStatuses),
  draft: z.boolean().optional(),
  scheduled_at: stringOrNull,
  created_at: z.string(),
  updated_at: z.string().optional(),
  queue_id: stringOrNull,
  queue_priority: stringOrNull,
  media: z.array(mediaSchema),
  platforms: z.array(platformResultSchema),
  thread: z.array(threadChildSchema).default([]),
});
export type Post = z.infer<typeof postSchema>;

export const postStatsSchema = z.looseObject({
  data: z.record(
    z.string(),
    z.looseObject({
      platforms: z.array(
        z.looseObject({
          profile_id: z.string(),
          platform: openEnum(platforms),
          records: z.array(statsRecordSchema),
        }),
      ),
    }),
  ),
});
export type PostStats = z.infer<typeof postStatsSchema>;

export const profileStatsSchema = z.looseObject({
  data: z.looseObject({
    profile_id: z.string(),
    platform: openEnum(platforms),
    placement_id: stringOrNull,
    records: z.array(statsRecordSchema),
  }),
});
export type ProfileStats = z.infer<typeof profileStatsSchema>;

export const webhookSchema = z.looseObject({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  enabled: z.boolean(),
  description: stringOrNull,
  secret: z.string().optional(),
  created_at: z.string(),
  updated_at: z.string().optional(),
});
export type Webhook = z.infer<typeof webhookSchema>;

export const webhookDeliverySchema = z.looseObject({
  id: z.string(),
  event_id: z.string(),
  event_type: z.string(),
  response_status: nullish(z.number()),
  attempt_number: z.number(),
  success: z.boolean(),
  attempted_at: stringOrNull,
  created_at: z.string(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const connectionSchema = z.looseObject({
  success: z.boolean(),
  url: z.string().optional(),
  profile: record.optional(),
  next_step: z.string().optional(),
});
export type Connection = z.infer<typeof connectionSchema>;

export const deletedSchema = z.looseObject({ deleted: z.boolean() });
export const successSchema = z.looseObject({ success: z.boolean() });

export const listSchema = <T extends z.ZodType>(item: T) => z.looseObject({ data: z.array(item) });
export type List<T> = { data: T[] };

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.looseObject({
    total: z.number(),
    page: z.number(),
    per_page: z.number(),
    data: z.array(item),
  });
export type Page<T> = { total: number; page: number; per_page: number; data: T[] };
