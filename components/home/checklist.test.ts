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
  hasSentPost: false,
};

describe("buildChecklist", () => {
  it("shows a new owner every step not done, each linking to its field", () => {
    const items = buildChecklist(fresh);
    expect(items.map((i) => [i.id, i.isDone])).toEqual([
      ["postproxy", false],
      ["profiles", false],
      ["audit", false],
      ["team", false],
      ["first-post", false],
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
      hasSentPost: true,
    });
    expect(items.every((i) => i.isDone)).toBe(true);
    expect(items.find((i) => i.id === "profiles")?.description).toContain("2 active TikTok");
  });

  it("never offers owner-only actions to editors or viewers", () => {
    for (const role of ["editor", "viewer"] as const) {
      const items = buildChecklist({ ...fresh, role, memberCount: 2 });
      const ownerOnly = items.filter((i) => i.id !== "first-post");
      expect(ownerOnly.filter((i) => i.action)).toEqual([]);
      expect(items.find((i) => i.id === "postproxy")?.note).toMatch(/owner/);
    }
  });

  it("offers the first post to editors and owners, and tells viewers who can", () => {
    for (const role of ["owner", "editor"] as const) {
      const step = buildChecklist({ ...fresh, role }).find((i) => i.id === "first-post");
      expect(step?.action).toEqual({ href: "/compose", label: "Compose a post" });
    }
    const viewer = buildChecklist({ ...fresh, role: "viewer" }).find((i) => i.id === "first-post");
    expect(viewer?.action).toBeUndefined();
    expect(viewer?.note).toMatch(/editors and owners/);
  });

  it("marks the first post done once a post has been sent, with nothing left to click", () => {
    const step = buildChecklist({ ...fresh, hasSentPost: true }).find((i) => i.id === "first-post");
    expect(step?.isDone).toBe(true);
    expect(step?.action).toBeUndefined();
  });
});

describe("checklist plurals", () => {
  it("says one profile needs reconnecting, two need it", () => {
    const base = { ...fresh, hasApiKey: true, auditStatus: "audited" as const, pendingInvites: 1 };
    const one = buildChecklist({ ...base, activeTikTokProfiles: 1, expiredProfiles: 1 });
    expect(one.find((i) => i.id === "profiles")?.description).toBe(
      "1 active TikTok account is ready to post; 1 needs reconnecting.",
    );
    const two = buildChecklist({ ...base, activeTikTokProfiles: 2, expiredProfiles: 2 });
    expect(two.find((i) => i.id === "profiles")?.description).toBe(
      "2 active TikTok accounts are ready to post; 2 need reconnecting.",
    );
    expect(one.find((i) => i.id === "team")?.description).toBe(
      "1 invite link is waiting to be used.",
    );
  });
});
