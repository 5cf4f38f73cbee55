import "server-only";
// Drizzle select skeletons (select, from, where and(workspaceId, …)) repeat across lib/data:
// each query names its own columns and workspace scope (STYLE.md); a shared builder hides both.
import { and, asc, desc, eq, gt, gte, isNull, ne, sql } from "drizzle-orm";
import {
  importedPosts,
  invites,
  memberships,
  posts,
  postTargets,
  profileMirrorStates,
  profiles,
  workspaces,
} from "@/lib/db/schema";
import type { HomeTarget } from "@/lib/validation/post-view";
import { requireRole, type WorkspaceCtx } from "./context";
import { mirrorStateColumns, toMirrorState, type MirrorState } from "./profiles";
import { AppError } from "@/lib/errors";

export type { HomeTarget };

export type HomePosts = {
  comingUp: HomeTarget[];
  needsAttention: HomeTarget[];
};

/** What Home's header and getting-started list say, read in one round trip. */
export type HomeSetup = {
  workspaceName: string;
  hasApiKey: boolean;
  auditStatus: (typeof workspaces.$inferSelect)["tiktokAuditStatus"];
  mirror: MirrorState;
  /** TikTok profiles in the mirror; null while it is not loaded with the current key. */
  activeTikTokProfiles: number | null;
  expiredTikTokProfiles: number;
  memberCount: number;
  /** Open invites, counted for owners only (0 for others, who may not see them). */
  pendingInvites: number;
  /** Any post sent to Postproxy (a post refused everywhere goes back to being a draft). */
  hasSentPost: boolean;
};

/** Failures older than this are history, not something to act on from Home. */
const attentionWindowMs = 14 * 24 * 60 * 60 * 1000;

const count = (from: ReturnType<typeof sql>) => sql<number>`(select count(*)::int ${from})`;

/**
 * Home's facts in one query (Home used to make six round trips for them, reading whole member and
 * invite lists only to count them).
 */
export async function getHomeSetup(ctx: WorkspaceCtx, now = new Date()): Promise<HomeSetup> {
  requireRole(ctx, "viewer");
  const isOwner = ctx.role === "owner";
  const tiktok = sql`from ${profiles} where ${profiles.workspaceId} = ${ctx.workspaceId} and ${profiles.removedAt} is null and ${profiles.platform} = 'tiktok'`;
  const [row] = await ctx.db
    .select({
      ...mirrorStateColumns,
      name: workspaces.name,
      apiKeyLast4: workspaces.postproxyKeyLast4,
      auditStatus: workspaces.tiktokAuditStatus,
      activeTikTok: count(sql`${tiktok} and ${profiles.status} = 'active'`),
      otherTikTok: count(sql`${tiktok} and ${profiles.status} <> 'active'`),
      memberCount: count(
        sql`from ${memberships} where ${memberships.workspaceId} = ${ctx.workspaceId}`,
      ),
      pendingInvites: isOwner
        ? count(
            sql`from ${invites} where ${and(
              eq(invites.workspaceId, ctx.workspaceId),
              isNull(invites.usedAt),
              isNull(invites.revokedAt),
              gt(invites.expiresAt, now),
            )}`,
          )
        : sql<number>`0`,
      hasSentPost: sql<boolean>`exists (select 1 from ${posts} where ${and(
        eq(posts.workspaceId, ctx.workspaceId),
        ne(posts.status, "draft"),
        // Posts made elsewhere (imported) are history, not this workspace's first post here.
        sql`not exists (select 1 from ${importedPosts} where ${importedPosts.postId} = ${posts.id})`,
      )})`,
    })
    .from(workspaces)
    .leftJoin(profileMirrorStates, eq(profileMirrorStates.workspaceId, workspaces.id))
    .where(eq(workspaces.id, ctx.workspaceId));
  if (!row) throw new AppError("not_found", "Workspace not found.");
  const mirror = toMirrorState(row, now);
  return {
    workspaceName: row.name,
    hasApiKey: !!row.apiKeyLast4,
    auditStatus: row.auditStatus,
    mirror,
    activeTikTokProfiles: mirror.isLoaded ? row.activeTikTok : null,
    expiredTikTokProfiles: mirror.isLoaded ? row.otherTikTok : 0,
    memberCount: row.memberCount,
    pendingInvites: row.pendingInvites,
    hasSentPost: row.hasSentPost,
  };
}

const columns = {
  targetId: postTargets.id,
  postId: postTargets.postId,
  caption: posts.caption,
  profileName: postTargets.profileName,
  profileAvatarUrl: postTargets.profileAvatarUrl,
  status: postTargets.status,
  scheduledAt: postTargets.scheduledAt,
  updatedAt: postTargets.updatedAt,
  error: postTargets.error,
};

/** Home's post lists: the next scheduled targets and recent failures, each `limit` long. */
export async function getHomePosts(
  ctx: WorkspaceCtx,
  { limit = 5, now = new Date() }: { limit?: number; now?: Date } = {},
): Promise<HomePosts> {
  requireRole(ctx, "viewer");
  const scoped = (extra: ReturnType<typeof and>) =>
    and(
      eq(postTargets.workspaceId, ctx.workspaceId),
      eq(posts.workspaceId, ctx.workspaceId),
      extra,
    );
  // Both lists in one round trip; each part keeps its own order and limit.
  const rows = await ctx.db
    .select({ ...columns, isFailure: sql<boolean>`false` })
    .from(postTargets)
    .innerJoin(posts, eq(posts.id, postTargets.postId))
    .where(scoped(and(eq(postTargets.status, "scheduled"), gte(postTargets.scheduledAt, now))))
    .orderBy(asc(postTargets.scheduledAt), asc(postTargets.id))
    .limit(limit)
    .unionAll(
      ctx.db
        .select({ ...columns, isFailure: sql<boolean>`true` })
        .from(postTargets)
        .innerJoin(posts, eq(posts.id, postTargets.postId))
        .where(
          scoped(
            and(
              eq(postTargets.status, "failed"),
              gte(postTargets.updatedAt, new Date(now.getTime() - attentionWindowMs)),
            ),
          ),
        )
        .orderBy(desc(postTargets.updatedAt), desc(postTargets.id))
        .limit(limit),
    );
  type Row = (typeof rows)[number];
  const toTarget = (r: Row, at: Date | null): HomeTarget => ({
    targetId: r.targetId,
    postId: r.postId,
    caption: r.caption,
    profileName: r.profileName,
    profileAvatarUrl: r.profileAvatarUrl,
    status: r.status,
    at: at ? at.toISOString() : null,
    error: r.error,
  });
  // A union's rows come in no promised order: sort each list again (a few rows at most), ties by
  // id as PostgreSQL orders uuids (byte order, which plain string order of their text matches).
  const byTime = (at: (r: Row) => Date | null, dir: 1 | -1) => (a: Row, b: Row) =>
    dir * ((at(a)?.getTime() ?? 0) - (at(b)?.getTime() ?? 0)) ||
    dir * (a.targetId < b.targetId ? -1 : a.targetId > b.targetId ? 1 : 0);
  return {
    comingUp: rows
      .filter((r) => !r.isFailure)
      .sort(byTime((r) => r.scheduledAt, 1))
      .map((r) => toTarget(r, r.scheduledAt)),
    needsAttention: rows
      .filter((r) => r.isFailure)
      .sort(byTime((r) => r.updatedAt, -1))
      .map((r) => toTarget(r, r.updatedAt)),
  };
}
