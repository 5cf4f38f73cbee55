import { describe, expect, it } from "vitest";
import { bucketLabel, maxChartPoints, profileBucketMs } from "./stats";

const hour = 3600_000;
const day = 24 * hour;

describe("profileBucketMs", () => {
  it("keeps an hourly-snapshotted profile to at most maxChartPoints points", () => {
    for (const days of [1, 7, 30, 90, 365, 730])
      expect((days * day) / profileBucketMs(days * day)).toBeLessThanOrEqual(maxChartPoints);
  });

  it("keeps Postproxy's daily snapshots one per bucket up to 90 days", () => {
    expect(profileBucketMs(7 * day)).toBe(hour);
    expect(profileBucketMs(30 * day)).toBe(4 * hour);
    expect(profileBucketMs(90 * day)).toBe(12 * hour);
  });

  it("names the width in words", () => {
    expect(bucketLabel(hour)).toBe("1 hour");
    expect(bucketLabel(12 * hour)).toBe("12 hours");
    expect(bucketLabel(day)).toBe("1 day");
    expect(bucketLabel(7 * day)).toBe("7 days");
  });
});
