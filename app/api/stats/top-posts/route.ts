import { withWorkspaceRoute } from "@/lib/auth/route";
import { listTopPosts } from "@/lib/data/stats";
import { getWorkspaceSettings } from "@/lib/data/workspaces";
import { AppError } from "@/lib/errors";
import { csvDownload, toCsv } from "@/lib/format/csv";
import { engagementRate, statsQuerySchema, statsWindow } from "@/lib/validation/stats";
import type { TopPostSort } from "@/lib/validation/top-posts";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The top-posts ranking as CSV, for any member: every post published in the range, in the
 * table's order (the table shows it 20 rows a page; its page 1 is the CSV's first rows).
 */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = withWorkspaceRoute("top-posts", {
  GET: {
    access: "viewer",
    handler: async (req, ctx) => {
      const url = new URL(req.url);
      const parsed = statsQuerySchema.safeParse({
        ...Object.fromEntries(url.searchParams),
        profiles: undefined,
      });
      if (!parsed.success)
        throw new AppError("invalid_input", "The range or sort in the link is not valid.");
      const q = parsed.data;
      const window = statsWindow(q);
      const [rows, settings] = await Promise.all([
        listTopPosts(ctx, {
          from: window.from,
          to: window.to,
          sort: q.sort as TopPostSort,
          limit: null,
        }),
        getWorkspaceSettings(ctx),
      ]);
      const csv = toCsv([
        [
          `Published (ISO 8601, UTC; workspace timezone ${settings.timezone})`,
          "Profile",
          "Caption",
          "Impressions",
          "Likes",
          "Comments",
          "Shares",
          "Engagement rate",
          "Stats recorded at (ISO 8601, UTC)",
          "Post",
        ],
        ...rows.map((r) => {
          const rate = engagementRate(r);
          return [
            r.publishedAt,
            r.profileName,
            r.caption,
            r.impressions,
            r.likes,
            r.comments,
            r.shares,
            rate === null ? null : Number(rate.toFixed(4)),
            r.recordedAt,
            new URL(`/posts/${r.postId}`, url.origin).toString(),
          ];
        }),
      ]);
      const day = (d: Date) => d.toISOString().slice(0, 10);
      return csvDownload(csv, `postdeck-top-posts-${day(window.from)}-${day(window.to)}.csv`);
    },
  },
});
