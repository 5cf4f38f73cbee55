import { postIdParam, withWorkspaceRoute } from "@/lib/auth/route";
import { getPostManageView } from "@/lib/publishing/manage";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The post page's management data: per profile what Postproxy has (caption, time, settings), what
 * can still be changed, and the timeline. Any member may read; another workspace's post is a 404.
 */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = withWorkspaceRoute("post-manage", {
  GET: {
    access: "viewer",
    handler: async (_req, ctx, params) => {
      const postId = postIdParam(params);
      return getPostManageView(ctx, postId);
    },
  },
});
