import { withWorkspaceRoute } from "@/lib/auth/route";
import { getPostView } from "@/lib/data/posts";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The post page's status poll: the post as stored, a read and nothing else (statuses arrive by
 * webhook and by the sync route). Any member may read; another workspace's post, a malformed id
 * and an unknown one all answer "not found".
 */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = withWorkspaceRoute("post", {
  GET: {
    access: "viewer",
    handler: async (_req, ctx, params) => getPostView(ctx, String(params.id)),
  },
});
