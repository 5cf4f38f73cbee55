// Route segment config and the withWorkspaceRoute opening repeat in every route file: Next reads
// the config statically from each file; the wrapper holds the shared logic.
import { noStoreJson, withWorkspaceRoute } from "@/lib/auth/route";
import { listPostsPage } from "@/lib/data/posts-list";
import { readPostsQuery } from "@/lib/validation/posts-query";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * "Load more" of the posts list: the next keyset page of one tab and its filters (the same
 * schema the page reads its URL with). Any member may read; a filter that does not fit is a 400.
 */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = withWorkspaceRoute("posts", {
  GET: {
    access: "viewer",
    handler: async (req, ctx) => {
      const params = new URL(req.url).searchParams;
      const { query, problems } = readPostsQuery(params);
      if (Object.keys(problems).length)
        return noStoreJson(
          { error: "invalid_input", message: Object.values(problems)[0], problems },
          400,
        );
      return listPostsPage(ctx, query, { cursor: params.get("cursor") || undefined });
    },
  },
});
