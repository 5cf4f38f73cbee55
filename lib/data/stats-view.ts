import "server-only";
import type { Profile } from "@/lib/validation/social-profile";
import {
  profileBucketMs,
  profileMetrics,
  statsWindow,
  type ProfileMetric,
  type StatsQuery,
} from "@/lib/validation/stats";
import type { WorkspaceCtx } from "./context";
import { listProfiles } from "./profiles";
import { getProfileSeries, getProfileValuesAt, type ProfileSnapshot } from "./stats";

const field: Record<ProfileMetric, keyof Omit<ProfileSnapshot, "recordedAt">> = {
  follower_count: "followerCount",
  following_count: "followingCount",
  likes_count: "likesCount",
  video_count: "videoCount",
};

/**
 * The profile chart's data: one column per profile (never summed), a row per snapshot time (the
 * range's first snapshot, then the last in each bucket, see profileBucketMs), a
 * null where a snapshot's value was reported missing (a gap), no key where a profile has no
 * snapshot at that time; and each profile's change.
 */
export async function loadProfileStats(ctx: WorkspaceCtx, q: StatsQuery, now = new Date()) {
  const all = await listProfiles(ctx, { platform: "tiktok" });
  const chosen: Profile[] = q.profiles.length
    ? all.filter((p) => q.profiles.includes(p.id))
    : all.filter((p) => p.status === "active").slice(0, 6);
  const ids = chosen.map((p) => p.id);
  const window = statsWindow(q, now);
  const bucketMs = profileBucketMs(window.to.getTime() - window.from.getTime());
  const [series, atPrevious] = await Promise.all([
    getProfileSeries(ctx, { profileIds: ids, from: window.from, to: window.to, bucketMs }),
    getProfileValuesAt(ctx, ids, window.previousFrom),
  ]);
  const key = field[q.metric];
  const byTime = new Map<number, Record<string, number | null>>();
  for (const s of series)
    for (const p of s.points) {
      const t = Date.parse(p.recordedAt);
      const row = byTime.get(t) ?? {};
      row[s.profileId] = p[key];
      byTime.set(t, row);
    }
  // A profile without a snapshot at a time has no key there (the chart bridges it); a value
  // Postproxy reported missing stays null (a gap).
  const rows = [...byTime.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([t, values]) => ({ t, ...values })) as ({ t: number } & Record<
    string,
    number | null | undefined
  >)[];
  const changes = chosen.map((p) => {
    const own = series.find((s) => s.profileId === p.id);
    const values = (own?.points ?? []).map((x) => x[key]).filter((v): v is number => v !== null);
    const before = atPrevious.get(p.id);
    const previousFirst =
      before && Date.parse(before.recordedAt) >= window.previousFrom.getTime() - 2 * 86400_000
        ? before[key]
        : null;
    return {
      profileId: p.id,
      name: p.name,
      first: values[0] ?? null,
      last: values.at(-1) ?? null,
      previousFirst,
      snapshots: own?.snapshots ?? 0,
    };
  });
  return { all, chosen, rows, changes, window, bucketMs, metrics: profileMetrics };
}
