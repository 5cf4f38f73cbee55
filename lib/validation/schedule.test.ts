// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { describe, expect, it } from "vitest";
import { isLocalDateTime, toScheduledInstant } from "./schedule";

describe("isLocalDateTime", () => {
  it("takes real dates and times only", () => {
    expect(isLocalDateTime("2026-11-25T14:30")).toBe(true);
    expect(isLocalDateTime("2028-02-29T00:00")).toBe(true);
    expect(isLocalDateTime("2026-02-29T00:00")).toBe(false);
    expect(isLocalDateTime("2026-04-31T10:00")).toBe(false);
    expect(isLocalDateTime("2026-11-25T24:00")).toBe(false);
    expect(isLocalDateTime("2026-11-25T10:60")).toBe(false);
    expect(isLocalDateTime("2026-11-25 10:00")).toBe(false);
    expect(isLocalDateTime("2026-11-25T10:00:00Z")).toBe(false);
  });
});

describe("toScheduledInstant", () => {
  it("reads the wall-clock time in the chosen zone and returns UTC", () => {
    expect(toScheduledInstant("2026-11-25T10:00", "America/New_York")?.toISOString()).toBe(
      "2026-11-25T15:00:00.000Z",
    );
    expect(toScheduledInstant("2026-07-01T10:00", "Europe/Paris")?.toISOString()).toBe(
      "2026-07-01T08:00:00.000Z",
    );
    expect(toScheduledInstant("2026-07-01T10:00", "UTC")?.toISOString()).toBe(
      "2026-07-01T10:00:00.000Z",
    );
  });
  it("moves a time skipped by daylight saving forward by the jump", () => {
    expect(toScheduledInstant("2026-03-29T02:30", "Europe/Paris")?.toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
  });
  it("returns null for a bad time or zone", () => {
    expect(toScheduledInstant("2026-02-30T10:00", "UTC")).toBeNull();
    expect(toScheduledInstant("2026-07-01T10:00", "Mars/Olympus")).toBeNull();
    expect(toScheduledInstant("2026-07-01T10:00", "")).toBeNull();
  });
});
