import "server-only";
import type { Db } from "@/lib/db/client";
import { deleteMediaRows, listExpiredMedia } from "@/lib/data/media-uploads";
import { thumbnailKey, uploadExpiryMs, type MediaStorage } from "./storage";

export const unusedMediaMs = 30 * 24 * 60 * 60 * 1000;

/**
 * Removes uploads still unfinished after 24 h and files no post has used after 30 days. Meant for
 * the scheduled route of the posts issue; safe to run on several servers at once (deletes are
 * idempotent).
 */
export async function cleanupMedia(deps: { db: Db; storage: MediaStorage; now?: Date }) {
  const expired = await listExpiredMedia(deps.db, deps.now ?? new Date(), {
    unfinishedMs: uploadExpiryMs,
    unusedMs: unusedMediaMs,
  });
  for (const media of expired) {
    await deps.storage.remove(media.id);
    if (media.hasThumbnail) await deps.storage.remove(thumbnailKey(media.id));
  }
  await deleteMediaRows(
    deps.db,
    expired.map((m) => m.id),
  );
  return { removed: expired.length };
}
