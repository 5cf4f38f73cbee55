import { describe, expect, it } from "vitest";
import { buildChecklist, type ChecklistFacts } from "./checklist";

const fresh: ChecklistFacts = {
  role: "owner",
  hasApiKey: false,
  activeTikTokProfiles: null,
  expiredProfiles: 0,
  auditStatus: "unknown",
  memberCount: 1,
  pendingInvites: 0,
};

describe("buildChecklist", () => {
  it("shows a new owner every step not done, each linking to its field", () => {
    const items = buildChecklist(fresh);
    expect(items.map((i) => [i.id, i.isDone])).toEqual([
      ["postproxy", false],
      ["profiles", false],
      ["audit", false],
      ["team", false],
    ]);
    expect(items.find((i) => i.id === "postproxy")?.action?.href).toBe("/settings#apiKey");
    expect(items.find((i) => i.id === "audit")?.action?.href).toBe("/settings#audit-status");
    expect(items.find((i) => i.id === "team")?.action?.href).toBe("/settings/members#invite");
  });

  it("marks steps done from real data", () => {
    const items = buildChecklist({
      ...fresh,
      hasApiKey: true,
      activeTikTokProfiles: 2,
      auditStatus: "unaudited",
      pendingInvites: 1,
    });
    expect(items.every((i) => i.isDone)).toBe(true);
    expect(items.find((i) => i.id === "profiles")?.description).toContain("2 active TikTok");
  });

  it("never offers owner-only actions to editors or viewers", () => {
    for (const role of ["editor", "viewer"] as const) {
      const items = buildChecklist({ ...fresh, role, memberCount: 2 });
      expect(items.filter((i) => i.action)).toEqual([]);
      expect(items.find((i) => i.id === "postproxy")?.note).toMatch(/owner/);
    }
  });

  it("does not list a first-post step before the composer exists", () => {
    expect(buildChecklist(fresh).map((i) => i.id)).not.toContain("first-post");
  });
});
