import { describe, expect, it } from "vitest";
import { canMoveTarget, derivePostStatus } from "./post-view";

describe("derivePostStatus", () => {
  it.each([
    [[], "draft"],
    [["sending", "scheduled"], "submitting"],
    [["scheduled", "scheduled"], "scheduled"],
    [["scheduled", "processing"], "publishing"],
    [["published", "published"], "published"],
    [["published", "failed"], "partially_published"],
    [["failed", "failed"], "failed"],
    [["cancelled"], "cancelled"],
    [["scheduled", "failed"], "scheduled"],
  ] as const)("%j → %s", (statuses, expected) => {
    expect(derivePostStatus(statuses)).toBe(expected);
  });
});

describe("canMoveTarget", () => {
  it("moves forward only, and never out of a final status", () => {
    expect(canMoveTarget("scheduled", "processing")).toBe(true);
    expect(canMoveTarget("processing", "published")).toBe(true);
    expect(canMoveTarget("processing", "failed")).toBe(true);
    expect(canMoveTarget("processing", "scheduled")).toBe(false);
    expect(canMoveTarget("published", "processing")).toBe(false);
    expect(canMoveTarget("published", "failed")).toBe(false);
    expect(canMoveTarget("failed", "published")).toBe(false);
    expect(canMoveTarget("scheduled", "scheduled")).toBe(false);
  });
});
