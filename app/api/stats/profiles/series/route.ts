import { withWorkspaceRoute } from "@/lib/auth/route";
import { loadProfileStats } from "@/lib/data/stats-view";
import { getWorkspaceSettings } from "@/lib/data/workspaces";
import { AppError } from "@/lib/errors";
import { parseStatsSearch } from "@/lib/validation/stats";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The profile chart's numbers as JSON, for its table alternative (fetched when opened): the same
 * rows as the chart and the CSV; a profile with no snapshot at a time has no key in that row.
 */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = withWorkspaceRoute(
  "profile-stats-series",
  {
    GET: {
      access: "viewer",
      handler: async (req, ctx) => {
        const parsed = parseStatsSearch(new URL(req.url).searchParams);
        if (!parsed.success)
          throw new AppError("invalid_input", "The range or profiles in the link are not valid.");
        const [view, settings] = await Promise.all([
          loadProfileStats(ctx, parsed.data),
          getWorkspaceSettings(ctx),
        ]);
        return {
          timeZone: settings.timezone,
          columns: view.chosen.map((p) => ({ key: p.id, name: p.name })),
          rows: view.rows,
        };
      },
    },
  },
);
