import { describe, expect, it } from "vitest";
import {
  findTimeZoneOption,
  formatUtcOffset,
  listTimeZoneOptions,
  searchTimeZones,
} from "./timezones";

const options = listTimeZoneOptions(new Date("2026-01-15T12:00:00Z"));
const names = (q: string) => searchTimeZones(options, q).map((o) => o.name);

describe("timezone search", () => {
  it("offers canonical IANA names only", () => {
    const all = options.map((o) => o.name);
    expect(all).toContain("Asia/Kolkata");
    expect(all).toContain("Europe/Kyiv");
    expect(all).toContain("Asia/Ho_Chi_Minh");
    expect(all).not.toContain("Asia/Calcutta");
    expect(all).not.toContain("Europe/Kiev");
    expect(all).not.toContain("Asia/Saigon");
    expect(all).toContain("UTC");
  });

  it.each([
    ["kolkata", "Asia/Kolkata"],
    ["calcutta", "Asia/Kolkata"],
    ["kyiv", "Europe/Kyiv"],
    ["kiev", "Europe/Kyiv"],
    ["ho chi minh", "Asia/Ho_Chi_Minh"],
    ["saigon", "Asia/Ho_Chi_Minh"],
    ["tokyo", "Asia/Tokyo"],
    ["new york", "America/New_York"],
    ["paris", "Europe/Paris"],
  ])("%s finds %s first and nothing unrelated", (query, zone) => {
    const found = names(query);
    expect(found[0]).toBe(zone);
    expect(found.length).toBeLessThanOrEqual(3);
  });

  it("does not match unrelated zones on scattered letters", () => {
    expect(names("tokyo")).toEqual(["Asia/Tokyo"]);
    expect(names("kolkata")).not.toContain("America/Chicago");
    expect(names("kyiv")).not.toContain("Atlantic/Reykjavik");
  });

  it("ranks prefix matches before matches inside a word", () => {
    const found = names("san");
    const firstInner = found.findIndex(
      (n) =>
        !options
          .find((o) => o.name === n)!
          .terms.some((t) => t.split(/[\s/_-]+/).some((w) => w.startsWith("san"))),
    );
    const lastPrefix = found.findLastIndex((n) =>
      options
        .find((o) => o.name === n)!
        .terms.some((t) => t.split(/[\s/_-]+/).some((w) => w.startsWith("san"))),
    );
    if (firstInner !== -1) expect(lastPrefix).toBeLessThan(firstInner);
  });

  it("labels each entry with its current UTC offset", () => {
    expect(options.find((o) => o.name === "Asia/Kolkata")?.offset).toBe("UTC+05:30");
    expect(options.find((o) => o.name === "America/New_York")?.offset).toBe("UTC−05:00");
    const summer = listTimeZoneOptions(new Date("2026-07-15T12:00:00Z"));
    expect(summer.find((o) => o.name === "America/New_York")?.offset).toBe("UTC−04:00");
    expect(formatUtcOffset(0)).toBe("UTC+00:00");
  });

  it("maps saved old names to their canonical entry", () => {
    expect(findTimeZoneOption(options, "Asia/Calcutta")?.name).toBe("Asia/Kolkata");
    expect(findTimeZoneOption(options, "Europe/Kiev")?.name).toBe("Europe/Kyiv");
    expect(findTimeZoneOption(options, "UTC")?.name).toBe("UTC");
    expect(findTimeZoneOption(options, "America/New_York")?.name).toBe("America/New_York");
  });
});
