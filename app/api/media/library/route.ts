import { withWorkspaceRoute } from "@/lib/auth/route";
import { toMediaCards } from "@/lib/data/media-cards";
import { listMediaPage } from "@/lib/data/media-library";
import { loadWorkspaceMedia } from "@/lib/data/posts-media";
import { AppError } from "@/lib/errors";
import { mediaCursorSchema, parseMediaLibraryQuery } from "@/lib/validation/media-library";
import { isUuid } from "@/lib/validation/uuid";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const maxIds = 50;

/**
 * The library as JSON (`?workspaceId=`): one keyset page for the query the Media page's URL
 * carries (q, kind, verdict, use, by, since, sort, cursor; `usable=1` keeps only ready videos and
 * photos, for the composer), or the files named by `?id=` (repeatable; a file just uploaded).
 * Another workspace's file is "not found".
 */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = withWorkspaceRoute("media", {
  GET: {
    access: "viewer",
    handler: async (req, ctx) => {
      const params = new URL(req.url).searchParams;
      const ids = params.getAll("id");
      if (ids.length > maxIds)
        throw new AppError("invalid_input", `Ask for at most ${maxIds} files.`);
      if (ids.length > 0) {
        const items = ids.every(isUuid)
          ? await loadWorkspaceMedia(ctx.db, ctx.workspaceId, ids)
          : [];
        if (items.length < new Set(ids).size)
          throw new AppError("not_found", "That file does not exist in this workspace.");
        return { items: await toMediaCards(ctx.db, ctx.workspaceId, items) };
      }
      return listMediaPage(ctx, {
        ...parseMediaLibraryQuery(params),
        cursor: mediaCursorSchema.parse(params.get("cursor") ?? undefined),
        readyOnly: params.get("usable") === "1",
      });
    },
  },
});
