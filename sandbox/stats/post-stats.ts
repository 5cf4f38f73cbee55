import { CADENCE } from "../config";
import { between, seededRandom } from "../core/prng";
import type { PlatformPostRecord } from "../store/types";
import type { StatsRecord } from "./profile-stats";

const HOUR = 3_600_000;
const EARLY_OFFSETS_H = [0, 1, 3, 6, 12, 24, 48, 72];

/** Dense snapshots while a post is fresh, then daily, for 30 days after it got its public id. */
export function postSnapshotTimes(publicIdAt: number): number[] {
  const times = EARLY_OFFSETS_H.map((h) => publicIdAt + h * HOUR);
  for (let h = 96; h * HOUR <= CADENCE.postStatsWindow; h += 24) times.push(publicIdAt + h * HOUR);
  return times;
}

/** Stats only exist once TikTok gave the post its public id. */
export function postRecords(pp: PlatformPostRecord, now: number): StatsRecord[] {
  if (pp.publicIdAt === null) return [];
  const times = postSnapshotTimes(pp.publicIdAt).filter((t) => t <= now);
  const base = seededRandom(pp.id, "post-stats");
  const peak = Math.exp(between(base, Math.log(800), Math.log(120_000)));
  const tauHours = between(base, 8, 40);
  const rates = {
    likes: between(base, 0.03, 0.12),
    comments: between(base, 0.002, 0.012),
    shares: between(base, 0.001, 0.01),
    saved: between(base, 0.002, 0.02),
  };
  let prev = { impressions: 0, likes: 0, comments: 0, shares: 0, saved: 0 };
  return times.map((time, k) => {
    const step = seededRandom(pp.id, "post-step", k);
    const hours = (time - (pp.publicIdAt ?? time)) / HOUR;
    const reach = peak * (1 - Math.exp(-(hours + 0.5) / tauHours)) * between(step, 0.97, 1.03);
    const impressions = Math.max(prev.impressions, Math.round(reach));
    const next = {
      impressions,
      likes: Math.max(
        prev.likes,
        Math.round(impressions * rates.likes * between(step, 0.95, 1.05)),
      ),
      comments: Math.max(prev.comments, Math.round(impressions * rates.comments)),
      shares: Math.max(prev.shares, Math.round(impressions * rates.shares)),
      saved: Math.max(prev.saved, Math.round(impressions * rates.saved)),
    };
    prev = next;
    return { ...networkStats(pp.platform, next), recorded_at: new Date(time).toISOString() };
  });
}

function networkStats(
  platform: string,
  s: { impressions: number; likes: number; comments: number; shares: number; saved: number },
): Omit<StatsRecord, "recorded_at"> {
  if (platform === "tiktok") {
    return {
      stats: { impressions: s.impressions, likes: s.likes, comments: s.comments, shares: s.shares },
      // TikTok's own names for the same numbers.
      raw_stats: {
        view_count: s.impressions,
        like_count: s.likes,
        comment_count: s.comments,
        share_count: s.shares,
      },
    };
  }
  const stats = {
    impressions: s.impressions,
    likes: s.likes,
    comments: s.comments,
    saved: s.saved,
  };
  return { stats, raw_stats: { ...stats } };
}

export function latestInsights(pp: PlatformPostRecord, now: number) {
  const records = postRecords(pp, now);
  const last = records[records.length - 1];
  if (!last) return null;
  return { impressions: last.stats.impressions ?? null, on: last.recorded_at };
}
