import "server-only";
// Drizzle select skeletons (select, from, where and(workspaceId, …)) repeat across lib/data:
// each query names its own columns and workspace scope (STYLE.md); a shared builder hides both.
import { and, eq, inArray, min } from "drizzle-orm";
import { importedPosts, postTargets, posts } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { requireRole, type WorkspaceCtx } from "./context";

/** One TikTok publication of a post made outside Postdeck, as Postproxy reports it. */
export type OutsideTarget = {
  profileId: string;
  profileName: string;
  profileAvatarUrl: string | null;
  publishedAt: Date;
  platformUrl: string | null;
};

export type OutsidePost = {
  postproxyPostId: string;
  caption: string;
  format: "video" | "image" | null;
  settings: (typeof posts.$inferInsert)["settings"];
  createdAt: Date;
  targets: OutsideTarget[];
};

/**
 * Of these Postproxy post ids, the ones the workspace already has: a target of its own holds the
 * id (Postdeck made it) or it was imported before.
 */
export async function findKnownPostproxyPosts(
  ctx: WorkspaceCtx,
  postproxyPostIds: string[],
): Promise<Set<string>> {
  requireRole(ctx, "viewer");
  if (postproxyPostIds.length === 0) return new Set();
  const [own, imported] = await Promise.all([
    ctx.db
      .selectDistinct({ id: postTargets.postproxyPostId })
      .from(postTargets)
      .where(
        and(
          eq(postTargets.workspaceId, ctx.workspaceId),
          inArray(postTargets.postproxyPostId, postproxyPostIds),
        ),
      ),
    ctx.db
      .select({ id: importedPosts.postproxyPostId })
      .from(importedPosts)
      .where(
        and(
          eq(importedPosts.workspaceId, ctx.workspaceId),
          inArray(importedPosts.postproxyPostId, postproxyPostIds),
        ),
      ),
  ]);
  return new Set([...own, ...imported].map((r) => r.id!));
}

/**
 * When the earliest target still `unknown` was created (a send whose answer was lost: Postproxy
 * may hold its post while no target names it yet), or null when none is. Posts Postproxy made from
 * then on are not imported: one of them may be that post, and would appear twice.
 */
export async function getUnknownTargetsSince(ctx: WorkspaceCtx): Promise<Date | null> {
  requireRole(ctx, "viewer");
  const [row] = await ctx.db
    .select({ at: min(postTargets.createdAt) })
    .from(postTargets)
    .where(and(eq(postTargets.workspaceId, ctx.workspaceId), eq(postTargets.status, "unknown")));
  return row?.at ?? null;
}

/**
 * Stores a post made outside Postdeck as a published, read-only post with its TikTok targets.
 * Returns false (and stores nothing) when the workspace already has it: imported by another run
 * meanwhile, or a target of Postdeck's own now holds its id.
 */
export async function importOutsidePost(ctx: WorkspaceCtx, input: OutsidePost): Promise<boolean> {
  requireRole(ctx, "viewer");
  if (input.targets.length === 0) return false;
  const already = new Error("already imported");
  try {
    await ctx.db.transaction(async (tx) => {
      const firstPublished = new Date(
        Math.min(...input.targets.map((t) => t.publishedAt.getTime())),
      );
      const [post] = await tx
        .insert(posts)
        .values({
          workspaceId: ctx.workspaceId,
          createdById: null,
          status: "published",
          caption: input.caption,
          format: input.format,
          settings: input.settings,
          profileIds: input.targets.map((t) => t.profileId),
          scheduleMode: "now",
          submittedAt: firstPublished,
          createdAt: input.createdAt,
          updatedAt: input.createdAt,
        })
        .returning({ id: posts.id });
      // The claim: a second import of the same Postproxy post (another server) stops here.
      const claimed = await tx
        .insert(importedPosts)
        .values({
          workspaceId: ctx.workspaceId,
          postproxyPostId: input.postproxyPostId,
          postId: post.id,
        })
        .onConflictDoNothing()
        .returning({ id: importedPosts.postId });
      if (claimed.length === 0) throw already;
      const own = await tx
        .select({ id: postTargets.id })
        .from(postTargets)
        .where(
          and(
            eq(postTargets.workspaceId, ctx.workspaceId),
            eq(postTargets.postproxyPostId, input.postproxyPostId),
          ),
        )
        .limit(1);
      if (own.length > 0) throw already;
      await tx.insert(postTargets).values(
        input.targets.map((t) => ({
          workspaceId: ctx.workspaceId,
          postId: post.id,
          profileId: t.profileId,
          profileName: t.profileName,
          profileAvatarUrl: t.profileAvatarUrl,
          status: "published" as const,
          postproxyPostId: input.postproxyPostId,
          sentAt: input.createdAt,
          publishedAt: t.publishedAt,
          platformUrl: t.platformUrl,
          lastSyncedAt: new Date(),
        })),
      );
    });
    return true;
  } catch (error) {
    if (error === already) return false;
    throw error;
  }
}

/** Whether the post was made outside Postdeck (imported): it is shown but never changed here. */
export async function isImportedPost(ctx: WorkspaceCtx, postId: string): Promise<boolean> {
  requireRole(ctx, "viewer");
  const rows = await ctx.db
    .select({ id: importedPosts.postId })
    .from(importedPosts)
    .where(and(eq(importedPosts.workspaceId, ctx.workspaceId), eq(importedPosts.postId, postId)))
    .limit(1);
  return rows.length > 0;
}

/** What a change to an imported post is told. */
export const madeElsewhereRefusal =
  "This post was made outside Postdeck with the workspace's Postproxy account and is read-only here: it cannot be edited, cancelled or retried from Postdeck.";

/** Throws `forbidden` for a post made outside Postdeck: its manage actions change nothing. */
export async function refuseIfImported(ctx: WorkspaceCtx, postId: string): Promise<void> {
  if (await isImportedPost(ctx, postId)) throw new AppError("forbidden", madeElsewhereRefusal);
}
