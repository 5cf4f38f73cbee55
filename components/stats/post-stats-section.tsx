"use client";

import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { refreshStatsAction } from "@/lib/actions/stats";
import { queryKeys } from "@/lib/hooks/query-keys";
import { engagementRate, formatRate, postMetricLabels, postMetrics } from "@/lib/validation/stats";
import { LineChart } from "./line-chart";
import { numberFormat } from "./palette";
import { SeriesTable } from "./series-table";

type Point = { recordedAt: string } & Record<(typeof postMetrics)[number], number | null>;
type Target = {
  targetId: string;
  profileName: string;
  status: string;
  postproxyPostId: string | null;
  fetchedAt: string | null;
  goneAt: string | null;
  points: Point[];
};
type Payload = { timeZone: string; targets: Target[] };

const hourMs = 3600_000;

async function fetchStats(workspaceId: string, postId: string): Promise<Payload> {
  const res = await fetch(`/api/stats/posts/${postId}?workspaceId=${workspaceId}`);
  if (!res.ok) throw new Error(`Stats could not be loaded (HTTP ${res.status}).`);
  return res.json();
}

/** The post page's stats: per profile, the four metrics over time and the engagement rate. */
export function PostStatsSection(props: { workspaceId: string; postId: string }) {
  const [client] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={client}>
      <PostStats {...props} />
    </QueryClientProvider>
  );
}

function PostStats({ workspaceId, postId }: { workspaceId: string; postId: string }) {
  const query = useQuery({
    queryKey: queryKeys.stats.post(workspaceId, postId),
    queryFn: () => fetchStats(workspaceId, postId),
  });
  const refreshed = useRef(false);
  const { refetch } = query;
  const data = query.data;
  useEffect(() => {
    if (!data || refreshed.current) return;
    const stale = data.targets.some(
      (t) =>
        t.status === "published" &&
        !t.goneAt &&
        (!t.fetchedAt || Date.now() - Date.parse(t.fetchedAt) > hourMs),
    );
    if (!stale) return;
    refreshed.current = true;
    refreshStatsAction({ workspaceId }).then((r) => {
      if (r.ok && r.data.snapshots > 0) void refetch();
    });
  }, [data, workspaceId, refetch]);

  return (
    <Card>
      <CardHeader title="Stats" description="Impressions, likes, comments and shares over time" />
      <CardBody className="space-y-6">
        {query.isPending ? <p className="text-sm text-gray-600">Loading stats…</p> : null}
        {query.isError ? (
          <p role="alert" className="text-sm text-danger-800">
            {query.error.message}
          </p>
        ) : null}
        {data?.targets.map((t) => (
          <TargetStats key={t.targetId} target={t} timeZone={data.timeZone} />
        ))}
      </CardBody>
    </Card>
  );
}

function TargetStats({ target, timeZone }: { target: Target; timeZone: string }) {
  const last = target.points.at(-1);
  const rows = target.points.map((p) => ({
    t: Date.parse(p.recordedAt),
    impressions: p.impressions,
    likes: p.likes,
    comments: p.comments,
    shares: p.shares,
  }));
  const series = postMetrics.map((m) => ({ key: m, name: postMetricLabels[m] }));
  return (
    <section aria-label={`Stats for ${target.profileName}`}>
      <h3 className="text-sm font-semibold text-gray-900">{target.profileName}</h3>
      {target.status !== "published" ? (
        <p className="text-sm text-gray-600">
          Stats start once the post is published and TikTok gives it a public id.
        </p>
      ) : target.points.length === 0 ? (
        <p className="text-sm text-gray-600">
          No stats yet: TikTok reports them once the post has a public id, usually minutes after
          publishing.
        </p>
      ) : (
        <>
          <dl className="mt-2 grid grid-cols-2 gap-2 text-sm sm:grid-cols-5">
            {postMetrics.map((m) => (
              <div key={m}>
                <dt className="text-xs text-gray-600">{postMetricLabels[m]}</dt>
                <dd className="font-medium tabular-nums">
                  {last?.[m] === null || last?.[m] === undefined
                    ? "—"
                    : numberFormat.format(last[m]!)}
                </dd>
              </div>
            ))}
            <div>
              <dt className="text-xs text-gray-600">Engagement rate</dt>
              <dd className="font-medium tabular-nums">
                {formatRate(last ? engagementRate(last) : null)}
              </dd>
            </div>
          </dl>
          {rows.length >= 2 ? (
            <div className="mt-3">
              <LineChart
                label={`Stats over time for ${target.profileName}`}
                rows={rows}
                series={series}
                timeZone={timeZone}
                yLabel="Count"
              />
            </div>
          ) : (
            <p className="mt-2 text-sm text-gray-600">
              One snapshot so far; the chart starts with the second.
            </p>
          )}
          <SeriesTable
            caption={`Stats of this post on ${target.profileName}`}
            columns={series}
            rows={rows}
            timeZone={timeZone}
          />
        </>
      )}
      <p className="mt-2 text-xs text-gray-600">
        {target.goneAt ? (
          "Postproxy no longer has this post; its stored history is kept."
        ) : target.fetchedAt ? (
          <>
            Last synced <DateTime value={target.fetchedAt} />.
          </>
        ) : (
          "Not synced yet."
        )}
      </p>
    </section>
  );
}
