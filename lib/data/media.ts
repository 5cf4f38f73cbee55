import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { mediaFiles, memberships, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { WorkspaceRole } from "@/lib/validation/enums";
import type { MediaFacts, MediaStatus } from "@/lib/validation/media";
import { requireRole, type WorkspaceCtx } from "./context";

// The media data layer, by what it holds: files as read here; uploads and conversions in
// media-uploads.ts; the library's pages in media-library.ts; use and deletion in media-usage.ts;
// the browser's card shape in media-cards.ts.

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const mediaNotFound = () =>
  new AppError("not_found", "That file does not exist in this workspace.");

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

export type MediaItem = MediaFacts & {
  id: string;
  workspaceId: string;
  name: string;
  status: MediaStatus;
  size: number;
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
  if (!uuidPattern.test(mediaId)) throw mediaNotFound();
  const [row] = await ctx.db
    .select(mediaColumns)
    .from(mediaFiles)
    .leftJoin(users, eq(users.id, mediaFiles.uploadedById))
    .where(and(eq(mediaFiles.id, mediaId), eq(mediaFiles.workspaceId, ctx.workspaceId)));
  if (!row) throw mediaNotFound();
  return row;
}
