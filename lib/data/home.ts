import "server-only";
// Drizzle select skeletons (select, from, where and(workspaceId, …)) repeat across lib/data:
// each query names its own columns and workspace scope (STYLE.md); a shared builder hides both.
import { and, asc, desc, eq, gte, ne, sql } from "drizzle-orm";
import { importedPosts, posts, postTargets } from "@/lib/db/schema";
import type { HomeTarget } from "@/lib/validation/post-view";
import { requireRole, type WorkspaceCtx } from "./context";

export type { HomeTarget };

export type HomePosts = {
  /** Any post sent to Postproxy (a post refused everywhere goes back to being a draft). */
  hasSentPost: boolean;
  comingUp: HomeTarget[];
  needsAttention: HomeTarget[];
};

/** Failures older than this are history, not something to act on from Home. */
const attentionWindowMs = 14 * 24 * 60 * 60 * 1000;

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
  const [sent, upcoming, failed] = await Promise.all([
    ctx.db
      .select({ id: posts.id })
      .from(posts)
      .where(
        and(
          eq(posts.workspaceId, ctx.workspaceId),
          ne(posts.status, "draft"),
          // Posts made elsewhere (imported) are history, not this workspace's first post here.
          sql`not exists (select 1 from ${importedPosts} where ${importedPosts.postId} = ${posts.id})`,
        ),
      )
      .limit(1),
    ctx.db
      .select(columns)
      .from(postTargets)
      .innerJoin(posts, eq(posts.id, postTargets.postId))
      .where(scoped(and(eq(postTargets.status, "scheduled"), gte(postTargets.scheduledAt, now))))
      .orderBy(asc(postTargets.scheduledAt), asc(postTargets.id))
      .limit(limit),
    ctx.db
      .select(columns)
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
  ]);
  type Row = (typeof upcoming)[number];
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
  return {
    hasSentPost: sent.length > 0,
    comingUp: upcoming.map((r) => toTarget(r, r.scheduledAt)),
    needsAttention: failed.map((r) => toTarget(r, r.updatedAt)),
  };
}
