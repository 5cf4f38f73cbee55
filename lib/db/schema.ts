import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import type { TikTokPostParams, TikTokSettings } from "@/lib/tiktok/params";
import { auditStatuses, inviteRoles, postModes, workspaceRoles } from "@/lib/validation/enums";
import { mediaKinds, mediaStatuses, mediaUsageStatuses } from "@/lib/validation/media";
import { localPostStatuses, targetErrorKinds, targetStatuses } from "@/lib/validation/post-view";

export const workspaceRoleEnum = pgEnum("workspace_role", workspaceRoles);
export const inviteRoleEnum = pgEnum("invite_role", inviteRoles);
export const auditStatusEnum = pgEnum("tiktok_audit_status", auditStatuses);
export const mediaKindEnum = pgEnum("media_kind", mediaKinds);
export const mediaStatusEnum = pgEnum("media_status", mediaStatuses);
export const mediaUsageStatusEnum = pgEnum("media_usage_status", mediaUsageStatuses);
export const postStatusEnum = pgEnum("post_status", localPostStatuses);
export const postModeEnum = pgEnum("post_mode", postModes);
export const postFormatEnum = pgEnum("post_format", ["video", "image"]);
export const targetStatusEnum = pgEnum("post_target_status", targetStatuses);
export const targetErrorKindEnum = pgEnum("post_target_error_kind", targetErrorKinds);

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull().unique(),
    name: text().notNull(),
    passwordHash: text(),
    // Bumped by "Sign out everywhere" and password changes; sessions carrying an older one are refused.
    sessionVersion: integer().notNull().default(0),
    lastWorkspaceId: uuid().references((): AnyPgColumn => workspaces.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("users_last_workspace_idx").on(t.lastWorkspaceId)],
);

export const oauthAccounts = pgTable(
  "oauth_accounts",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    provider: text().notNull(),
    providerAccountId: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("oauth_accounts_provider_account_idx").on(t.provider, t.providerAccountId),
    index("oauth_accounts_user_idx").on(t.userId),
  ],
);

export const workspaces = pgTable("workspaces", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  timezone: text().notNull().default("UTC"),
  tiktokAuditStatus: auditStatusEnum().notNull().default("unknown"),
  postproxyKeyCiphertext: text(),
  postproxyKeyLast4: text(),
  postproxyKeyUpdatedAt: timestamp({ withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: createdAt().$onUpdate(() => new Date()),
});

export const memberships = pgTable(
  "memberships",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: workspaceRoleEnum().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_workspace_user_idx").on(t.workspaceId, t.userId),
    index("memberships_user_idx").on(t.userId),
  ],
);

export const invites = pgTable(
  "invites",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    role: inviteRoleEnum().notNull(),
    tokenHash: text().notNull().unique(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    usedById: uuid().references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("invites_workspace_idx").on(t.workspaceId),
    index("invites_created_by_idx").on(t.createdById),
    index("invites_used_by_idx").on(t.usedById),
  ],
);

export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    ip: text().notNull(),
    success: boolean().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.email, t.createdAt),
    index("sign_in_attempts_ip_idx").on(t.ip, t.createdAt),
  ],
);

/** Any counted event a limit applies to (sign-ups per IP, reset requests per email, …). */
export const rateLimitHits = pgTable(
  "rate_limit_hits",
  {
    id: uuid().primaryKey().defaultRandom(),
    scope: text().notNull(),
    key: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("rate_limit_hits_scope_key_idx").on(t.scope, t.key, t.createdAt)],
);

/** One-time password reset links (emailed, or issued by an owner); only the token's hash is kept. */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull().unique(),
    issuedById: uuid().references(() => users.id, { onDelete: "set null" }),
    workspaceId: uuid().references(() => workspaces.id, { onDelete: "cascade" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("password_reset_tokens_user_idx").on(t.userId),
    index("password_reset_tokens_issued_by_idx").on(t.issuedById),
    index("password_reset_tokens_workspace_idx").on(t.workspaceId),
  ],
);

/**
 * A file of a workspace's media library. The id is also the storage key (tus upload id), chosen by
 * the server; the user's file name is only a label. Facts are probed from the bytes after upload.
 */
export const mediaFiles = pgTable(
  "media_files",
  {
    id: uuid().primaryKey(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    uploadedById: uuid().references(() => users.id, { onDelete: "set null" }),
    name: text().notNull(),
    declaredType: text().notNull().default(""),
    status: mediaStatusEnum().notNull().default("uploading"),
    kind: mediaKindEnum().notNull(),
    size: bigint({ mode: "number" }).notNull(),
    mime: text(),
    container: text(),
    durationSec: doublePrecision(),
    width: integer(),
    height: integer(),
    frameRate: doublePrecision(),
    rejectReason: text(),
    hasThumbnail: boolean().notNull().default(false),
    convertedFromId: uuid().references((): AnyPgColumn => mediaFiles.id, {
      onDelete: "set null",
    }),
    firstAttachedAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("media_files_workspace_idx").on(t.workspaceId, t.createdAt),
    index("media_files_uploaded_by_idx").on(t.uploadedById),
    index("media_files_converted_from_idx").on(t.convertedFromId),
    index("media_files_status_idx").on(t.status, t.createdAt),
  ],
);

/** Which post uses which file, in the post's order (`position`); deleting the post removes them. */
export const mediaUsages = pgTable(
  "media_usages",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    mediaId: uuid()
      .notNull()
      .references(() => mediaFiles.id, { onDelete: "cascade" }),
    postId: uuid()
      .notNull()
      .references((): AnyPgColumn => posts.id, { onDelete: "cascade" }),
    status: mediaUsageStatusEnum().notNull().default("draft"),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: createdAt().$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex("media_usages_media_post_idx").on(t.mediaId, t.postId),
    index("media_usages_workspace_idx").on(t.workspaceId),
    index("media_usages_post_idx").on(t.postId),
    index("media_usages_status_idx").on(t.mediaId, t.status),
  ],
);

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
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
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
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    index("posts_workspace_updated_idx").on(t.workspaceId, t.updatedAt, t.id),
    index("posts_workspace_status_idx").on(t.workspaceId, t.status, t.updatedAt),
    index("posts_created_by_idx").on(t.createdById),
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
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
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
    sentAt: timestamp({ withTimezone: true }),
    scheduledAt: timestamp({ withTimezone: true }),
    publishedAt: timestamp({ withTimezone: true }),
    platformUrl: text(),
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
