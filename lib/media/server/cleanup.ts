import "server-only";
import type { Db } from "@/lib/db/client";
import { deleteMediaRows, listExpiredMedia } from "@/lib/data/media-uploads";
import { thumbnailKey, uploadExpiryMs, type MediaStorage } from "./storage";

/**
 * Removes uploads still unfinished after 24 h, rows and bytes. Finished files are never removed
 * here (only a user's delete does that). Run by the sync route; safe on several servers at once
 * (deletes are idempotent).
 */
export async function cleanupMedia(deps: { db: Db; storage: MediaStorage; now?: Date }) {
  const expired = await listExpiredMedia(deps.db, deps.now ?? new Date(), {
    unfinishedMs: uploadExpiryMs,
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
