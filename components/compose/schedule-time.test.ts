import { describe, expect, it } from "vitest";
import { describeScheduledTime, toLocalInputValue } from "./schedule-time";

describe("toLocalInputValue", () => {
  it("writes an instant as the wall clock of a zone, 24-hour", () => {
    const at = new Date("2026-12-01T14:05:00Z");
    expect(toLocalInputValue(at, "America/New_York")).toBe("2026-12-01T09:05");
    expect(toLocalInputValue(at, "Asia/Kolkata")).toBe("2026-12-01T19:35");
    expect(toLocalInputValue(new Date("2026-12-01T00:30:00Z"), "UTC")).toBe("2026-12-01T00:30");
  });
});

describe("describeScheduledTime", () => {
  it("gives UTC and the viewer's zone when that differs from the chosen one", () => {
    const d = describeScheduledTime("2026-12-01T09:00", "America/New_York", "Europe/Paris");
    expect(d?.instant.toISOString()).toBe("2026-12-01T14:00:00.000Z");
    expect(d?.utc).toBe("Dec 1, 2026, 2:00 PM UTC");
    expect(d?.viewer).toBe("Dec 1, 2026, 3:00 PM GMT+1");
  });

  it("leaves the viewer's line out when the viewer is in the chosen zone, and is null when incomplete", () => {
    expect(describeScheduledTime("2026-12-01T09:00", "Europe/Paris", "Europe/Paris")?.viewer).toBe(
      null,
    );
    expect(describeScheduledTime(undefined, "UTC", null)).toBeNull();
    expect(describeScheduledTime("2026-02-30T09:00", "UTC", null)).toBeNull();
  });
});
