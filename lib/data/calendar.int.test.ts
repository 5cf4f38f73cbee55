// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceCtx } from "@/lib/data/context";

import { createTestDatabase, type TestDatabase } from "@/lib/test/db";
import { insertPostRow } from "@/lib/test/post-rows";
import { addMember, makeOwner } from "@/lib/test/factories";
import type { TargetStatus } from "@/lib/validation/post-view";
import { listCalendarEntries } from "./calendar";

// The same opening as posts-list.int.test.ts (a database, an owner, an outsider): each file
// owns its database, so no test sees another file's rows.
let t: TestDatabase;
let owner: WorkspaceCtx;
let outsider: WorkspaceCtx;

beforeAll(async () => {
  t = await createTestDatabase();
  owner = await makeOwner(t.db, "Planner", { timezone: "America/New_York" });
  outsider = await makeOwner(t.db, "Stranger");
});
afterAll(async () => {
  await t?.close();
});

/** A post at `scheduledAt` with a target per profile (sent to Postproxy unless a draft). */
const post = (
  ctx: WorkspaceCtx,
  scheduledAt: Date,
  targets: { profileId: string; status: TargetStatus }[],
  status: "scheduled" | "draft" = "scheduled",
) =>
  insertPostRow(t.db, ctx, {
    status,
    caption: `at ${scheduledAt.toISOString()}`,
    scheduledAt,
    profileIds: targets.map((x) => x.profileId),
    targets:
      status === "draft"
        ? []
        : targets.map((x) => ({
            ...x,
            scheduledAt,
            postproxyPostId: `pp_${x.profileId}_${scheduledAt.getTime()}`,
          })),
  });

const range = { from: "2031-03-01", to: "2031-04-01", profiles: [], statuses: [] };

describe("listCalendarEntries", () => {
  it("gives one entry per profile in the range's New York days, and none of another workspace", async () => {
    const inside = await post(owner, new Date("2031-03-10T15:00:00Z"), [
      { profileId: "prof_a", status: "scheduled" },
      { profileId: "prof_b", status: "failed" },
    ]);
    // 23:30 New York on 31 March is already 1 April in UTC: still in March's range.
    const lateEvening = await post(owner, new Date("2031-04-01T03:30:00Z"), [
      { profileId: "prof_a", status: "scheduled" },
    ]);
    // 00:30 New York on 1 April: outside.
    await post(owner, new Date("2031-04-01T04:30:00Z"), [
      { profileId: "prof_a", status: "scheduled" },
    ]);
    const draft = await post(
      owner,
      new Date("2031-03-12T15:00:00Z"),
      [{ profileId: "prof_c", status: "pending" }],
      "draft",
    );
    const foreign = await post(outsider, new Date("2031-03-10T15:00:00Z"), [
      { profileId: "prof_a", status: "scheduled" },
    ]);

    const data = await listCalendarEntries(owner, range, { now: new Date("2031-01-01T00:00:00Z") });
    expect(data.timeZone).toBe("America/New_York");
    expect(data.entries.map((e) => [e.postId, e.profileId, e.status])).toEqual([
      [inside, "prof_a", "scheduled"],
      [inside, "prof_b", "failed"],
      [draft, "prof_c", "draft"],
      [lateEvening, "prof_a", "scheduled"],
    ]);
    expect(data.entries.find((e) => e.status === "scheduled")?.isMovable).toBe(true);
    expect(data.entries.find((e) => e.status === "failed")?.isMovable).toBe(false);
    expect(data.entries.some((e) => e.postId === foreign)).toBe(false);

    const theirs = await listCalendarEntries(outsider, range, {
      now: new Date("2031-01-01T00:00:00Z"),
    });
    expect(theirs.entries.map((e) => e.postId)).toEqual([foreign]);
  });

  it("filters by several profiles and statuses", async () => {
    const data = await listCalendarEntries(
      owner,
      { ...range, profiles: ["prof_b", "prof_c"], statuses: ["failed", "draft"] },
      { now: new Date("2031-01-01T00:00:00Z") },
    );
    expect(data.entries.map((e) => e.status).sort()).toEqual(["draft", "failed"]);
  });

  it("marks an entry inside the 5-minute lock (plus a minute) as not movable", async () => {
    const data = await listCalendarEntries(owner, range, {
      now: new Date("2031-03-10T14:55:00Z"),
    });
    const locked = data.entries.find(
      (e) => e.profileId === "prof_a" && e.at.startsWith("2031-03-10"),
    );
    expect(locked?.isMovable).toBe(false);
  });

  it("lets a viewer read the calendar", async () => {
    const { ctx: viewer } = await addMember(owner, "viewer");
    const data = await listCalendarEntries(viewer, range, {
      now: new Date("2031-01-01T00:00:00Z"),
    });
    expect(data.entries.length).toBeGreaterThan(0);
  });
});
