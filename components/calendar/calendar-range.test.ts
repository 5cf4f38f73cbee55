import { describe, expect, it } from "vitest";
import { fromBoardTime, rangeOf, shiftDay, toBoardTime } from "./calendar-range";

describe("calendar ranges", () => {
  it("covers whole weeks of a month, Monday first", () => {
    expect(rangeOf("month", "2027-03-17")).toEqual({ from: "2027-03-01", to: "2027-04-05" });
    expect(rangeOf("month", "2026-11-04")).toEqual({ from: "2026-10-26", to: "2026-12-07" });
  });
  it("takes the week of a day and steps by weeks and months", () => {
    expect(rangeOf("week", "2027-03-14")).toEqual({ from: "2027-03-08", to: "2027-03-15" });
    expect(shiftDay("week", "2027-03-14", 1)).toBe("2027-03-21");
    expect(shiftDay("month", "2027-01-31", 1)).toBe("2027-02-01");
    expect(rangeOf("agenda", "2027-02-10")).toEqual({ from: "2027-02-01", to: "2027-03-01" });
  });
  it("writes zone wall clocks as board times and reads them back", () => {
    expect(toBoardTime("2027-03-14T07:30:00Z", "America/New_York")).toBe("2027-03-14T03:30:00Z");
    expect(toBoardTime("2027-03-14T07:30:00Z", "Asia/Kolkata")).toBe("2027-03-14T13:00:00Z");
    expect(fromBoardTime(new Date("2027-03-14T03:30:00Z"))).toBe("2027-03-14T03:30");
  });
});
