// Metric tuples and their label tables stay apart per kind: each Record is checked against its
// own tuple, which one merged table could not be.
import { z } from "zod";

/** TikTok's profile metrics as Postproxy names them (postproxy-api.md §5). */
export const profileMetrics = [
  "follower_count",
  "following_count",
  "likes_count",
  "video_count",
] as const;
export type ProfileMetric = (typeof profileMetrics)[number];

export const profileMetricLabels: Record<ProfileMetric, string> = {
  follower_count: "Followers",
  following_count: "Following",
  likes_count: "Likes",
  video_count: "Videos",
};

export const postMetrics = ["impressions", "likes", "comments", "shares"] as const;
export type PostMetric = (typeof postMetrics)[number];

export const postMetricLabels: Record<PostMetric, string> = {
  impressions: "Impressions",
  likes: "Likes",
  comments: "Comments",
  shares: "Shares",
};

export const statsRanges = ["7", "30", "90", "custom"] as const;
export type StatsRange = (typeof statsRanges)[number];

const dayMs = 24 * 3600_000;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** The stats page's URL: range, custom dates (YYYY-MM-DD), chosen profiles, metric, top-posts sort and page. */
export const statsQuerySchema = z
  .object({
    range: z.enum(statsRanges).catch("30"),
    from: z.string().regex(isoDay).optional().catch(undefined),
    to: z.string().regex(isoDay).optional().catch(undefined),
    profiles: z
      .string()
      .max(2000)
      .optional()
      .catch(undefined)
      .transform((v) => (v ? v.split(",").filter(Boolean).slice(0, 10) : [])),
    metric: z.enum(profileMetrics).catch("follower_count"),
    sort: z
      .enum(["impressions", "likes", "comments", "shares", "engagement", "published"])
      .catch("impressions"),
    /** Page of the top-posts table, from 1. */
    top: z.coerce.number().int().min(1).max(100_000).catch(1),
  })
  .transform((q) => ({
    ...q,
    range: q.range === "custom" && !(q.from && q.to && q.from <= q.to) ? ("30" as const) : q.range,
  }));
export type StatsQuery = z.output<typeof statsQuerySchema>;

/** A stats link's query (the page's own, repeated `profile=` params included), for the routes. */
export function parseStatsSearch(params: URLSearchParams) {
  const profiles = params.getAll("profile");
  return statsQuerySchema.safeParse({
    ...Object.fromEntries(params),
    profiles: profiles.length ? profiles.join(",") : undefined,
  });
}

/** The instants a query covers: [from, to) and the previous period of the same length. */
export function statsWindow(
  q: Pick<StatsQuery, "range" | "from" | "to">,
  now: Date = new Date(),
): { from: Date; to: Date; previousFrom: Date; days: number } {
  let from: Date;
  let to: Date;
  if (q.range === "custom" && q.from && q.to) {
    from = new Date(`${q.from}T00:00:00Z`);
    to = new Date(new Date(`${q.to}T00:00:00Z`).getTime() + dayMs);
  } else {
    const days = Number(q.range === "custom" ? "30" : q.range);
    to = now;
    from = new Date(now.getTime() - days * dayMs);
  }
  const length = to.getTime() - from.getTime();
  return {
    from,
    to,
    previousFrom: new Date(from.getTime() - length),
    days: Math.round(length / dayMs),
  };
}

const hourMs = 3600_000;
/** The widths a profile chart's snapshots are bucketed in, shortest first. */
const bucketWidths = [1, 2, 3, 4, 6, 12, 24, 48, 168, 720].map((h) => h * hourMs);
/** A profile chart draws at most about this many points per profile. */
export const maxChartPoints = 200;

/**
 * The bucket width for a range of `rangeMs`: the shortest that keeps a profile snapshotted
 * hourly to at most {@link maxChartPoints} points (the last snapshot of each bucket is drawn).
 * Postproxy's daily snapshots stay one per bucket up to the 90-day range (12 h buckets).
 */
export function profileBucketMs(rangeMs: number): number {
  return bucketWidths.find((w) => rangeMs / w <= maxChartPoints) ?? bucketWidths.at(-1)!;
}

/** A bucket width in words: "1 hour", "12 hours", "1 day", "7 days". */
export function bucketLabel(ms: number): string {
  const hours = Math.round(ms / hourMs);
  if (hours % 24) return hours === 1 ? "1 hour" : `${hours} hours`;
  return hours === 24 ? "1 day" : `${hours / 24} days`;
}

/** (likes + comments + shares) / impressions, or null when impressions are 0 or missing. */
export function engagementRate(s: {
  impressions: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
}): number | null {
  if (!s.impressions) return null;
  return ((s.likes ?? 0) + (s.comments ?? 0) + (s.shares ?? 0)) / s.impressions;
}

export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(1)}%`;
}

/** Change over a range: absolute and %, null when either end is missing (or % of 0). */
export function change(first: number | null, last: number | null) {
  if (first === null || last === null) return null;
  const abs = last - first;
  return { abs, pct: first === 0 ? null : (abs / first) * 100 };
}
