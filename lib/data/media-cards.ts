import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { mediaFiles } from "@/lib/db/schema";
import type { MediaCardData } from "@/lib/validation/media";
import type { MediaItem } from "./media";

/**
 * The one mapping from a stored file to what the browser gets (Media page, library route, a
 * post's media); `names` resolves the original of a converted JPEG.
 */
export function toMediaCard(m: MediaItem, names?: Map<string, string>): MediaCardData {
  return {
    id: m.id,
    name: m.name,
    status: m.status,
    kind: m.kind,
    size: m.size,
    mime: m.mime,
    durationSec: m.durationSec,
    width: m.width,
    height: m.height,
    frameRate: m.frameRate,
    rejectReason: m.rejectReason,
    hasThumbnail: m.hasThumbnail,
    convertedFromName: m.convertedFromId ? (names?.get(m.convertedFromId) ?? null) : null,
    createdAt: m.createdAt.toISOString(),
    uploadedByName: m.uploadedByName,
  };
}

/** Cards of `items`, with the names of converted files' originals looked up in one query. */
export async function toMediaCards(
  db: Db,
  workspaceId: string,
  items: MediaItem[],
): Promise<MediaCardData[]> {
  const originals = [
    ...new Set(items.flatMap((m) => (m.convertedFromId ? [m.convertedFromId] : []))),
  ];
  const names = new Map<string, string>();
  if (originals.length > 0) {
    const rows = await db
      .select({ id: mediaFiles.id, name: mediaFiles.name })
      .from(mediaFiles)
      .where(and(eq(mediaFiles.workspaceId, workspaceId), inArray(mediaFiles.id, originals)));
    for (const r of rows) names.set(r.id, r.name);
  }
  return items.map((m) => toMediaCard(m, names));
}
