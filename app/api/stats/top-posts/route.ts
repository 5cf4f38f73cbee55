import { sortTopPosts, type TopPostSort } from "@/components/stats/top-posts-table";
import { getSessionUser, requireUserCtx } from "@/lib/auth/session";
import { listTopPosts } from "@/lib/data/stats";
import { getWorkspaceSettings, resolveWorkspaceCtx } from "@/lib/data/workspaces";
import { toCsv } from "@/lib/format/csv";
import { engagementRate, statsQuerySchema, statsWindow } from "@/lib/validation/stats";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The top-posts table as CSV: the same rows and order as the page, for any member. */
export async function GET(req: Request) {
  if (!(await getSessionUser())) return Response.json({ error: "unauthorized" }, { status: 401 });
  const { db, user } = await requireUserCtx();
  const url = new URL(req.url);
  const ctx = await resolveWorkspaceCtx(db, user, url.searchParams.get("workspaceId") ?? undefined);
  if (!ctx) return Response.json({ error: "forbidden" }, { status: 403 });
  const q = statsQuerySchema.parse({
    ...Object.fromEntries(url.searchParams),
    profiles: undefined,
  });
  const window = statsWindow(q);
  const [rows, settings] = await Promise.all([
    listTopPosts(ctx, { from: window.from, to: window.to }),
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
    ...sortTopPosts(rows, q.sort as TopPostSort).map((r) => {
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
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="postdeck-top-posts-${window.from.toISOString().slice(0, 10)}-${window.to.toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

export function POST() {
  return new Response(null, { status: 405, headers: { Allow: "GET" } });
}
