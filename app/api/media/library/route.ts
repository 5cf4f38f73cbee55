import type { MediaCardData } from "@/lib/validation/media";
import { getSessionUser, requireUserCtx } from "@/lib/auth/session";
import { openWorkspaceCtx } from "@/lib/data/context";
import { getMedia, listMedia, type MediaItem } from "@/lib/data/media";
import { isAppError } from "@/lib/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const maxIds = 50;

function toCard(m: MediaItem, names: Map<string, string>): MediaCardData {
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
    convertedFromName: m.convertedFromId ? (names.get(m.convertedFromId) ?? null) : null,
    createdAt: m.createdAt.toISOString(),
    uploadedByName: m.uploadedByName,
  };
}

const answer = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/**
 * The composer's library: the workspace's ready videos and photos (`?workspaceId=`), or the files
 * named by `?id=` (repeatable; a file just uploaded). Another workspace's file is "not found".
 */
export async function GET(req: Request) {
  const user = await getSessionUser();
  if (!user) return answer(401, { error: "Sign in again to see the media library." });
  const params = new URL(req.url).searchParams;
  // The session was just checked, so this only hands over the database (it never redirects).
  const { db } = await requireUserCtx();
  const ctx = await openWorkspaceCtx(db, user, params.get("workspaceId") ?? "");
  if (!ctx) return answer(404, { error: "This workspace does not exist or you are not in it." });
  const ids = params.getAll("id");
  if (ids.length > maxIds) return answer(400, { error: `Ask for at most ${maxIds} files.` });
  try {
    if (ids.length > 0) {
      const items = await Promise.all(ids.map((id) => getMedia(ctx, id)));
      return answer(200, { items: items.map((m) => toCard(m, new Map())) });
    }
    const items = await listMedia(ctx);
    const names = new Map(items.map((m) => [m.id, m.name]));
    const ready = items.filter((m) => m.status === "ready" && m.kind !== "other");
    return answer(200, { items: ready.map((m) => toCard(m, names)) });
  } catch (error) {
    if (isAppError(error) && error.code === "not_found")
      return answer(404, { error: error.message });
    if (isAppError(error) && error.code === "forbidden")
      return answer(403, { error: error.message });
    throw error;
  }
}
