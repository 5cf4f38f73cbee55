import { describe, expect, it } from "vitest";
import { readStatusFilter, toListStatus } from "./post-list";

describe("readStatusFilter", () => {
  it("takes a known status and falls back to all", () => {
    expect(readStatusFilter("failed")).toBe("failed");
    expect(readStatusFilter(["published", "failed"])).toBe("published");
    expect(readStatusFilter("draft")).toBe("draft");
    expect(readStatusFilter("submitting")).toBe("all");
    expect(readStatusFilter("'; drop table")).toBe("all");
    expect(readStatusFilter(undefined)).toBe("all");
  });
});

describe("toListStatus", () => {
  it("lists every status for all, one status otherwise", () => {
    expect(toListStatus("all")).toBeUndefined();
    expect(toListStatus("failed")).toBe("failed");
  });
});
