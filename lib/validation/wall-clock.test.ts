import { describe, expect, it } from "vitest";
import { resolveWallClock, toWallClock } from "./wall-clock";

describe("resolveWallClock", () => {
  it("reads an ordinary time in New York", () => {
    const r = resolveWallClock("2027-03-10T09:30", "America/New_York");
    expect(r).toEqual({ ok: true, instant: new Date("2027-03-10T14:30:00Z"), note: null });
  });
  it("refuses the skipped spring-forward hour with the reason", () => {
    const r = resolveWallClock("2027-03-14T02:30", "America/New_York");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/does not exist in America\/New_York/);
    expect(resolveWallClock("2027-03-28T02:15", "Europe/Berlin").ok).toBe(false);
  });
  it("takes the first of a repeated fall-back time and says so", () => {
    const r = resolveWallClock("2027-11-07T01:30", "America/New_York");
    expect(r).toMatchObject({ ok: true, instant: new Date("2027-11-07T05:30:00Z") });
    if (r.ok) expect(r.note).toMatch(/happens twice/);
  });
  it("handles half-hour zones", () => {
    expect(resolveWallClock("2027-03-14T02:30", "Asia/Kolkata")).toEqual({
      ok: true,
      instant: new Date("2027-03-13T21:00:00Z"),
      note: null,
    });
  });
  it("refuses malformed and impossible times", () => {
    expect(resolveWallClock("2027-02-30T10:00", "UTC").ok).toBe(false);
    expect(resolveWallClock("tomorrow", "UTC").ok).toBe(false);
  });
  it("round-trips toWallClock", () => {
    expect(toWallClock(new Date("2027-11-07T06:30:00Z"), "America/New_York")).toBe(
      "2027-11-07T01:30",
    );
  });
});
