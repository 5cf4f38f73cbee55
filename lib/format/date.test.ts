import { describe, expect, it } from "vitest";
import { formatDateTime } from "./date";

const moment = "2026-12-02T07:51:12Z";

describe("formatDateTime", () => {
  it("formats one way, in the zone it is given", () => {
    expect(formatDateTime(moment, { timeZone: "UTC" })).toBe("Dec 2, 2026, 7:51 AM");
    expect(formatDateTime(moment, { timeZone: "Asia/Kolkata" })).toBe("Dec 2, 2026, 1:21 PM");
    expect(formatDateTime(new Date(moment), { timeZone: "America/New_York" })).toBe(
      "Dec 2, 2026, 2:51 AM",
    );
  });
  it("offers date-only and time-only forms and an optional zone name", () => {
    expect(formatDateTime(moment, { timeZone: "UTC", format: "date" })).toBe("Dec 2, 2026");
    expect(formatDateTime(moment, { timeZone: "UTC", format: "time" })).toBe("7:51 AM");
    expect(formatDateTime(moment, { timeZone: "Europe/Paris", withZone: true })).toBe(
      "Dec 2, 2026, 8:51 AM GMT+1",
    );
  });
  it("defaults to the viewer's zone and never prints Invalid Date", () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(formatDateTime(moment)).toBe(formatDateTime(moment, { timeZone: zone }));
    expect(formatDateTime("not a date")).toBe("");
  });
});
