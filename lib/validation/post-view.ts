import { z } from "zod";
import type { TikTokSettings } from "@/lib/tiktok/params";
import type { MediaCardData } from "./media";
import { idSchema } from "./workspace";
import type { TargetStatus } from "./enums";

/** A post's status, derived from its targets (one per profile). */
export const localPostStatuses = [
  "draft",
  "submitting",
  "scheduled",
  "publishing",
  "published",
  "partially_published",
  "failed",
  "cancelled",
] as const;
export type LocalPostStatus = (typeof localPostStatuses)[number];

export { targetStatuses, type TargetStatus } from "./enums";

/** Who caused an entry of a post's timeline. */
export const postEventSources = ["user", "submit", "webhook", "sync", "system"] as const;
export type PostEventSource = (typeof postEventSources)[number];

/** One entry of a post's timeline, as the post page shows it. */
export type PostEventView = {
  id: string;
  targetId: string | null;
  kind: string;
  fromStatus: TargetStatus | null;
  toStatus: TargetStatus | null;
  source: PostEventSource;
  detail: Record<string, unknown>;
  createdAt: string;
};

const isOneOf =
  (statuses: readonly TargetStatus[]) =>
  (status: TargetStatus): boolean =>
    statuses.includes(status);

/** Statuses after which Postproxy has nothing more to say about a target. */
export const finalTargetStatuses = [
  "published",
  "failed",
  "cancelled",
] as const satisfies readonly TargetStatus[];

export const isFinalTargetStatus = isOneOf(finalTargetStatuses);

/** Statuses that mean Postproxy took (or may have taken) the post: it must not be sent again. */
export const sentTargetStatuses = [
  "unknown",
  "scheduled",
  "delayed",
  "processing",
  "published",
] as const satisfies readonly TargetStatus[];

export const isSentTargetStatus = isOneOf(sentTargetStatuses);

/**
 * What a failed target needs: `needs_edit` (refused by validation: fix the post and send it again),
 * `retryable` (transient or unknown outcome: resend with the same Idempotency-Key), `final`
 * (nothing Postdeck can resend changes it).
 */
export const targetErrorKinds = ["needs_edit", "retryable", "final"] as const;
export type TargetErrorKind = (typeof targetErrorKinds)[number];

export type PostFormat = "video" | "image";
export type PostScheduleMode = "now" | "schedule" | "draft";

export type PostTargetView = {
  id: string;
  profileId: string;
  profileName: string;
  profileAvatarUrl: string | null;
  status: TargetStatus;
  /** Not published yet, and the profile's connection is expired or inactive: reconnect first. */
  profileNeedsReconnect: boolean;
  /** Plain words: the cause, who acts, the fix. */
  error: string | null;
  /** Transient failure or unknown outcome: resending with the same Idempotency-Key is safe. */
  canRetry: boolean;
  /** Refused by validation (422): fix it in /compose?post=<id>. */
  needsEdit: boolean;
  postproxyPostId: string | null;
  scheduledAt: string | null;
  publishedAt: string | null;
  platformUrl: string | null;
  updatedAt: string;
};

export type PostView = {
  id: string;
  workspaceId: string;
  status: LocalPostStatus;
  caption: string;
  format: PostFormat | null;
  /** In post order. */
  media: MediaCardData[];
  settings: TikTokSettings;
  scheduleMode: PostScheduleMode;
  scheduledAt: string | null;
  timeZone: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  createdByName: string | null;
  targets: PostTargetView[];
  /** Every target is final (or the post is a draft): nothing left to poll for. */
  isFinal: boolean;
};

export const postIdSchema = z.object({ workspaceId: idSchema, postId: idSchema });
export type PostIdInput = z.infer<typeof postIdSchema>;

export const targetIdSchema = z.object({
  workspaceId: idSchema,
  postId: idSchema,
  targetId: idSchema,
});
export type TargetIdInput = z.infer<typeof targetIdSchema>;

/** One profile's copy of a post on Home (read by lib/data/home.ts, shown by the Home lists). */
export type HomeTarget = {
  targetId: string;
  postId: string;
  caption: string;
  profileName: string;
  profileAvatarUrl: string | null;
  status: TargetStatus;
  /** When it goes out (coming up) or when it failed (needs attention). */
  at: string | null;
  error: string | null;
};
