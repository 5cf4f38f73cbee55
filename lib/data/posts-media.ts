import "server-only";
import { and, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { mediaFiles, mediaUsages, users, type PostMediaRef } from "@/lib/db/schema";
import type { MediaCardData, MediaUsageStatus } from "@/lib/validation/media";
import { mediaColumns, type MediaItem } from "./media";
import { toMediaCards } from "./media-cards";

/** The workspace's files among `ids`, in the order of `ids`; ids of other workspaces drop out. */
export async function loadWorkspaceMedia(
  db: Db,
  workspaceId: string,
  ids: string[],
): Promise<MediaItem[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(mediaColumns)
    .from(mediaFiles)
    .leftJoin(users, eq(users.id, mediaFiles.uploadedById))
    .where(and(eq(mediaFiles.workspaceId, workspaceId), inArray(mediaFiles.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function loadMediaCards(
  db: Db,
  workspaceId: string,
  refs: PostMediaRef[],
): Promise<MediaCardData[]> {
  const items = await loadWorkspaceMedia(
    db,
    workspaceId,
    refs.map((r) => r.id),
  );
  return toMediaCards(db, workspaceId, items);
}

/**
 * Makes the post's media_usages rows match its ordered media: rows of removed files go, present
 * files of the workspace get their position and `status`. The file's first use keeps it from
 * the cleanup of never-used uploads.
 */
export async function syncMediaUsages(
  tx: Db,
  workspaceId: string,
  postId: string,
  mediaIds: string[],
  status: MediaUsageStatus,
  /** `verified`: the ids were just checked to be the workspace's; `isNewPost`: no rows yet. */
  known: { verified?: boolean; isNewPost?: boolean } = {},
) {
  const present =
    known.verified || mediaIds.length === 0
      ? mediaIds.map((id) => ({ id }))
      : await tx
          .select({ id: mediaFiles.id })
          .from(mediaFiles)
          .where(and(eq(mediaFiles.workspaceId, workspaceId), inArray(mediaFiles.id, mediaIds)));
  const ids = mediaIds.filter(
    (id, i) => mediaIds.indexOf(id) === i && present.some((p) => p.id === id),
  );
  if (!known.isNewPost)
    await tx
      .delete(mediaUsages)
      .where(
        and(
          eq(mediaUsages.workspaceId, workspaceId),
          eq(mediaUsages.postId, postId),
          ids.length ? notInArray(mediaUsages.mediaId, ids) : sql`true`,
        ),
      );
  if (ids.length === 0) return;
  await tx
    .insert(mediaUsages)
    .values(ids.map((mediaId, position) => ({ workspaceId, mediaId, postId, status, position })))
    .onConflictDoUpdate({
      target: [mediaUsages.mediaId, mediaUsages.postId],
      set: { status, position: sql`excluded.position`, updatedAt: new Date() },
    });
  // Only files never used before: posts sharing a file must not queue on its row lock.
  await tx
    .update(mediaFiles)
    .set({ firstAttachedAt: sql`now()` })
    .where(
      and(
        eq(mediaFiles.workspaceId, workspaceId),
        inArray(mediaFiles.id, ids),
        isNull(mediaFiles.firstAttachedAt),
      ),
    );
}

export async function setMediaUsageStatus(
  db: Db,
  workspaceId: string,
  postId: string,
  status: MediaUsageStatus,
) {
  await db
    .update(mediaUsages)
    .set({ status, updatedAt: new Date() })
    .where(and(eq(mediaUsages.workspaceId, workspaceId), eq(mediaUsages.postId, postId)));
}
