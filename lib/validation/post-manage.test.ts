import { describe, expect, it } from "vitest";
import { editPostSchema, isInsideEditLock, manageTexts } from "./post-manage";

describe("the edit lock", () => {
  const now = new Date("2026-12-04T10:00:00Z");
  it("locks 5 minutes plus a minute's margin before publishing, and anything in the past", () => {
    expect(isInsideEditLock("2026-12-04T10:06:00Z", now)).toBe(true);
    expect(isInsideEditLock("2026-12-04T10:06:01Z", now)).toBe(false);
    expect(isInsideEditLock("2026-12-04T10:05:00Z", now)).toBe(true);
    expect(isInsideEditLock("2026-12-04T09:00:00Z", now)).toBe(true);
  });
  it("names the profiles and the fields in words", () => {
    expect(manageTexts.insideLock(["@a", "@b"])).toMatch(/^@a and @b go out in less than 6/);
    expect(manageTexts.changedFields(["caption", "settings", "time"])).toBe(
      "the caption, the TikTok settings and the time",
    );
  });
  it("the edit form needs the post and the version it was opened at", () => {
    const base = { workspaceId: "6f1e0e7e-8f3a-4a7e-9a51-3a1f1b2c3d4e" };
    expect(editPostSchema.safeParse(base).success).toBe(false);
    const ok = editPostSchema.safeParse({ ...base, postId: base.workspaceId, version: "2" });
    expect(ok.success && ok.data.version).toBe(2);
    expect(
      editPostSchema.safeParse({ ...base, postId: base.workspaceId, version: -1 }).success,
    ).toBe(false);
  });
});
