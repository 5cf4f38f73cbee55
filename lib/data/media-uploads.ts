import "server-only";
import { and, eq, inArray, lt } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { mediaFiles } from "@/lib/db/schema";
import type { MediaFacts, MediaKind } from "@/lib/validation/media";
import { requireRole, type WorkspaceCtx } from "./context";
import type { MediaItem } from "./media";

export async function createUploadRecord(
  ctx: WorkspaceCtx,
  input: { id: string; name: string; declaredType: string; kind: MediaKind; size: number },
) {
  requireRole(ctx, "editor");
  await ctx.db.insert(mediaFiles).values({
    ...input,
    workspaceId: ctx.workspaceId,
    uploadedById: ctx.user.id,
    status: "uploading",
  });
}

export type ProbedFacts = MediaFacts;

/** Called by the upload server once every byte is stored and probed. */
export async function completeUpload(
  db: Db,
  mediaId: string,
  facts: ProbedFacts & { size: number; rejectReason: string | null },
) {
  await db
    .update(mediaFiles)
    .set({
      ...facts,
      status: facts.rejectReason ? "rejected" : "ready",
      completedAt: new Date(),
    })
    .where(eq(mediaFiles.id, mediaId));
}

export async function markThumbnail(db: Db, mediaId: string) {
  await db.update(mediaFiles).set({ hasThumbnail: true }).where(eq(mediaFiles.id, mediaId));
}

/** A JPEG made from a PNG or WebP; the original stays until the user deletes it. */
export async function createConvertedMedia(
  ctx: WorkspaceCtx,
  input: {
    id: string;
    source: MediaItem;
    name: string;
    size: number;
    width: number | null;
    height: number | null;
  },
) {
  requireRole(ctx, "editor");
  await ctx.db.insert(mediaFiles).values({
    id: input.id,
    workspaceId: ctx.workspaceId,
    uploadedById: ctx.user.id,
    name: input.name,
    declaredType: "image/jpeg",
    status: "ready",
    kind: "image",
    size: input.size,
    mime: "image/jpeg",
    container: "jpg",
    width: input.width,
    height: input.height,
    hasThumbnail: input.source.hasThumbnail,
    convertedFromId: input.source.id,
    completedAt: new Date(),
  });
}

/**
 * What the cleanup removes: uploads still unfinished after `unfinishedMs`, and nothing else. A
 * finished file is a manager's library and leaves it only when a user deletes it.
 */
export async function listExpiredMedia(
  db: Db,
  now: Date,
  limits: { unfinishedMs: number },
): Promise<{ id: string; hasThumbnail: boolean }[]> {
  const unfinishedBefore = new Date(now.getTime() - limits.unfinishedMs);
  return db
    .select({ id: mediaFiles.id, hasThumbnail: mediaFiles.hasThumbnail })
    .from(mediaFiles)
    .where(and(eq(mediaFiles.status, "uploading"), lt(mediaFiles.createdAt, unfinishedBefore)))
    .limit(1000);
}

/** Which of these ids have a media row (in any workspace): the cleanup keeps their bytes. */
export async function listMediaIdsWithRow(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: mediaFiles.id })
    .from(mediaFiles)
    .where(inArray(mediaFiles.id, ids));
  return new Set(rows.map((r) => r.id));
}

export async function deleteMediaRows(db: Db, ids: string[]) {
  if (ids.length === 0) return;
  await db.delete(mediaFiles).where(inArray(mediaFiles.id, ids));
}
