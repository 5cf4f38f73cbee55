// Route segment config and the withWorkspaceRoute opening repeat in every route file: Next reads
// the config statically from each file; the wrapper holds the shared logic.
import { postIdParam, withWorkspaceRoute } from "@/lib/auth/route";
import { getPostSeries } from "@/lib/data/stats";
import { getWorkspaceSettings } from "@/lib/data/workspaces";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A post's stored stats per profile (reads only; refreshing is the refreshStats action's). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = withWorkspaceRoute("post-stats", {
  GET: {
    access: "viewer",
    handler: async (_req, ctx, params) => {
      const postId = postIdParam(params);
      const [targets, settings] = await Promise.all([
        getPostSeries(ctx, postId),
        getWorkspaceSettings(ctx),
      ]);
      return { timeZone: settings.timezone, targets };
    },
  },
});
