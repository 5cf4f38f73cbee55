import "server-only";
// Drizzle select skeletons (select, from, where and(workspaceId, …)) repeat across lib/data:
// each query names its own columns and workspace scope (STYLE.md); a shared builder hides both.
import { and, eq } from "drizzle-orm";
import { posts } from "@/lib/db/schema";
import { draftSchema } from "@/lib/validation/post";
import { isUuid } from "@/lib/validation/uuid";
import { requireRole, type WorkspaceCtx } from "./context";
import { postNotFound, saveDraft } from "./posts";
import { loadMediaCards } from "./posts-media";

/**
 * A new draft from any post of the workspace (a draft, or a sent post whatever its status): its
 * profiles, media (those still in the library), caption and TikTok settings, without a schedule.
 * Written through saveDraft, the one draft writer. Another workspace's post is not found.
 */
export async function duplicatePost(
  ctx: WorkspaceCtx,
  postId: string,
): Promise<{ postId: string; droppedMedia: number }> {
  requireRole(ctx, "editor");
  if (!isUuid(postId)) throw postNotFound();
  const [post] = await ctx.db
    .select({
      caption: posts.caption,
      settings: posts.settings,
      profileIds: posts.profileIds,
      media: posts.media,
      timeZone: posts.timeZone,
    })
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.workspaceId, ctx.workspaceId)));
  if (!post) throw postNotFound();
  const present = new Set(
    (await loadMediaCards(ctx.db, ctx.workspaceId, post.media)).map((m) => m.id),
  );
  const media = post.media.filter((m) => present.has(m.id));
  const droppedMedia = post.media.length - media.length;
  const input = draftSchema.parse({
    workspaceId: ctx.workspaceId,
    profileIds: post.profileIds,
    media,
    caption: post.caption,
    ...post.settings,
    // A photo post's cover points into its media: kept only when no file is missing.
    coverIndex: droppedMedia ? null : post.settings.coverIndex,
    schedule: { mode: "now", timeZone: post.timeZone },
  });
  const { postId: newId } = await saveDraft(ctx, input);
  return { postId: newId, droppedMedia };
}
