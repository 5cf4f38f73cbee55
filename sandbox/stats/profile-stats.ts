import { CADENCE } from "../config";
import { between, intBetween, seededRandom } from "../core/prng";
import type { Store } from "../store/store";
import type { ProfileRecord } from "../store/types";

export interface StatsRecord {
  stats: Record<string, number>;
  raw_stats: Record<string, number>;
  recorded_at: string;
}

const JITTER_MS = 10 * 60_000;

/** Snapshot k is taken ~23 h after k-1, with a few minutes of seeded jitter. */
export function profileSnapshotTime(profile: ProfileRecord, index: number): number {
  const jitter =
    index === 0 ? 0 : (seededRandom(profile.id, "jitter", index)() - 0.5) * 2 * JITTER_MS;
  return profile.statsAnchor + index * CADENCE.profileStats + Math.round(jitter);
}

/** Stats stop when the connection ends: a dead token cannot fetch them. */
function profileStatsEnd(profile: ProfileRecord, now: number): number {
  if (profile.status === "active") return now;
  return Math.min(now, profile.disconnectedAt ?? profile.expiresAt ?? now);
}

function profileSnapshotCount(profile: ProfileRecord, until: number): number {
  let count = 0;
  while (profileSnapshotTime(profile, count) <= until) count++;
  return count;
}

/**
 * Deterministic, plausible growth: every number comes from a PRNG seeded with the profile id
 * and the snapshot index, and video_count also counts posts the sandbox published.
 */
export function profileRecords(store: Store, profile: ProfileRecord, now: number): StatsRecord[] {
  const count = profileSnapshotCount(profile, profileStatsEnd(profile, now));
  const base = seededRandom(profile.id, "profile-stats");
  let followers = intBetween(base, 1_500, 60_000);
  const growth = between(base, 0.002, 0.012);
  let following = intBetween(base, 40, 400);
  const likesPerFollower = between(base, 0.05, 0.25);
  let likes = Math.round(followers * between(base, 6, 25));
  const videos = intBetween(base, 20, 180);
  const videoRate = between(base, 0.2, 0.8);

  const records: StatsRecord[] = [];
  for (let k = 0; k < count; k++) {
    const time = profileSnapshotTime(profile, k);
    if (k > 0) {
      const step = seededRandom(profile.id, "step", k);
      followers = Math.max(0, Math.round(followers * (1 + growth * between(step, -0.4, 1.8))));
      following = Math.max(0, following + intBetween(step, -2, 3));
      likes += Math.round(followers * likesPerFollower * between(step, 0.2, 1.4));
    }
    const videoCount = videos + Math.floor(k * videoRate) + store.publishedCount(profile.id, time);
    const stats = networkStats(profile.platform, followers, following, likes, videoCount);
    records.push({ stats, raw_stats: { ...stats }, recorded_at: new Date(time).toISOString() });
  }
  return records;
}

function networkStats(
  platform: string,
  followers: number,
  following: number,
  likes: number,
  videos: number,
): Record<string, number> {
  if (platform === "tiktok") {
    return {
      follower_count: followers,
      following_count: following,
      likes_count: likes,
      video_count: videos,
    };
  }
  if (platform === "instagram") {
    return { followers_count: followers, follows_count: following, media_count: videos };
  }
  return { followers_count: followers };
}
