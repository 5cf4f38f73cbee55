import "server-only";
// Drizzle select skeletons (select, from, where and(workspaceId, …)) repeat across lib/data:
// each query names its own columns and workspace scope (STYLE.md); a shared builder hides both.
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/client";
import { posts, postTargets, workspaces } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { publishTexts } from "@/lib/tiktok/texts";
import type { MediaCardData } from "@/lib/validation/media";
import type { ComposePostFormValues, DraftInput } from "@/lib/validation/post";
import { sentTargetStatuses } from "@/lib/validation/post-view";
import { requireRole, type WorkspaceCtx } from "./context";
import { mediaIdsOf, pickSettings, postRows } from "./post-rows";
import { loadMediaCards, syncMediaUsages } from "./posts-media";

export { getPostView, listProfilePostTimes } from "./posts-read";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const postNotFound = () => new AppError("not_found", publishTexts.notFound);

async function workspaceTimeZone(db: Db | Tx, workspaceId: string): Promise<string> {
  const [row] = await db
    .select({ timezone: workspaces.timezone })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row?.timezone ?? "UTC";
}

/** Why a post cannot be written as a draft: gone (or another workspace's), or submitted. */
async function refuseDraftWrite(db: Db | Tx, workspaceId: string, postId: string): Promise<never> {
  const [row] = await db
    .select({ status: posts.status })
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.workspaceId, workspaceId)));
  if (!row) throw postNotFound();
  throw new AppError("conflict", publishTexts.notDraft);
}

/**
 * Autosave: creates the draft when `postId` is absent, else updates it while it is still a draft
 * (a post submitted meanwhile is a conflict, never overwritten).
 */
export async function saveDraft(
  ctx: WorkspaceCtx,
  input: DraftInput,
): Promise<{ postId: string; savedAt: string }> {
  requireRole(ctx, "editor");
  if (input.postId && !uuidPattern.test(input.postId)) throw postNotFound();
  const now = new Date();
  return ctx.db.transaction(async (tx) => {
    const write = {
      input,
      status: "draft" as const,
      now,
      fallbackTimeZone: await workspaceTimeZone(tx, ctx.workspaceId),
    };
    const [row] = input.postId
      ? await postRows.update(tx, ctx, input.postId, write)
      : await postRows.insert(tx, ctx, write);
    if (!row) return refuseDraftWrite(tx, ctx.workspaceId, input.postId!);
    await syncMediaUsages(tx, ctx.workspaceId, row.id, mediaIdsOf(input), "draft");
    return { postId: row.id, savedAt: now.toISOString() };
  });
}

export type ComposeDraft = {
  postId: string;
  values: ComposePostFormValues;
  media: MediaCardData[];
  /** Profiles Postproxy already took: shown as sent, cannot be unpicked. */
  lockedProfileIds: string[];
  savedAt: string;
  mediaNotice: string | null;
};

/** What the composer says when files a draft named were deleted from the library since. */
export function missingMediaNotice(missing: number): string | null {
  if (missing <= 0) return null;
  return missing === 1
    ? "1 file of this post was deleted from the media library, so it is no longer in the post. Add another file if the post needs one."
    : `${missing} files of this post were deleted from the media library, so they are no longer in the post. Add other files if the post needs them.`;
}

/** A draft (or a submitted post whose refused targets are to be fixed) as the form reopens it. */
export async function getComposeDraft(ctx: WorkspaceCtx, postId: string): Promise<ComposeDraft> {
  requireRole(ctx, "viewer");
  if (!uuidPattern.test(postId)) throw postNotFound();
  const [post] = await ctx.db
    .select()
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.workspaceId, ctx.workspaceId)));
  if (!post) throw postNotFound();
  // A sent post never reopens in the composer's create path: its page is where it changes.
  if (post.status !== "draft")
    throw new AppError("conflict", publishTexts.alreadySent, undefined, { postId: post.id });
  const [media, locked] = await Promise.all([
    loadMediaCards(ctx.db, ctx.workspaceId, post.media),
    ctx.db
      .select({ profileId: postTargets.profileId })
      .from(postTargets)
      .where(
        and(
          eq(postTargets.workspaceId, ctx.workspaceId),
          eq(postTargets.postId, post.id),
          inArray(postTargets.status, [...sentTargetStatuses]),
        ),
      ),
  ]);
  const kinds = new Map(media.map((m) => [m.id, m.kind]));
  const values: ComposePostFormValues = {
    workspaceId: ctx.workspaceId,
    postId: post.id,
    profileIds: post.profileIds,
    // Files deleted from the library since drop out; kinds are the probed ones.
    media: post.media.flatMap((m) => {
      const kind = kinds.get(m.id);
      if (!kind) return [];
      return [{ id: m.id, kind: kind === "video" || kind === "image" ? kind : m.kind }];
    }),
    caption: post.caption,
    ...pickSettings(post.settings),
    schedule: {
      mode: post.scheduleMode,
      ...(post.scheduleAt ? { at: post.scheduleAt } : {}),
      timeZone: post.timeZone,
    },
  };
  return {
    postId: post.id,
    values,
    media,
    lockedProfileIds: locked.map((l) => l.profileId),
    savedAt: post.updatedAt.toISOString(),
    mediaNotice: missingMediaNotice(post.media.length - (values.media?.length ?? 0)),
  };
}

/** Deletes a draft with its targets and media usages; a submitted post is a conflict. */
export async function deleteDraft(ctx: WorkspaceCtx, postId: string): Promise<{ id: string }> {
  requireRole(ctx, "editor");
  if (!uuidPattern.test(postId)) throw postNotFound();
  return ctx.db.transaction(async (tx) => {
    const post = await postRows.lockForUpdate(tx, ctx, postId);
    if (!post) throw postNotFound();
    const [sent] = await tx
      .select({ id: postTargets.id })
      .from(postTargets)
      .where(and(eq(postTargets.postId, post.id), isNotNull(postTargets.postproxyPostId)))
      .limit(1);
    if (post.status !== "draft" || sent)
      throw new AppError("conflict", publishTexts.notADraftToDelete);
    await tx.delete(posts).where(eq(posts.id, post.id));
    return { id: post.id };
  });
}
