import { describe, expect, it } from "vitest";
import { describeSlot, topSlots } from "./best-times";

describe("best times", () => {
  it("ranks only cells with at least 3 posts and names them in words", () => {
    const cells = [
      { weekday: 1, hour: 9, posts: 2, engagement: 1000 },
      { weekday: 2, hour: 18, posts: 3, engagement: 50 },
      { weekday: 5, hour: 0, posts: 4, engagement: 80 },
      { weekday: 6, hour: 12, posts: 5, engagement: 20 },
      { weekday: 0, hour: 13, posts: 9, engagement: 10 },
    ];
    const top = topSlots(cells);
    expect(top.map((c) => [c.weekday, c.hour])).toEqual([
      [5, 0],
      [2, 18],
      [6, 12],
    ]);
    expect(describeSlot(top[0])).toBe(
      "Fridays 12 AM–1 AM (80 engagements on average over 4 posts)",
    );
  });
});
