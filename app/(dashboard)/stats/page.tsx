import { BarChart3 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { MirrorRefresher } from "@/components/profiles/mirror-refresher";
import { BestTimeHeatmap } from "@/components/stats/heatmap";
import { LineChart } from "@/components/stats/line-chart";
import { ProfileChanges } from "@/components/stats/profile-change";
import { ProfileSeriesTable } from "@/components/stats/profile-series-table";
import { RangeControls } from "@/components/stats/range-controls";
import { StatsRefresher } from "@/components/stats/stats-refresher";
import { ExportCsvLink } from "@/components/stats/export-csv-link";
import { TopPostsTable, type TopPostSort } from "@/components/stats/top-posts-table";
import { Alert } from "@/components/ui/alert";
import { NoKeyState } from "@/components/settings/no-key-state";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspace } from "@/lib/auth/session";
import { getBestTimes, getStatsPageState, listTopPosts } from "@/lib/data/stats";
import { loadProfileStats } from "@/lib/data/stats-view";
import {
  bucketLabel,
  profileMetricLabels,
  statsQuerySchema,
  statsWindow,
} from "@/lib/validation/stats";
import { topPostsPageSize } from "@/lib/validation/top-posts";

export const metadata: Metadata = { title: "Stats" };

type Search = Record<string, string | string[] | undefined>;

/** Reads the database only; stale data is refreshed in the background by StatsRefresher. */
export default async function StatsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requireWorkspace();
  const raw = await searchParams;
  const profileParam = raw.profile;
  const q = statsQuerySchema.parse({
    ...raw,
    profiles: Array.isArray(profileParam) ? profileParam.join(",") : profileParam,
  });
  const header = (
    <PageHeader title="Stats" description="How your TikTok profiles and posts perform over time." />
  );
  // One round trip for the key check, the timezone and the last sync.
  const { mirror, timezone: tz, synced } = await getStatsPageState(ctx);
  if (!mirror.hasKey)
    return (
      <>
        {header}
        <NoKeyState title="No Postproxy key yet" isOwner={ctx.role === "owner"}>
          Stats come from Postproxy. Once the workspace&apos;s key is saved, Postdeck stores every
          snapshot of your profiles and posts and charts them here.
        </NoKeyState>
      </>
    );

  const now = new Date();
  const window = statsWindow(q, now);
  // One row past the page says whether there is a next page.
  const [view, pageRows, cells] = await Promise.all([
    loadProfileStats(ctx, q, now),
    listTopPosts(ctx, {
      from: window.from,
      to: window.to,
      sort: q.sort as TopPostSort,
      limit: topPostsPageSize + 1,
      offset: (q.top - 1) * topPostsPageSize,
    }),
    getBestTimes(ctx, tz),
  ]);
  const rows = pageRows.slice(0, topPostsPageSize);
  const lastSync = synced.profiles ?? synced.posts;
  const isStale = synced.isStale;
  const params = (over: Record<string, string>) => {
    const p = new URLSearchParams();
    p.set("range", q.range);
    if (q.range === "custom" && q.from && q.to) {
      p.set("from", q.from);
      p.set("to", q.to);
    }
    p.set("metric", q.metric);
    p.set("sort", q.sort);
    for (const id of q.profiles) p.append("profile", id);
    for (const [k, v] of Object.entries(over)) p.set(k, v);
    return p.toString();
  };
  const metricLabel = profileMetricLabels[q.metric];
  return (
    <>
      {header}
      <MirrorRefresher workspaceId={ctx.workspaceId} isStale={mirror.isStale} />
      <StatsRefresher workspaceId={ctx.workspaceId} isStale={isStale} />
      <p className="mb-4 text-xs text-gray-600" role="status">
        {lastSync ? (
          <>
            Last synced with Postproxy <DateTime value={lastSync} />.{" "}
          </>
        ) : (
          "Not synced with Postproxy yet; the first read is under way. "
        )}
        Times of day are in the workspace timezone, {tz}.
      </p>
      {raw.range === "custom" && q.range !== "custom" ? (
        <Alert tone="error" className="mb-4">
          The custom range needs a From date on or before its To date; the last 30 days are shown
          instead.
        </Alert>
      ) : null}
      <RangeControls
        query={q}
        profiles={view.all.map((p) => ({ id: p.id, name: p.name }))}
        chosen={view.chosen.map((p) => p.id)}
        rangeHref={(range) => `/stats?${params({ range })}`}
      />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title={`${metricLabel} per profile`}
            description={`${view.window.days} days, each profile its own line`}
            actions={
              view.rows.length ? <ExportCsvLink href={`/api/stats/profiles?${params({})}`} /> : null
            }
          />
          <CardBody>
            {view.chosen.length === 0 ? (
              <EmptyState icon={BarChart3} title="No TikTok profile to chart">
                Connect a TikTok account on Profiles; its stats start with Postproxy&apos;s first
                daily snapshot.
              </EmptyState>
            ) : (
              <>
                <ProfileChanges items={view.changes} days={view.window.days} />
                {view.rows.length >= 2 ? (
                  <div className="mt-4">
                    <LineChart
                      label={`${metricLabel} over ${view.window.days} days for ${view.chosen.map((p) => p.name).join(", ")}`}
                      rows={view.rows}
                      series={view.chosen.map((p) => ({ key: p.id, name: p.name }))}
                      timeZone={tz}
                      yLabel={metricLabel}
                    />
                  </div>
                ) : (
                  <p className="mt-4 text-sm text-gray-600">
                    Fewer than two snapshots in this range, so there is no line to draw yet.
                    Postproxy takes a profile snapshot about once a day.
                  </p>
                )}
                <ProfileSeriesTable
                  key={params({})}
                  src={`/api/stats/profiles/series?${params({ workspaceId: ctx.workspaceId })}`}
                  id="profile-stats-table"
                  caption={`${metricLabel}: the range's first snapshot, then the last in each ${bucketLabel(view.bucketMs)}`}
                />
              </>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Posts published in the range"
            description={`Ranked by their latest snapshot, ${topPostsPageSize} a page (the CSV holds the whole ranking in the same order); engagement rate = (likes + comments + shares) ÷ impressions`}
            actions={
              rows.length || q.top > 1 ? (
                <ExportCsvLink href={`/api/stats/top-posts?${params({})}`} />
              ) : null
            }
          />
          <CardBody>
            {rows.length ? (
              <TopPostsTable
                rows={rows}
                sort={q.sort as TopPostSort}
                sortHref={(sort) => `/stats?${params({ sort })}`}
                page={q.top}
                hasNext={pageRows.length > topPostsPageSize}
                pageHref={(top) => `/stats?${params({ top: String(top) })}`}
                timeZone={tz}
              />
            ) : q.top > 1 ? (
              <p className="text-sm text-gray-600">
                No posts on page {q.top} of this ranking.{" "}
                <Link href={`/stats?${params({})}`} className="underline">
                  Back to the first page
                </Link>
              </p>
            ) : (
              <p className="text-sm text-gray-600">
                No post was published in this range. Post stats start once TikTok gives a post its
                public id, usually within minutes of publishing.
              </p>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Best time to post"
            description="Each post's engagement 7 days after publishing, by weekday and hour"
          />
          <CardBody>
            <BestTimeHeatmap cells={cells} timeZone={tz} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
