// Route segment config and the withWorkspaceRoute opening repeat in every route file: Next reads
// the config statically from each file; the wrapper holds the shared logic.
import { withWorkspaceRoute } from "@/lib/auth/route";
import { loadProfileStats } from "@/lib/data/stats-view";
import { getWorkspaceSettings } from "@/lib/data/workspaces";
import { AppError } from "@/lib/errors";
import { csvDownload, toCsv } from "@/lib/format/csv";
import { parseStatsSearch, profileMetricLabels } from "@/lib/validation/stats";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The profile stats table as CSV: the same snapshots, profiles and numbers as the page's table
 * (a value Postproxy reported missing, or no snapshot of that profile then, is an empty cell).
 */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = withWorkspaceRoute(
  "profile-stats",
  {
    GET: {
      access: "viewer",
      handler: async (req, ctx) => {
        const url = new URL(req.url);
        const parsed = parseStatsSearch(url.searchParams);
        if (!parsed.success)
          throw new AppError("invalid_input", "The range or profiles in the link are not valid.");
        const [view, settings] = await Promise.all([
          loadProfileStats(ctx, parsed.data),
          getWorkspaceSettings(ctx),
        ]);
        const metric = profileMetricLabels[parsed.data.metric];
        const csv = toCsv([
          [
            `Recorded (ISO 8601, UTC; workspace timezone ${settings.timezone})`,
            ...view.chosen.map((p) => `${p.name}: ${metric}`),
          ],
          ...view.rows.map((r) => [
            new Date(r.t).toISOString(),
            ...view.chosen.map((p) => r[p.id] ?? null),
          ]),
        ]);
        const day = (d: Date) => d.toISOString().slice(0, 10);
        return csvDownload(
          csv,
          `postdeck-profile-stats-${parsed.data.metric}-${day(view.window.from)}-${day(view.window.to)}.csv`,
        );
      },
    },
  },
);
