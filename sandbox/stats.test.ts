import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TestSandbox, type Loose } from "./test-support/harness";

let sb: TestSandbox;
beforeAll(async () => {
  sb = await TestSandbox.start();
});
afterAll(() => sb.close());

const DAY = 86_400_000;
const TIKTOK_FIELDS = ["follower_count", "following_count", "likes_count", "video_count"];

describe("profile stats", () => {
  it("has ~90 days of snapshots about 23 h apart, ascending, with the four TikTok fields", async () => {
    const res = await sb.get("/api/profiles/prof_acme_tiktok/stats");
    const { data } = res.body;
    expect(data).toMatchObject({
      profile_id: "prof_acme_tiktok",
      platform: "tiktok",
      placement_id: null,
    });
    const records: Loose[] = data.records;
    expect(records.length).toBeGreaterThanOrEqual(93);
    expect(records.length).toBeLessThanOrEqual(95);
    const times = records.map((r) => Date.parse(r.recorded_at));
    expect(Date.now() - times[0]!).toBeGreaterThan(89 * DAY);
    for (let i = 1; i < times.length; i++) {
      const gapHours = (times[i]! - times[i - 1]!) / 3_600_000;
      expect(gapHours).toBeGreaterThan(22.5);
      expect(gapHours).toBeLessThan(23.5);
    }
    for (const record of records)
      expect(Object.keys(record.stats).sort()).toEqual([...TIKTOK_FIELDS].sort());
    expect(records.at(-1).stats.likes_count).toBeGreaterThan(records[0].stats.likes_count);
    expect(records.at(-1).raw_stats).toEqual(records.at(-1).stats);
  });

  it("filters with from/to (inclusive) and ignores placement_id for TikTok", async () => {
    const all: Loose[] = (await sb.get("/api/profiles/prof_acme_tiktok/stats")).body.data.records;
    const from = all[10].recorded_at;
    const to = all[20].recorded_at;
    const res = await sb.get("/api/profiles/prof_acme_tiktok/stats", {
      query: { from, to, placement_id: "x" },
    });
    expect(res.body.data.records).toEqual(all.slice(10, 21));
    expect(res.body.data.placement_id).toBeNull();
    expect(
      (await sb.get("/api/profiles/prof_acme_tiktok/stats", { query: { from: "yesterday" } }))
        .status,
    ).toBe(400);
  });

  it("stops at the expiry of an expired profile", async () => {
    const res = await sb.get("/api/profiles/prof_northwind_tiktok_old/stats", {
      query: { profile_group_id: "grp_northwind" },
    });
    const last = Date.parse(res.body.data.records.at(-1).recorded_at);
    expect(Date.now() - last).toBeGreaterThan(11 * DAY);
  });

  it("gives Instagram its own field names", async () => {
    const res = await sb.get("/api/profiles/prof_acme_instagram/stats");
    expect(Object.keys(res.body.data.records[0].stats).sort()).toEqual([
      "followers_count",
      "follows_count",
      "media_count",
    ]);
  });

  it("is deterministic across sandboxes and never uses Math.random", async () => {
    const random = vi.spyOn(Math, "random");
    const other = await TestSandbox.start();
    try {
      const a: Loose[] = (await sb.get("/api/profiles/prof_acme_tiktok/stats")).body.data.records;
      const b: Loose[] = (await other.get("/api/profiles/prof_acme_tiktok/stats")).body.data
        .records;
      expect(b.map((r) => r.stats)).toEqual(a.map((r) => r.stats));
      const postA = await sb.get("/api/posts/stats", { query: { post_ids: "post_seed_acme_1" } });
      const postB = await other.get("/api/posts/stats", {
        query: { post_ids: "post_seed_acme_1" },
      });
      const statsOf = (r: Loose) =>
        r.body.data.post_seed_acme_1.platforms[0].records.map((x: Loose) => x.stats);
      expect(statsOf(postB)).toEqual(statsOf(postA));
      expect(random).not.toHaveBeenCalled();
    } finally {
      random.mockRestore();
      await other.close();
    }
  });

  it("adds the sandbox's published posts to video_count", async () => {
    const before: Loose[] = (await sb.get("/api/profiles/prof_acme_tiktok/stats")).body.data
      .records;
    const lastBefore = before.at(-1).stats.video_count;
    await sb.post("/api/posts", {
      post: { body: "count me" },
      profiles: ["tiktok"],
      media: [`${sb.url}/__sandbox/media/med_seed_acme_1_0`],
    });
    await sb.advance(26 * 3600);
    const after: Loose[] = (await sb.get("/api/profiles/prof_acme_tiktok/stats")).body.data.records;
    const grown = after.at(-1).stats.video_count - lastBefore;
    expect(grown).toBeGreaterThanOrEqual(1);
  });
});

describe("post stats", () => {
  it("returns the documented shape with ascending TikTok records", async () => {
    const res = await sb.get("/api/posts/stats", {
      query: { post_ids: "post_seed_acme_1,post_seed_acme_2" },
    });
    const post = res.body.data.post_seed_acme_1;
    expect(post.platforms).toHaveLength(1);
    expect(post.platforms[0]).toMatchObject({ profile_id: "prof_acme_tiktok", platform: "tiktok" });
    const records: Loose[] = post.platforms[0].records;
    expect(records.length).toBeGreaterThan(10);
    expect(Object.keys(records[0].stats).sort()).toEqual([
      "comments",
      "impressions",
      "likes",
      "shares",
    ]);
    expect(Object.keys(records[0].raw_stats).sort()).toEqual([
      "comment_count",
      "like_count",
      "share_count",
      "view_count",
    ]);
    for (let i = 1; i < records.length; i++) {
      expect(Date.parse(records[i].recorded_at)).toBeGreaterThan(
        Date.parse(records[i - 1].recorded_at),
      );
      expect(records[i].stats.impressions).toBeGreaterThanOrEqual(records[i - 1].stats.impressions);
    }
    expect(res.body.data.post_seed_acme_2).toBeDefined();
  });

  it("filters by profiles (ids or network names) and by time", async () => {
    const both = await sb.get("/api/posts/stats", { query: { post_ids: "post_seed_acme_3" } });
    expect(both.body.data.post_seed_acme_3.platforms.map((p: Loose) => p.platform).sort()).toEqual([
      "instagram",
      "tiktok",
    ]);
    const byName = await sb.get("/api/posts/stats", {
      query: { post_ids: "post_seed_acme_3", profiles: "tiktok" },
    });
    expect(byName.body.data.post_seed_acme_3.platforms.map((p: Loose) => p.platform)).toEqual([
      "tiktok",
    ]);
    const byId = await sb.get("/api/posts/stats", {
      query: { post_ids: "post_seed_acme_3", profiles: "prof_acme_instagram" },
    });
    expect(byId.body.data.post_seed_acme_3.platforms.map((p: Loose) => p.platform)).toEqual([
      "instagram",
    ]);
    const recent = await sb.get("/api/posts/stats", {
      query: {
        post_ids: "post_seed_acme_1",
        from: new Date((await sb.now()) - 2 * DAY).toISOString(),
      },
    });
    expect(recent.body.data.post_seed_acme_1.platforms[0].records.length).toBeLessThanOrEqual(3);
  });

  it("has no records before publishing, leaves out unknown posts", async () => {
    const res = await sb.get("/api/posts/stats", {
      query: { post_ids: "post_seed_acme_4,post_nope" },
    });
    expect(res.body.data).toEqual({
      post_seed_acme_4: {
        platforms: [{ profile_id: "prof_acme_tiktok", platform: "tiktok", records: [] }],
      },
    });
  });

  it("requires post_ids and caps them at 50", async () => {
    const missing = await sb.get("/api/posts/stats");
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/post_ids/);
    const ids = Array.from({ length: 51 }, (_, i) => `post_${i}`).join(",");
    expect((await sb.get("/api/posts/stats", { query: { post_ids: ids } })).status).toBe(400);
    const fifty = Array.from({ length: 50 }, (_, i) => `post_${i}`).join(",");
    expect((await sb.get("/api/posts/stats", { query: { post_ids: fifty } })).status).toBe(200);
  });
});
