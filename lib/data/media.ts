import "server-only";
import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { mediaFiles, mediaUsages, memberships, posts, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { WorkspaceRole } from "@/lib/validation/enums";
import {
  blockingUsageStatuses,
  type MediaKind,
  type MediaKindFilter,
  type MediaStatus,
  type MediaUsageStatus,
} from "@/lib/validation/media";
import { requireRole, type WorkspaceCtx } from "./context";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notFound = () => new AppError("not_found", "That file does not exist in this workspace.");

export const mediaColumns = {
  id: mediaFiles.id,
  workspaceId: mediaFiles.workspaceId,
  name: mediaFiles.name,
  status: mediaFiles.status,
  kind: mediaFiles.kind,
  size: mediaFiles.size,
  mime: mediaFiles.mime,
  container: mediaFiles.container,
  durationSec: mediaFiles.durationSec,
  width: mediaFiles.width,
  height: mediaFiles.height,
  frameRate: mediaFiles.frameRate,
  rejectReason: mediaFiles.rejectReason,
  hasThumbnail: mediaFiles.hasThumbnail,
  convertedFromId: mediaFiles.convertedFromId,
  createdAt: mediaFiles.createdAt,
  completedAt: mediaFiles.completedAt,
  uploadedByName: users.name,
};

export type MediaItem = {
  id: string;
  workspaceId: string;
  name: string;
  status: MediaStatus;
  kind: MediaKind;
  size: number;
  mime: string | null;
  container: string | null;
  durationSec: number | null;
  width: number | null;
  height: number | null;
  frameRate: number | null;
  rejectReason: string | null;
  hasThumbnail: boolean;
  convertedFromId: string | null;
  createdAt: Date;
  completedAt: Date | null;
  uploadedByName: string | null;
};

/**
 * A file as seen by a user: found only when the user is a member of the file's workspace, so a
 * crafted id of another workspace is indistinguishable from one that does not exist.
 */
export async function findMediaForMember(
  db: Db,
  userId: string,
  mediaId: string,
): Promise<(MediaItem & { role: WorkspaceRole }) | null> {
  if (!uuidPattern.test(mediaId)) return null;
  const [row] = await db
    .select({ ...mediaColumns, role: memberships.role })
    .from(mediaFiles)
    .innerJoin(
      memberships,
      and(eq(memberships.workspaceId, mediaFiles.workspaceId), eq(memberships.userId, userId)),
    )
    .leftJoin(users, eq(users.id, mediaFiles.uploadedById))
    .where(eq(mediaFiles.id, mediaId));
  return row ?? null;
}

/** For signed links, which carry no session: the signature already names this one file. */
export async function findMediaById(db: Db, mediaId: string): Promise<MediaItem | null> {
  if (!uuidPattern.test(mediaId)) return null;
  const [row] = await db
    .select(mediaColumns)
    .from(mediaFiles)
    .leftJoin(users, eq(users.id, mediaFiles.uploadedById))
    .where(eq(mediaFiles.id, mediaId));
  return row ?? null;
}

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

export type ProbedFacts = {
  kind: MediaKind;
  mime: string | null;
  container: string | null;
  durationSec: number | null;
  width: number | null;
  height: number | null;
  frameRate: number | null;
};

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

export async function listMedia(
  ctx: WorkspaceCtx,
  filter: { kind?: MediaKindFilter } = {},
): Promise<MediaItem[]> {
  requireRole(ctx, "viewer");
  const conditions = [
    eq(mediaFiles.workspaceId, ctx.workspaceId),
    sql`${mediaFiles.status} <> 'uploading'`,
  ];
  if (filter.kind && filter.kind !== "all") conditions.push(eq(mediaFiles.kind, filter.kind));
  return ctx.db
    .select(mediaColumns)
    .from(mediaFiles)
    .leftJoin(users, eq(users.id, mediaFiles.uploadedById))
    .where(and(...conditions))
    .orderBy(desc(mediaFiles.createdAt))
    .limit(500);
}

/** Uploads of this workspace that have not finished: the page lists them so they can be resumed. */
export async function listUnfinishedUploads(ctx: WorkspaceCtx): Promise<MediaItem[]> {
  requireRole(ctx, "viewer");
  return ctx.db
    .select(mediaColumns)
    .from(mediaFiles)
    .leftJoin(users, eq(users.id, mediaFiles.uploadedById))
    .where(and(eq(mediaFiles.workspaceId, ctx.workspaceId), eq(mediaFiles.status, "uploading")))
    .orderBy(desc(mediaFiles.createdAt));
}

export async function getMedia(ctx: WorkspaceCtx, mediaId: string): Promise<MediaItem> {
  requireRole(ctx, "viewer");
  if (!uuidPattern.test(mediaId)) throw notFound();
  const [row] = await ctx.db
    .select(mediaColumns)
    .from(mediaFiles)
    .leftJoin(users, eq(users.id, mediaFiles.uploadedById))
    .where(and(eq(mediaFiles.id, mediaId), eq(mediaFiles.workspaceId, ctx.workspaceId)));
  if (!row) throw notFound();
  return row;
}

/** The post that keeps a file from being deleted, if any (a scheduled or publishing one). */
export async function findBlockingUsage(db: Db, workspaceId: string, mediaId: string) {
  const [row] = await db
    .select({ postId: mediaUsages.postId, status: mediaUsages.status })
    .from(mediaUsages)
    .where(
      and(
        eq(mediaUsages.workspaceId, workspaceId),
        eq(mediaUsages.mediaId, mediaId),
        inArray(mediaUsages.status, [...blockingUsageStatuses]),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Deletes the row; the caller removes the stored bytes. Refused while a scheduled post uses it. */
export async function deleteMedia(ctx: WorkspaceCtx, mediaId: string): Promise<{ id: string }> {
  requireRole(ctx, "editor");
  if (!uuidPattern.test(mediaId)) throw notFound();
  return ctx.db.transaction(async (tx) => {
    // The row lock makes a concurrent attach either finish first (and block this) or wait.
    const [media] = await tx
      .select({ id: mediaFiles.id, name: mediaFiles.name })
      .from(mediaFiles)
      .where(and(eq(mediaFiles.id, mediaId), eq(mediaFiles.workspaceId, ctx.workspaceId)))
      .for("update");
    if (!media) throw notFound();
    const blocking = await findBlockingUsage(tx as unknown as Db, ctx.workspaceId, media.id);
    if (blocking) {
      throw new AppError(
        "conflict",
        blocking.status === "publishing"
          ? `“${media.name}” is being published right now; it can be deleted once that finishes.`
          : `“${media.name}” is used by a scheduled post. Remove it from that post or cancel the post first.`,
      );
    }
    await tx.delete(mediaFiles).where(eq(mediaFiles.id, media.id));
    return { id: media.id };
  });
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

export async function deleteMediaRows(db: Db, ids: string[]) {
  if (ids.length === 0) return;
  await db.delete(mediaFiles).where(inArray(mediaFiles.id, ids));
}
