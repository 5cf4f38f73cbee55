import { withWorkspaceRoute } from "@/lib/auth/route";
import { AppError } from "@/lib/errors";
import { getPostManageView } from "@/lib/publishing/manage";
import { isUuid } from "@/lib/validation/uuid";

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
      const postId = typeof params.id === "string" ? params.id : "";
      if (!isUuid(postId))
        throw new AppError("not_found", "This post does not exist in this workspace.");
      return getPostManageView(ctx, postId);
    },
  },
});
