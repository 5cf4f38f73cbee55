import { getSessionUser, requireUserCtx } from "@/lib/auth/session";
import { openWorkspaceCtx } from "@/lib/data/context";
import { loadWorkspaceMedia } from "@/lib/data/posts-media";
import { listMediaPage } from "@/lib/data/media-library";
import { toMediaCards } from "@/lib/data/media-cards";
import { isAppError } from "@/lib/errors";
import { mediaCursorSchema, parseMediaLibraryQuery } from "@/lib/validation/media-library";
import { isUuid } from "@/lib/validation/uuid";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const maxIds = 50;

const answer = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/**
 * The library as JSON (`?workspaceId=`): one keyset page for the query the Media page's URL
 * carries (q, kind, verdict, use, by, since, sort, cursor; `usable=1` keeps only ready videos and
 * photos, for the composer), or the files named by `?id=` (repeatable; a file just uploaded).
 * Another workspace's file is "not found".
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
      const items = ids.every(isUuid) ? await loadWorkspaceMedia(ctx.db, ctx.workspaceId, ids) : [];
      if (items.length < new Set(ids).size)
        return answer(404, { error: "That file does not exist in this workspace." });
      return answer(200, { items: await toMediaCards(ctx.db, ctx.workspaceId, items) });
    }
    const page = await listMediaPage(ctx, {
      ...parseMediaLibraryQuery(params),
      cursor: mediaCursorSchema.parse(params.get("cursor") ?? undefined),
      readyOnly: params.get("usable") === "1",
    });
    return answer(200, page);
  } catch (error) {
    if (isAppError(error) && error.code === "forbidden")
      return answer(403, { error: error.message });
    throw error;
  }
}
