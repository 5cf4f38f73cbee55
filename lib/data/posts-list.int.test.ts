// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceCtx } from "@/lib/data/context";
import { createTestDatabase, type TestDatabase } from "@/lib/test/db";
import { insertPostRow } from "@/lib/test/post-rows";
import { addMember, insertMirroredGroup, makeOwner } from "@/lib/test/factories";
import type { PostsQuery } from "@/lib/validation/posts-query";
import { listPostsPage, listPostsProfileOptions } from "./posts-list";

let t: TestDatabase;
let owner: WorkspaceCtx;
let outsider: WorkspaceCtx;

beforeAll(async () => {
  t = await createTestDatabase();
  // Days of the date filter are New York days.
  owner = await makeOwner(t.db, "Lister", { timezone: "America/New_York" });
  outsider = await makeOwner(t.db, "Outsider");
});
afterAll(async () => {
  await t?.close();
});

/** A post row as the writers leave it (written directly: this file tests the reading). */
const post = (ctx: WorkspaceCtx, facts: Parameters<typeof insertPostRow>[2]) =>
  insertPostRow(t.db, ctx, facts);

async function everyPage(ctx: WorkspaceCtx, query: PostsQuery, limit: number) {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await listPostsPage(ctx, query, { cursor, limit });
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor ?? undefined;
    pages++;
  } while (cursor && pages < 100);
  return ids;
}

describe("listPostsPage", () => {
  it("pages by keyset with ties on the time: every post once, newest first, then by id", async () => {
    const ws = await makeOwner(t.db, "Ties");
    const same = new Date("2030-01-01T10:00:00.123456Z");
    const ids: string[] = [];
    for (let i = 0; i < 9; i++)
      ids.push(await post(ws, { status: "scheduled", scheduledAt: same }));
    const later = await post(ws, {
      status: "scheduled",
      scheduledAt: new Date("2030-01-02T10:00:00Z"),
    });
    const sentNow = await post(ws, {
      status: "published",
      submittedAt: new Date("2029-12-01T08:00:00Z"),
    });
    for (const limit of [1, 2, 4, 20]) {
      const seen = await everyPage(ws, { tab: "posts" }, limit);
      expect(seen).toEqual([later, ...[...ids].sort().reverse(), sentNow]);
    }
  });

  it("lists drafts only in the Drafts tab, last edited first", async () => {
    const ws = await makeOwner(t.db, "Drafts");
    const old = await post(ws, { status: "draft", updatedAt: new Date("2026-01-01T00:00:00Z") });
    const recent = await post(ws, { status: "draft", updatedAt: new Date("2026-02-01T00:00:00Z") });
    const sent = await post(ws, { status: "scheduled", scheduledAt: new Date("2031-01-01") });
    expect(await everyPage(ws, { tab: "posts" }, 5)).toEqual([sent]);
    expect(await everyPage(ws, { tab: "drafts" }, 1)).toEqual([recent, old]);
    const [row] = (await listPostsPage(ws, { tab: "drafts" })).items;
    expect(row.time).toEqual({ kind: "edited", at: "2026-02-01T00:00:00.000Z" });
  });

  it("filters by status, profile, New York days and caption text", async () => {
    const at = (iso: string) => new Date(iso);
    const a = await post(owner, {
      status: "published",
      caption: "Spring LAUNCH video",
      // 03:00 UTC on May 1st is still April 30th in New York.
      scheduledAt: at("2026-05-01T03:00:00Z"),
      targets: [
        { profileId: "prof_a", status: "published", publishedAt: at("2026-05-01T03:01:00Z") },
      ],
    });
    const b = await post(owner, {
      status: "failed",
      caption: "100% off_today",
      scheduledAt: at("2026-05-01T15:00:00Z"),
      targets: [{ profileId: "prof_b", status: "failed", updatedAt: at("2026-05-01T15:02:00Z") }],
    });
    const c = await post(owner, {
      status: "scheduled",
      caption: "launch two",
      scheduledAt: at("2026-05-03T15:00:00Z"),
      targets: [
        { profileId: "prof_a", status: "scheduled" },
        { profileId: "prof_b", status: "scheduled" },
      ],
    });
    const draft = await post(owner, {
      status: "draft",
      caption: "launch draft",
      profileIds: ["prof_a"],
      updatedAt: at("2026-05-01T15:00:00Z"),
    });
    const ids = async (query: Omit<PostsQuery, "tab"> & { tab?: PostsQuery["tab"] }) =>
      (await listPostsPage(owner, { tab: "posts", ...query })).items.map((i) => i.id);

    expect(await ids({})).toEqual([c, b, a]);
    expect(await ids({ status: "failed" })).toEqual([b]);
    expect(await ids({ profile: "prof_a" })).toEqual([c, a]);
    expect(await ids({ profile: "prof_nobody" })).toEqual([]);
    expect(await ids({ from: "2026-05-01", to: "2026-05-01" })).toEqual([b]);
    expect(await ids({ to: "2026-04-30" })).toEqual([a]);
    expect(await ids({ from: "2026-05-02" })).toEqual([c]);
    expect(await ids({ profile: "prof_b", from: "2026-05-01", to: "2026-05-02" })).toEqual([b]);
    expect(await ids({ q: "launch" })).toEqual([c, a]);
    // % and _ are matched as typed, not as patterns.
    expect(await ids({ q: "100% off_" })).toEqual([b]);
    expect(await ids({ q: "0%" })).toEqual([b]);
    expect(await ids({ q: "_" })).toEqual([b]);
    expect(await ids({ tab: "drafts", q: "launch", profile: "prof_a" })).toEqual([draft]);
    expect(await ids({ tab: "drafts", profile: "prof_b" })).toEqual([]);
    expect(await ids({ tab: "drafts", from: "2026-05-01", to: "2026-05-01" })).toEqual([draft]);

    const rows = (await listPostsPage(owner, { tab: "posts" })).items;
    const byId = new Map(rows.map((r) => [r.id, r]));
    // The time that matters for each status: never "scheduled" on a published post.
    expect(byId.get(a)?.time).toEqual({ kind: "published", at: "2026-05-01T03:01:00.000Z" });
    expect(byId.get(b)?.time).toEqual({ kind: "failed", at: "2026-05-01T15:02:00.000Z" });
    expect(byId.get(c)?.time).toEqual({ kind: "scheduled", at: "2026-05-03T15:00:00.000Z" });
    expect(byId.get(c)?.profiles).toEqual([
      { profileId: "prof_a", profileName: "Name of prof_a", status: "scheduled" },
      { profileId: "prof_b", profileName: "Name of prof_b", status: "scheduled" },
    ]);
    const [draftRow] = (await listPostsPage(owner, { tab: "drafts", q: "launch draft" })).items;
    expect(draftRow.profiles).toEqual([
      { profileId: "prof_a", profileName: "Name of prof_a", status: null },
    ]);
    expect(await listPostsProfileOptions(owner)).toEqual([
      { profileId: "prof_a", profileName: "Name of prof_a" },
      { profileId: "prof_b", profileName: "Name of prof_b" },
    ]);
  });

  it("never lists another workspace's posts, profiles, or rows through its cursor", async () => {
    const viewer = await addMember(owner, "viewer");
    const all = await everyPage(viewer.ctx, { tab: "posts" }, 2);
    expect(all.length).toBeGreaterThan(0);
    expect(await everyPage(outsider, { tab: "posts" }, 50)).toEqual([]);
    expect(await everyPage(outsider, { tab: "drafts" }, 50)).toEqual([]);
    expect(await everyPage(outsider, { tab: "posts", profile: "prof_a" }, 50)).toEqual([]);
    expect(await listPostsProfileOptions(outsider)).toEqual([]);
    const mine = await listPostsPage(owner, { tab: "posts" }, { limit: 1 });
    expect(mine.nextCursor).toEqual(expect.any(String));
    const theirs = await listPostsPage(outsider, { tab: "posts" }, { cursor: mine.nextCursor! });
    expect(theirs.items).toEqual([]);
    // A forged cursor starts from the top of the caller's own list.
    const forged = await listPostsPage(outsider, { tab: "posts" }, { cursor: "not-a-cursor" });
    expect(forged.items).toEqual([]);
  });

  it("flags a profile whose connection is gone on the posts still to go out to it", async () => {
    await insertMirroredGroup(owner, "grp_x", {
      prof_expired: { name: "@expired", status: "expired" },
    });
    await post(owner, {
      status: "scheduled",
      caption: "reconnect soon",
      scheduledAt: new Date(Date.now() + 864e5),
      targets: [
        { profileId: "prof_expired", status: "scheduled" },
        { profileId: "prof_a", status: "scheduled" },
      ],
    });
    await post(owner, {
      status: "published",
      caption: "reconnect done",
      targets: [{ profileId: "prof_expired", status: "published", publishedAt: new Date() }],
    });
    const [due] = (await listPostsPage(owner, { tab: "posts", q: "reconnect soon" })).items;
    expect(due.profiles.find((p) => p.profileId === "prof_expired")?.needsReconnect).toBe(true);
    expect(due.profiles.find((p) => p.profileId === "prof_a")?.needsReconnect).toBeUndefined();
    // Already published: nothing to reconnect for.
    const [done] = (await listPostsPage(owner, { tab: "posts", q: "reconnect done" })).items;
    expect(done.profiles[0].needsReconnect).toBeUndefined();
  });
});
