import "server-only";
import type { Db } from "@/lib/db/client";
import { completeUpload, markThumbnail } from "@/lib/data/media-uploads";
import { logError } from "@/lib/log";
import { mediaVerdict, tiktokMediaLimits, uploadTooLargeMessage } from "@/lib/tiktok";
import { probeMedia } from "./probe";
import { thumbnailKey, type MediaStorage } from "./storage";
import { ffmpegPoster, makeThumbnail } from "./thumbnails";

export type IngestResult = { status: "ready" | "rejected"; reason: string | null };

/**
 * After the last byte: the facts come from the bytes, files that are no video or photo at all are
 * refused (their bytes removed, the row kept so the user sees why), and thumbnails are made.
 */
export async function ingestUpload(
  deps: { db: Db; storage: MediaStorage; ffmpegPath?: string },
  mediaId: string,
): Promise<IngestResult> {
  const { db, storage } = deps;
  const size = (await storage.size(mediaId)) ?? 0;
  const facts = await probeMedia({
    size,
    read: (offset, length) => storage.readBytes(mediaId, offset, length),
  });
  const verdict = mediaVerdict(facts);
  // Not a video or photo at all, or a photo past 20 MB declared as a video to get the larger limit.
  const isOversizedPhoto = facts.kind === "image" && size > tiktokMediaLimits.imageMaxBytes;
  const reason = isOversizedPhoto
    ? uploadTooLargeMessage("image", size)
    : facts.kind === "other"
      ? verdict.reasons[0]
      : null;
  await completeUpload(db, mediaId, {
    kind: facts.kind,
    mime: facts.mime,
    container: facts.container,
    durationSec: facts.durationSec,
    width: facts.width,
    height: facts.height,
    frameRate: facts.frameRate,
    size,
    rejectReason: reason,
  });
  if (reason) {
    await storage.remove(mediaId);
    return { status: "rejected", reason };
  }
  try {
    const thumbnail = await thumbnailFor(deps, mediaId, facts.kind, size);
    if (thumbnail) {
      await storage.put(thumbnailKey(mediaId), thumbnail, "image/jpeg");
      await markThumbnail(db, mediaId);
    }
  } catch (error) {
    // A missing thumbnail is shown as a placeholder; it never fails the upload.
    logError("media:thumbnail", error, { mediaId });
  }
  return { status: "ready", reason: null };
}

async function thumbnailFor(
  deps: { storage: MediaStorage; ffmpegPath?: string },
  mediaId: string,
  kind: string,
  size: number,
): Promise<Buffer | null> {
  if (kind === "image") return makeThumbnail(await deps.storage.readBytes(mediaId, 0, size));
  const localPath = deps.storage.localPath(mediaId);
  if (kind === "video" && deps.ffmpegPath && localPath) {
    const frame = await ffmpegPoster(deps.ffmpegPath, localPath);
    return frame ? makeThumbnail(frame) : null;
  }
  return null;
}
