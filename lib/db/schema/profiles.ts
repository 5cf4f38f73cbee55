import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt } from "./enums";
import { workspaceRef, userRef, workspaceKey } from "./accounts";
import { posts, postTargets } from "./posts";

// Tables list their columns whole, as drizzle-kit reads them: alike runs across tables stay.

const tz = () => timestamp({ withTimezone: true });

/**
 * The workspace's Postproxy profile groups as last read (PRODUCT.md §6.1). Pages read this mirror;
 * only the refresh (a background action, the sync route, profile webhooks) calls Postproxy.
 */
export const profileGroups = pgTable(
  "profile_groups",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    postproxyId: text().notNull(),
    name: text().notNull(),
    /** Set when Postproxy stopped listing the group; kept so history still names it. */
    removedAt: tz(),
    syncedAt: tz().notNull(),
  },
  (t) => [uniqueIndex("profile_groups_workspace_postproxy_idx").on(t.workspaceId, t.postproxyId)],
);

export const profiles = pgTable(
  "profiles",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    groupId: uuid()
      .notNull()
      .references(() => profileGroups.id, { onDelete: "cascade" }),
    postproxyId: text().notNull(),
    platform: text().notNull(),
    name: text().notNull(),
    username: text(),
    avatarUrl: text(),
    /** Postproxy's word: active, expired, inactive (anything newer is kept as sent). */
    status: text().notNull(),
    expiresAt: tz(),
    postCount: integer(),
    /** The last Postproxy call that returned this profile (a list, a webhook, a stats read). */
    lastSuccessAt: tz(),
    /** Set when Postproxy stopped listing it; its posts and stats keep their history. */
    removedAt: tz(),
    syncedAt: tz().notNull(),
    /** When its stats timeseries was last read from Postproxy (null: never). */
    statsFetchedAt: tz(),
  },
  (t) => [
    uniqueIndex("profiles_workspace_postproxy_idx").on(t.workspaceId, t.postproxyId),
    index("profiles_group_idx").on(t.groupId),
  ],
);

/** One row per workspace: when the mirror was last refreshed, and whether the refresh failed. */
export const profileMirrorStates = pgTable("profile_mirror_states", {
  workspaceId: workspaceKey(),
  refreshedAt: tz(),
  /** A refresh claims the row by setting this, so concurrent requests start one refresh. */
  attemptedAt: tz(),
  /** The message of the last failed refresh, cleared by the next good one. */
  lastError: text(),
});

/**
 * A Connect started by a user for a group: the state value travels to Postproxy's consent page
 * and back; only its hash is stored, and it works once, for that user, within its lifetime.
 */
export const profileConnections = pgTable(
  "profile_connections",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    userId: userRef(),
    groupId: uuid()
      .notNull()
      .references(() => profileGroups.id, { onDelete: "cascade" }),
    stateHash: text().notNull(),
    /** The group's TikTok profile ids before, so the return can tell a new connection. */
    profileIdsBefore: jsonb().$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
    expiresAt: tz().notNull(),
    usedAt: tz(),
  },
  (t) => [
    uniqueIndex("profile_connections_state_idx").on(t.stateHash),
    index("profile_connections_workspace_idx").on(t.workspaceId),
    index("profile_connections_user_idx").on(t.userId),
    index("profile_connections_group_idx").on(t.groupId),
  ],
);

const count = () => bigint({ mode: "number" });

/** A profile's stats snapshot; a missing metric is null (a gap), never 0. */
export const profileStatSnapshots = pgTable(
  "profile_stat_snapshots",
  {
    workspaceId: workspaceRef(),
    profileId: uuid()
      .notNull()
      .references(() => profiles.id, { onDelete: "cascade" }),
    recordedAt: tz().notNull(),
    followerCount: count(),
    followingCount: count(),
    likesCount: count(),
    videoCount: count(),
  },
  (t) => [
    primaryKey({ columns: [t.profileId, t.recordedAt] }),
    index("profile_stat_snapshots_workspace_idx").on(t.workspaceId, t.recordedAt),
  ],
);

/** A post target's stats snapshot (TikTok: impressions, likes, comments, shares). */
export const postStatSnapshots = pgTable(
  "post_stat_snapshots",
  {
    workspaceId: workspaceRef(),
    postTargetId: uuid()
      .notNull()
      .references(() => postTargets.id, { onDelete: "cascade" }),
    recordedAt: tz().notNull(),
    impressions: count(),
    likes: count(),
    comments: count(),
    shares: count(),
  },
  (t) => [
    primaryKey({ columns: [t.postTargetId, t.recordedAt] }),
    index("post_stat_snapshots_workspace_idx").on(t.workspaceId, t.recordedAt),
  ],
);

/** When a target's stats were last read, and whether Postproxy no longer has the post. */
export const postStatStates = pgTable(
  "post_stat_states",
  {
    postTargetId: uuid()
      .primaryKey()
      .references(() => postTargets.id, { onDelete: "cascade" }),
    workspaceId: workspaceRef(),
    fetchedAt: tz(),
    /** Postproxy answered 404 for the post: it is not fetched again, its history stays. */
    goneAt: tz(),
    /**
     * The target's latest snapshot, kept here at every ingest so the Stats page ranks posts
     * without looking up each target's snapshots (lib/data/stats.ts refreshLatestSnapshots).
     */
    latestRecordedAt: tz(),
    latestImpressions: count(),
    latestLikes: count(),
    latestComments: count(),
    latestShares: count(),
    /**
     * Likes + comments + shares of the latest snapshot taken within 7 days of publishing (the
     * best-time heatmap's engagement); null when there is none.
     */
    weekEngagement: count(),
  },
  (t) => [index("post_stat_states_workspace_idx").on(t.workspaceId, t.fetchedAt)],
);

/**
 * A post the workspace's Postproxy account made outside Postdeck, imported into the posts list
 * and the stats (PRODUCT.md §6.2): made elsewhere and read-only. Unique per Postproxy post, so
 * two imports at once (two servers, the sync route and a key save) never make it twice.
 */
export const importedPosts = pgTable(
  "imported_posts",
  {
    workspaceId: workspaceRef(),
    postproxyPostId: text().notNull(),
    postId: uuid()
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    importedAt: tz().notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.postproxyPostId] }),
    uniqueIndex("imported_posts_post_idx").on(t.postId),
  ],
);
