// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { WorkspaceCtx } from "@/lib/data/context";
import { saveApiKey } from "@/lib/data/api-keys";
import { postStatSnapshots, profileStatSnapshots } from "@/lib/db/schema";
import { fastClient } from "@/lib/publishing/test-support/setup";
import { createTestDatabase, type TestDatabase } from "@/lib/test/db";
import { makeOwner } from "@/lib/test/factories";
import { insertTargetRow } from "@/lib/test/post-rows";
import { TestSandbox } from "../../sandbox/test-support/harness";

let t: TestDatabase;
let sandbox: TestSandbox;
const statsCalls: number[] = [];

vi.mock("@/lib/integrations/postproxy", async (orig) => ({
  ...(await orig<object>()),
  getWorkspacePostproxy: async (ctx: WorkspaceCtx) => {
    const client = await fastClient(sandbox, ctx);
    if (!client) return null;
    const stats = client.posts.stats;
    client.posts.stats = (query, options) => {
      statsCalls.push(query.postIds.length);
      return stats(query, options);
    };
    return client;
  },
}));

const { refreshProfileMirror } = await import("./profile-mirror");
const { syncStats, ingestStatsEvent } = await import("./stats-sync");
const stats = await import("@/lib/data/stats");

let owner: WorkspaceCtx;
let targetId: string;
let postId: string;

const addPublished = (ctx: WorkspaceCtx, postproxyPostId: string, daysAgo: number) =>
  insertTargetRow(t.db, ctx, {
    status: "published",
    postproxyPostId,
    profileName: "@acmecoffee",
    caption: `Post ${postproxyPostId}`,
    publishedAt: new Date(Date.now() - daysAgo * 24 * 3600_000),
  });

beforeAll(async () => {
  process.env.APP_ENCRYPTION_KEY ??= "a".repeat(64);
  process.env.NEXTAUTH_SECRET ??= "b".repeat(40);
  t = await createTestDatabase();
  sandbox = await TestSandbox.start({ log: false });
  owner = await makeOwner(t.db, "Stats Owner");
  await saveApiKey(owner, sandbox.handle.apiKey);
  await refreshProfileMirror(owner, { force: true });
  ({ postId, targetId } = await addPublished(owner, "post_seed_acme_1", 20));
}, 120_000);
afterAll(async () => {
  await sandbox?.close();
  await t?.close();
});

describe("stats snapshots", () => {
  it("reads profile and post timeseries from Postproxy, the same numbers the sandbox serves", async () => {
    expect(await stats.getStatsPageState(owner)).toMatchObject({
      mirror: { hasKey: true, isLoaded: true },
      synced: { profiles: null, posts: null, isStale: true },
    });
    const result = await syncStats(owner);
    expect(result.errors).toEqual([]);
    expect(result.profiles).toBe(3);
    expect(result.targets).toBe(1);
    const served = await sandbox.get("/api/profiles/prof_acme_tiktok/stats", {
      query: { profile_group_id: "grp_acme" },
    });
    const series = await stats.getProfileSeries(owner, {
      profileIds: ["prof_acme_tiktok"],
      from: new Date(0),
      to: new Date(Date.now() + 3600_000),
    });
    const servedIn90 = served.body.data.records.filter(
      (r: { recorded_at: string }) => Date.parse(r.recorded_at) >= Date.now() - 91 * 86400_000,
    );
    expect(series[0].points.length).toBeGreaterThan(10);
    const last = servedIn90.at(-1);
    expect(series[0].points.at(-1)).toEqual({
      recordedAt: new Date(last.recorded_at).toISOString(),
      followerCount: last.stats.follower_count,
      followingCount: last.stats.following_count,
      likesCount: last.stats.likes_count,
      videoCount: last.stats.video_count,
    });
    const post = await stats.getPostSeries(owner, postId);
    expect(post[0].points.length).toBeGreaterThan(1);
    expect(post[0].fetchedAt).not.toBeNull();
    const page = await stats.getStatsPageState(owner);
    expect(page).toMatchObject({ timezone: "UTC", synced: { isStale: false } });
    expect(page.synced).toEqual(await stats.getStatsSyncedAt(owner));
    expect(Date.parse(page.synced.profiles!)).toBeGreaterThan(Date.now() - 60_000);
    expect(Date.parse(page.synced.posts!)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("changes nothing when the same snapshots come again, and skips what is fresh", async () => {
    const count = async () => ({
      p: (await t.db.select().from(profileStatSnapshots)).length,
      s: (await t.db.select().from(postStatSnapshots)).length,
    });
    const before = await count();
    const again = await syncStats(owner, { force: true });
    expect(again.snapshots).toBe(0);
    expect(await count()).toEqual(before);
    const fresh = await syncStats(owner);
    expect(fresh).toMatchObject({ profiles: 0, targets: 0 });
    const event = {
      type: "profile.stats" as const,
      data: {
        profile_id: "prof_acme_tiktok",
        recorded_at: "2026-01-01T00:00:00.000Z",
        stats: { follower_count: 5, following_count: 1, likes_count: "n/a" },
      },
    };
    expect(await ingestStatsEvent(owner, event)).toBe(1);
    expect(await ingestStatsEvent(owner, event)).toBe(0);
    const [stored] = (
      await stats.getProfileSeries(owner, {
        profileIds: ["prof_acme_tiktok"],
        from: new Date("2026-01-01T00:00:00Z"),
        to: new Date("2026-01-01T00:00:01Z"),
      })
    )[0].points;
    // A missing or non-numeric metric is a gap, not a 0.
    expect(stored).toMatchObject({ followerCount: 5, likesCount: null, videoCount: null });
  });

  it("asks for post stats in batches of at most 50 ids and stops asking for a gone post", async () => {
    const ws = await makeOwner(t.db, "Many posts");
    await saveApiKey(ws, sandbox.handle.apiKey);
    await refreshProfileMirror(ws, { force: true });
    for (let i = 0; i < 55; i++)
      await addPublished(ws, i === 0 ? "post_seed_acme_2" : `gone_${i}`, 1);
    statsCalls.length = 0;
    const result = await syncStats(ws, { scope: "posts" });
    expect(Math.max(...statsCalls)).toBeLessThanOrEqual(50);
    expect(result).toMatchObject({ targets: 1, gone: 54 });
    statsCalls.length = 0;
    await syncStats(ws, { scope: "posts", force: true });
    expect(statsCalls).toEqual([1]);
  });

  it("platform_post.insights reads from the last snapshot on; other workspaces see nothing", async () => {
    const read = await ingestStatsEvent(owner, {
      type: "platform_post.insights",
      data: { post_id: "post_seed_acme_1", profile_id: "prof_acme_tiktok" },
    });
    expect(read).toBeGreaterThanOrEqual(0);
    const stranger = await makeOwner(t.db, "Stranger");
    expect(await stats.getPostSeries(stranger, postId)).toEqual([]);
    expect(
      (
        await stats.getProfileSeries(stranger, {
          profileIds: ["prof_acme_tiktok"],
          from: new Date(0),
          to: new Date(Date.now() + 1000),
        })
      )[0].points,
    ).toEqual([]);
    expect(await stats.listTopPosts(stranger, { from: new Date(0), to: new Date() })).toEqual([]);
    expect(await stats.getBestTimes(stranger, "UTC")).toEqual([]);
    expect(
      await stats.insertPostSnapshots(stranger, targetId, [
        { recordedAt: new Date().toISOString(), impressions: 1, likes: 1, comments: 1, shares: 1 },
      ]),
    ).toBe(0);
    expect(
      await ingestStatsEvent(stranger, {
        type: "platform_post.insights",
        data: { post_id: "post_seed_acme_1", profile_id: "prof_acme_tiktok" },
      }),
    ).toBe(0);
  });

  it("ranks the range's posts by their latest snapshot and buckets best times", async () => {
    const top = await stats.listTopPosts(owner, {
      from: new Date(Date.now() - 30 * 86400_000),
      to: new Date(),
    });
    expect(top).toHaveLength(1);
    const series = await stats.getPostSeries(owner, postId);
    expect(top[0].impressions).toBe(series[0].points.at(-1)!.impressions);
    const cells = await stats.getBestTimes(owner, "America/New_York");
    expect(cells).toHaveLength(1);
    expect(cells[0].posts).toBe(1);
  });

  it("reads one workspace's stats once at a time (a per-workspace claim), others unaffected", async () => {
    const { takeJobLease, releaseJobLease } = await import("@/lib/data/job-leases");
    const ws = await makeOwner(t.db, "Claimed");
    await saveApiKey(ws, sandbox.handle.apiKey);
    await refreshProfileMirror(ws, { force: true });
    await addPublished(ws, "post_seed_acme_2", 1);
    // Two requests at once: one reads, the other is told another read is running.
    statsCalls.length = 0;
    const both = await Promise.all([
      syncStats(ws, { force: true }),
      syncStats(ws, { force: true }),
    ]);
    expect(both.filter((r) => r.busy)).toHaveLength(1);
    expect(both.find((r) => !r.busy)).toMatchObject({ targets: 1 });
    expect(statsCalls).toEqual([1]);
    // Another server holds the claim: nothing is read; another workspace still reads.
    const name = `stats:${ws.workspaceId}`;
    expect(await takeJobLease(t.db, { name, holder: "other", ms: 60_000, now: new Date() })).toBe(
      true,
    );
    statsCalls.length = 0;
    expect(await syncStats(ws, { force: true })).toMatchObject({ busy: true, snapshots: 0 });
    expect(statsCalls).toEqual([]);
    expect((await syncStats(owner, { force: true })).busy).toBeUndefined();
    await releaseJobLease(t.db, { name, holder: "other" });
    expect((await syncStats(ws, { force: true })).busy).toBeUndefined();
    expect(statsCalls.length).toBeGreaterThan(0);
  });
});

describe("each target's latest snapshot, kept as snapshots arrive", () => {
  it("ranks by the chosen column from the latest snapshot, whatever order snapshots come in", async () => {
    const ws = await makeOwner(t.db, "Ranker");
    const a = await addPublished(ws, "post_rank_a", 10);
    const b = await addPublished(ws, "post_rank_b", 9);
    const day = 86400_000;
    const at = (daysAgo: number, after: number) =>
      new Date(Date.now() - daysAgo * day + after * day).toISOString();
    const snap = (recordedAt: string, impressions: number, likes: number, other = 0) => [
      { recordedAt, impressions, likes, comments: other, shares: other },
    ];
    await stats.insertPostSnapshots(ws, a.targetId, snap(at(10, 2), 1000, 10));
    await stats.insertPostSnapshots(ws, b.targetId, snap(at(9, 1), 100, 50, 1));
    // An older snapshot arriving later leaves the latest alone.
    await stats.insertPostSnapshots(ws, a.targetId, snap(at(10, 1), 500, 5));
    // One 8 days after publishing is the latest, but not the heatmap's 7-day engagement.
    await stats.insertPostSnapshots(ws, a.targetId, snap(at(10, 8), 2000, 20));
    const range = { from: new Date(Date.now() - 30 * day), to: new Date() };
    const top = await stats.listTopPosts(ws, range);
    expect(top.map((r) => [r.targetId, r.impressions, r.likes])).toEqual([
      [a.targetId, 2000, 20],
      [b.targetId, 100, 50],
    ]);
    for (const sort of ["likes", "engagement"] as const)
      expect((await stats.listTopPosts(ws, { ...range, sort })).map((r) => r.targetId)).toEqual([
        b.targetId,
        a.targetId,
      ]);
    // Pages of the table are slices of the SQL ranking; the CSV's (no limit) is all of it.
    const pages = [0, 1, 2].map((offset) =>
      stats.listTopPosts(ws, { ...range, sort: "likes", limit: 1, offset }),
    );
    expect((await Promise.all(pages)).map((p) => p.map((r) => r.targetId))).toEqual([
      [b.targetId],
      [a.targetId],
      [],
    ]);
    expect(await stats.listTopPosts(ws, { ...range, limit: null })).toHaveLength(2);
    const cells = await stats.getBestTimes(ws, "UTC");
    expect(cells.reduce((sum, c) => sum + c.posts, 0)).toBe(2);
    expect(cells.reduce((sum, c) => sum + c.engagement * c.posts, 0)).toBe(10 + 52);
  });
});
