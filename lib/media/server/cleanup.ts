import "server-only";
import type { Db } from "@/lib/db/client";
import { deleteMediaRows, listExpiredMedia, listMediaIdsWithRow } from "@/lib/data/media-uploads";
import { thumbnailKey, uploadExpiryMs, type MediaStorage } from "./storage";

/**
 * Removes uploads still unfinished after 24 h (rows and bytes), then bytes older than 24 h that no
 * media row owns (a delete or a create that stopped half-way). Finished files are never removed
 * here (only a user's delete does that). Run by the sync route; safe on several servers at once
 * (deletes are idempotent). Bytes younger than 24 h are left alone: an upload writes its bytes
 * before its row may be visible to this run.
 */
export async function cleanupMedia(deps: {
  db: Db;
  storage: MediaStorage;
  now?: Date;
  pageSize?: number;
}) {
  const now = deps.now ?? new Date();
  const expired = await listExpiredMedia(deps.db, now, { unfinishedMs: uploadExpiryMs });
  for (const media of expired) {
    await deps.storage.remove(media.id);
    if (media.hasThumbnail) await deps.storage.remove(thumbnailKey(media.id));
  }
  await deleteMediaRows(
    deps.db,
    expired.map((m) => m.id),
  );

  const orphansBefore = now.getTime() - uploadExpiryMs;
  const removedKeys = new Set<string>();
  for await (const page of deps.storage.list({ pageSize: deps.pageSize })) {
    const old = page.filter((o) => o.modifiedAt.getTime() < orphansBefore);
    if (old.length === 0) continue;
    const owned = await listMediaIdsWithRow(deps.db, [...new Set(old.map((o) => o.mediaId))]);
    for (const object of old) {
      if (owned.has(object.mediaId) || removedKeys.has(object.key)) continue;
      await deps.storage.remove(object.key);
      removedKeys.add(object.key);
    }
  }
  return { removed: expired.length, orphans: removedKeys.size };
}
