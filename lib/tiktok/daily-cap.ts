/** TikTok lets one creator post at most this many times in any 24 hours. */
export const dailyPostCap = 15;
const day = 24 * 60 * 60 * 1000;

/**
 * The most posts the profile would have in one 24-hour window once a post at `at` is added
 * (the new post included). Windows are [start, start + 24 h), so posts exactly 24 h apart do not
 * share one. `existing` holds the profile's scheduled and published post times.
 */
export function countBusiestDay(existing: readonly Date[], at: Date): number {
  const t = at.getTime();
  const near = existing.map((d) => d.getTime()).filter((x) => x > t - day && x < t + day);
  // The busiest window holding the new post starts at one of the posts within it (or at it).
  const starts = [t, ...near.filter((x) => x <= t)];
  let busiest = 0;
  for (const start of starts) {
    const count = near.filter((x) => x >= start && x < start + day).length;
    busiest = Math.max(busiest, count);
  }
  return busiest + 1;
}

/** For each profile (by id) that would go over the cap: its busiest 24-hour count with the new post. */
export function findProfilesOverDailyCap(
  existingByProfile: Readonly<Record<string, readonly Date[]>>,
  at: Date,
): { profileId: string; count: number }[] {
  return Object.entries(existingByProfile)
    .map(([profileId, times]) => ({ profileId, count: countBusiestDay(times, at) }))
    .filter((p) => p.count > dailyPostCap);
}
