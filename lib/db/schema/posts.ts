import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  postFormatEnum,
  postModeEnum,
  postStatusEnum,
  targetErrorKindEnum,
  targetStatusEnum,
  createdAt,
} from "./enums";
import type { TikTokPostParams, TikTokSettings } from "@/lib/tiktok/params";
import { users, workspaceRef } from "./accounts";

// Tables list their columns whole, as drizzle-kit reads them: alike runs across tables stay.

/**
 * Exactly what a target sends to Postproxy, kept so a retry under the same Idempotency-Key sends
 * the same request (Postproxy answers 422 to a different request under a used key).
 */
export type PostTargetRequest = {
  /** Postproxy scopes posts by profile group; each call names the profile's own group. */
  profileGroupId: string | null;
  body: string;
  scheduledAt: string | null;
  platforms: { tiktok: TikTokPostParams };
  mediaIds: string[];
  /** Signed links when PUBLIC_BASE_URL is set; null: the files are streamed as multipart. */
  mediaUrls: string[] | null;
};

/** Media of a draft as the composer holds them: ordered ids with the kind the client saw. */
export type PostMediaRef = { id: string; kind: "video" | "image" };

/**
 * A post as the composer wrote it. Its status is derived from its targets (one per profile) and
 * stored for filtering; the wall-clock `scheduleAt` + `timeZone` reopen the form as typed, while
 * `scheduledAt` is the UTC instant sent to Postproxy.
 */
export const posts = pgTable(
  "posts",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    status: postStatusEnum().notNull().default("draft"),
    caption: text().notNull().default(""),
    format: postFormatEnum(),
    settings: jsonb().$type<TikTokSettings>().notNull(),
    /** The draft's chosen profiles (Postproxy ids), in the order picked. */
    profileIds: jsonb().$type<string[]>().notNull().default([]),
    /** Ordered; a file may still be uploading while a draft is saved. */
    media: jsonb().$type<PostMediaRef[]>().notNull().default([]),
    scheduleMode: postModeEnum().notNull().default("now"),
    scheduleAt: text(),
    timeZone: text().notNull().default("UTC"),
    scheduledAt: timestamp({ withTimezone: true }),
    submittedAt: timestamp({ withTimezone: true }),
    /** Grows with every accepted edit after sending: two people editing at once get `conflict`. */
    version: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: createdAt(),
    /**
     * Where a sent post sits in the posts list (newest first) and what its date filter reads: the
     * scheduled time, else when it was sent. Generated, so no writer has to keep it.
     */
    listAt: timestamp({ withTimezone: true })
      .notNull()
      .generatedAlwaysAs(sql`coalesce(scheduled_at, submitted_at, created_at)`),
  },
  (t) => [
    index("posts_workspace_updated_idx").on(t.workspaceId, t.updatedAt, t.id),
    // Drafts tab (status = draft, by last edit) and the Posts tab filtered by a status.
    index("posts_workspace_status_idx").on(t.workspaceId, t.status, t.updatedAt, t.id),
    index("posts_workspace_status_list_idx").on(t.workspaceId, t.status, t.listAt, t.id),
    // Posts tab: every sent post by its list time, keyset (list_at, id).
    index("posts_workspace_list_idx").on(t.workspaceId, t.listAt, t.id),
    index("posts_created_by_idx").on(t.createdById),
    // "Caption contains": ILIKE '%…%' through trigrams (extension pg_trgm, migration enable_pg_trgm).
    index("posts_caption_trgm_idx").using("gin", t.caption.op("gin_trgm_ops")),
  ],
);

/**
 * One Postproxy post per chosen profile. The Idempotency-Key is derived from id + revision, so a
 * retry never posts twice; revision grows only when a refused target is sent again after an edit.
 */
export const postTargets = pgTable(
  "post_targets",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    postId: uuid()
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    profileId: text().notNull(),
    profileName: text().notNull(),
    profileAvatarUrl: text(),
    status: targetStatusEnum().notNull().default("pending"),
    error: text(),
    errorKind: targetErrorKindEnum(),
    postproxyPostId: text(),
    revision: integer().notNull().default(0),
    attempts: integer().notNull().default(0),
    request: jsonb().$type<PostTargetRequest>(),
    /** Grows with every edit sent to Postproxy; the PATCH key is `postdeck-<id>-e<editRevision>`. */
    editRevision: integer().notNull().default(0),
    /**
     * The TikTok settings this profile's Postproxy post has, when an edit left it apart from the
     * post's (Postproxy accepted the change for some profiles only); null: the post's.
     */
    settings: jsonb().$type<TikTokSettings>(),
    sentAt: timestamp({ withTimezone: true }),
    scheduledAt: timestamp({ withTimezone: true }),
    publishedAt: timestamp({ withTimezone: true }),
    platformUrl: text(),
    /** Which Postproxy key sent it (a fingerprint): another account's key must not sync it. */
    apiKeyFingerprint: text(),
    /**
     * Why sync stopped checking it, its status kept as last known: `previous_key` (Postproxy has
     * it only under a key this workspace no longer uses) or `not_found` (404, not deleted here).
     */
    syncHalt: text(),
    lastSyncedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    uniqueIndex("post_targets_post_profile_idx").on(t.postId, t.profileId),
    index("post_targets_workspace_status_idx").on(t.workspaceId, t.status),
    index("post_targets_profile_time_idx").on(t.workspaceId, t.profileId, t.scheduledAt),
    index("post_targets_postproxy_post_idx").on(t.postproxyPostId),
  ],
);
