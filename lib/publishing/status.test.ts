import { describe, expect, it } from "vitest";
import { canMoveTarget, canReplay, derivePostStatus, judgeReport } from "./status";

describe("derivePostStatus", () => {
  it.each([
    [[], "draft"],
    [["sending", "scheduled"], "submitting"],
    [["unknown", "scheduled"], "submitting"],
    [["scheduled", "scheduled"], "scheduled"],
    [["scheduled", "processing"], "publishing"],
    [["scheduled", "delayed"], "publishing"],
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
    expect(canMoveTarget("scheduled", "delayed")).toBe(true);
    expect(canMoveTarget("delayed", "published")).toBe(true);
    expect(canMoveTarget("delayed", "scheduled")).toBe(false);
    expect(canMoveTarget("sending", "unknown")).toBe(true);
    expect(canMoveTarget("unknown", "scheduled")).toBe(true);
    expect(canMoveTarget("unknown", "sending")).toBe(false);
    expect(canMoveTarget("processing", "published")).toBe(true);
    expect(canMoveTarget("processing", "failed")).toBe(true);
    expect(canMoveTarget("processing", "scheduled")).toBe(false);
    expect(canMoveTarget("published", "processing")).toBe(false);
    expect(canMoveTarget("published", "failed")).toBe(false);
    expect(canMoveTarget("failed", "published")).toBe(false);
    expect(canMoveTarget("scheduled", "scheduled")).toBe(false);
  });
});

describe("judgeReport", () => {
  const target = { status: "processing" as const, postproxyPostId: "pp-2", platformUrl: null };
  it("never lets a report about an older attempt move the current one", () => {
    expect(judgeReport(target, { postproxyPostId: "pp-1", status: "published" })).toEqual({
      apply: false,
      reason: "older_attempt",
    });
  });
  it("keeps a late report from moving a target backwards", () => {
    const published = { ...target, status: "published" as const };
    expect(judgeReport(published, { postproxyPostId: "pp-2", status: "processing" })).toEqual({
      apply: false,
      reason: "backwards",
    });
  });
  it("takes a TikTok link arriving after published", () => {
    const published = { ...target, status: "published" as const };
    const report = { postproxyPostId: "pp-2", status: "published" as const, platformUrl: "u" };
    expect(judgeReport(published, report)).toEqual({ apply: true, moves: false });
    expect(judgeReport({ ...published, platformUrl: "u" }, report).apply).toBe(false);
  });
});

describe("canReplay", () => {
  const now = new Date("2026-01-01T12:00:00Z");
  const ago = (ms: number) => new Date(now.getTime() - ms);
  it("replays a Publish-now create for 15 minutes only", () => {
    const t = { scheduledAt: null, linksValidUntil: null };
    expect(canReplay({ ...t, sentAt: ago(14 * 60_000) }, now).ok).toBe(true);
    expect(canReplay({ ...t, sentAt: ago(16 * 60_000) }, now)).toEqual({
      ok: false,
      reason: "too_old",
    });
  });
  it("replays a scheduled create only while it is more than 5 minutes ahead", () => {
    const t = { sentAt: ago(60 * 60_000), linksValidUntil: null };
    expect(canReplay({ ...t, scheduledAt: "2026-01-01T12:06:00Z" }, now).ok).toBe(true);
    expect(canReplay({ ...t, scheduledAt: "2026-01-01T12:04:00Z" }, now).ok).toBe(false);
  });
  it("never replays with links about to expire", () => {
    const t = {
      sentAt: ago(0),
      scheduledAt: null,
      linksValidUntil: new Date(now.getTime() + 60_000),
    };
    expect(canReplay(t, now)).toEqual({ ok: false, reason: "links_expired" });
  });
});
