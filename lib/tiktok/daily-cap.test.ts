import { describe, expect, it } from "vitest";
import { countBusiestDay, dailyPostCap, findProfilesOverDailyCap } from "./daily-cap";

const hour = 60 * 60 * 1000;
const base = new Date("2026-11-25T12:00:00Z").getTime();
const at = (hours: number) => new Date(base + hours * hour);
const hourly = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => at(from + i));

describe("countBusiestDay", () => {
  it("counts the new post with the others in its busiest 24 hours", () => {
    expect(dailyPostCap).toBe(15);
    expect(countBusiestDay([], at(0))).toBe(1);
    expect(countBusiestDay(hourly(-14, 14), at(0))).toBe(15);
    expect(countBusiestDay(hourly(-15, 15), at(0))).toBe(16);
  });
  it("finds a window that starts before and ends after the new post", () => {
    // 8 posts in the 12 h before, 8 in the 12 h after: a window holds all 16 plus the new one.
    const times = [...hourly(-8, 8), ...hourly(1, 8)];
    expect(countBusiestDay(times, at(0))).toBe(17);
  });
  it("does not put posts exactly 24 hours apart in one window", () => {
    const times = [
      ...Array.from({ length: 14 }, () => at(-24)),
      ...Array.from({ length: 14 }, () => at(24)),
    ];
    expect(countBusiestDay(times, at(0))).toBe(1);
    expect(countBusiestDay([...times, at(-23.9)], at(0))).toBe(2);
  });
  it("ignores posts more than a day away", () => {
    expect(countBusiestDay([...hourly(-60, 30), ...hourly(30, 30)], at(0))).toBe(1);
  });
});

describe("findProfilesOverDailyCap", () => {
  it("warns from the 16th post in 24 hours, per profile", () => {
    expect(findProfilesOverDailyCap({ p: hourly(-14, 14) }, at(0))).toEqual([]);
    expect(findProfilesOverDailyCap({ p: hourly(-10, 15) }, at(0))).toEqual([
      { profileId: "p", count: 16 },
    ]);
    expect(
      findProfilesOverDailyCap({ busy: hourly(-20, 15), calm: hourly(-20, 3), none: [] }, at(0)),
    ).toEqual([{ profileId: "busy", count: 16 }]);
  });
});
