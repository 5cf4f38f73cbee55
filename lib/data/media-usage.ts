import "server-only";
import { and, eq, inArray, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { mediaFiles, mediaUsages, posts, postTargets } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { blockingUsageStatuses, type MediaUsageStatus } from "@/lib/validation/media";
import { finalTargetStatuses } from "@/lib/validation/post-view";
import { requireRole, type WorkspaceCtx } from "./context";
import { getMedia, mediaNotFound, uuidPattern } from "./media";

/** The workspace's uses of the files that also meet `condition`. */
const usesOf = (workspaceId: string, mediaIds: string[], condition: SQL | undefined) =>
  and(eq(mediaUsages.workspaceId, workspaceId), inArray(mediaUsages.mediaId, mediaIds), condition);

/**
 * Why a file may not go: a post still on its way uses it. "On its way" is any post whose usage
 * says scheduled/publishing, or that has a target Postproxy is not done with (every target status
 * but published/failed/cancelled, so a status added later blocks until someone says otherwise).
 */
async function findBlockingUses(db: Db, workspaceId: string, mediaIds: string[]) {
  if (mediaIds.length === 0) return [];
  return db
    .selectDistinct({
      mediaId: mediaUsages.mediaId,
      usageStatus: mediaUsages.status,
      postStatus: posts.status,
    })
    .from(mediaUsages)
    .innerJoin(posts, eq(posts.id, mediaUsages.postId))
    .where(
      usesOf(
        workspaceId,
        mediaIds,
        or(
          inArray(mediaUsages.status, [...blockingUsageStatuses]),
          sql`exists (select 1 from ${postTargets} where ${postTargets.postId} = ${mediaUsages.postId}
            and ${notInArray(postTargets.status, [...finalTargetStatuses])})`,
        ),
      ),
    );
}

/** Drafts (not yet sent anywhere) that use each file: deleting it leaves them a file short. */
async function countDraftUses(db: Db, workspaceId: string, mediaIds: string[]) {
  if (mediaIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ mediaId: mediaUsages.mediaId, drafts: sql<number>`count(*)::int` })
    .from(mediaUsages)
    .innerJoin(posts, eq(posts.id, mediaUsages.postId))
    .where(usesOf(workspaceId, mediaIds, eq(posts.status, "draft")))
    .groupBy(mediaUsages.mediaId);
  return new Map(rows.map((r) => [r.mediaId, Number(r.drafts)]));
}

type BlockingUse = { usageStatus: string; postStatus: string };

function blockingReason(name: string, uses: BlockingUse[]) {
  const has = (s: string) => uses.some((u) => u.usageStatus === s || u.postStatus === s);
  if (has("publishing"))
    return `“${name}” is being published right now; it can be deleted once that finishes.`;
  if (has("scheduled"))
    return `“${name}” is used by a scheduled post. Remove it from that post or cancel the post first.`;
  return `“${name}” is used by a post Postproxy has not finished with (${uses[0].postStatus.replaceAll("_", " ")}). It can be deleted once that post is published, failed or cancelled.`;
}

export type DeleteMediaOutcome = {
  deleted: { id: string; name: string }[];
  refused: { id: string; name: string; reason: string }[];
  /** Used by drafts: nothing was deleted because the user has not confirmed these yet. */
  needsConfirm: { id: string; name: string; drafts: number }[];
};

/**
 * Deletes files of the workspace; the caller removes the stored bytes of `deleted`. Files an
 * unfinished post uses are refused with the reason; if some files are used by drafts and
 * `confirmDrafts` is false, nothing is deleted and those files are returned to confirm.
 */
export async function deleteMediaFiles(
  ctx: WorkspaceCtx,
  input: { mediaIds: string[]; confirmDrafts: boolean },
): Promise<DeleteMediaOutcome> {
  requireRole(ctx, "editor");
  const ids = [...new Set(input.mediaIds.filter((id) => uuidPattern.test(id)))];
  if (ids.length === 0) throw mediaNotFound();
  return ctx.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    // The row locks make a concurrent attach either finish first (and block this) or wait.
    const files = await tx
      .select({ id: mediaFiles.id, name: mediaFiles.name })
      .from(mediaFiles)
      .where(and(eq(mediaFiles.workspaceId, ctx.workspaceId), inArray(mediaFiles.id, ids)))
      .orderBy(mediaFiles.id)
      .for("update");
    if (files.length < ids.length) throw mediaNotFound();
    const blocking = new Map<string, BlockingUse[]>();
    for (const use of await findBlockingUses(tx, ctx.workspaceId, ids))
      blocking.set(use.mediaId, [...(blocking.get(use.mediaId) ?? []), use]);
    const refused = files.flatMap((f) => {
      const uses = blocking.get(f.id);
      return uses ? [{ ...f, reason: blockingReason(f.name, uses) }] : [];
    });
    const free = files.filter((f) => !blocking.has(f.id));
    const drafts = await countDraftUses(
      tx,
      ctx.workspaceId,
      free.map((f) => f.id),
    );
    const needsConfirm = input.confirmDrafts
      ? []
      : free.flatMap((f) => (drafts.has(f.id) ? [{ ...f, drafts: drafts.get(f.id)! }] : []));
    if (needsConfirm.length > 0) return { deleted: [], refused, needsConfirm };
    if (free.length > 0)
      await tx.delete(mediaFiles).where(
        inArray(
          mediaFiles.id,
          free.map((f) => f.id),
        ),
      );
    return { deleted: free, refused, needsConfirm: [] };
  });
}

/** One file; refused (as a conflict) while an unfinished post uses it. Drafts lose it. */
export async function deleteMedia(ctx: WorkspaceCtx, mediaId: string): Promise<{ id: string }> {
  if (!uuidPattern.test(mediaId)) throw mediaNotFound();
  const outcome = await deleteMediaFiles(ctx, { mediaIds: [mediaId], confirmDrafts: true });
  if (outcome.refused[0]) throw new AppError("conflict", outcome.refused[0].reason);
  return { id: mediaId };
}

/** Records that a post uses a file (the composer calls it); only finished, usable files attach. */
export async function attachMedia(
  ctx: WorkspaceCtx,
  input: { mediaId: string; postId: string; status: MediaUsageStatus },
) {
  requireRole(ctx, "editor");
  const media = await getMedia(ctx, input.mediaId);
  const [post] = uuidPattern.test(input.postId)
    ? await ctx.db
        .select({ id: posts.id })
        .from(posts)
        .where(and(eq(posts.id, input.postId), eq(posts.workspaceId, ctx.workspaceId)))
    : [];
  if (!post) throw new AppError("not_found", "That post does not exist in this workspace.");
  if (media.status !== "ready")
    throw new AppError(
      "conflict",
      `“${media.name}” cannot be used in a post: ${media.rejectReason ?? "its upload has not finished"}.`,
    );
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(mediaUsages)
      .values({
        workspaceId: ctx.workspaceId,
        mediaId: media.id,
        postId: input.postId,
        status: input.status,
      })
      .onConflictDoUpdate({
        target: [mediaUsages.mediaId, mediaUsages.postId],
        set: { status: input.status, updatedAt: new Date() },
      });
    await tx
      .update(mediaFiles)
      .set({ firstAttachedAt: sql`coalesce(${mediaFiles.firstAttachedAt}, now())` })
      .where(eq(mediaFiles.id, media.id));
  });
}
