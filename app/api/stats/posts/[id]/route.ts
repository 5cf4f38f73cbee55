import { withWorkspaceRoute } from "@/lib/auth/route";
import { getPostSeries } from "@/lib/data/stats";
import { getWorkspaceSettings } from "@/lib/data/workspaces";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/uuid";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A post's stored stats per profile (reads only; refreshing is the refreshStats action's). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = withWorkspaceRoute("post-stats", {
  GET: {
    access: "viewer",
    handler: async (_req, ctx, params) => {
      const postId = typeof params.id === "string" ? params.id : "";
      if (!isUuid(postId))
        throw new AppError("not_found", "This post does not exist in this workspace.");
      const [targets, settings] = await Promise.all([
        getPostSeries(ctx, postId),
        getWorkspaceSettings(ctx),
      ]);
      return { timeZone: settings.timezone, targets };
    },
  },
});
