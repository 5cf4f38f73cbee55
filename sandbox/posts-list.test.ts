import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox, type Loose } from "./test-support/harness";
import { startFileServer } from "./test-support/servers";

let sb: TestSandbox;
let files: Awaited<ReturnType<typeof startFileServer>>;

beforeAll(async () => {
  sb = await TestSandbox.start();
  files = await startFileServer();
  // 12 more drafts in Acme (4 seeded) → 16 posts in the default group.
  for (let i = 0; i < 12; i++) {
    const res = await sb.post("/api/posts", {
      post: { body: `draft ${i}`, draft: true },
      profiles: ["tiktok"],
      media: [files.media("video-valid-720x1280.mp4")],
    });
    expect(res.status).toBe(200);
  }
});
afterAll(async () => {
  await sb.close();
  await files.close();
});

describe("GET /api/posts pagination", () => {
  it("defaults to page 0 with 10 per page and the total", async () => {
    const res = await sb.get("/api/posts");
    expect(res.body).toMatchObject({ total: 16, page: 0, per_page: 10 });
    expect(res.body.data).toHaveLength(10);
    expect(res.body.data[0].body).toBe("draft 11");
  });

  it("is zero-based and returns the remainder on the last page", async () => {
    const page1 = await sb.get("/api/posts", { query: { page: "1", per_page: "10" } });
    expect(page1.body).toMatchObject({ total: 16, page: 1, per_page: 10 });
    expect(page1.body.data).toHaveLength(6);
    const page0 = await sb.get("/api/posts", { query: { page: "0", per_page: "10" } });
    const seen = new Set([...page0.body.data, ...page1.body.data].map((p: Loose) => p.id));
    expect(seen.size).toBe(16);
    const past = await sb.get("/api/posts", { query: { page: "5" } });
    expect(past.body.data).toEqual([]);
  });

  it("rejects nonsense paging with 400", async () => {
    expect((await sb.get("/api/posts", { query: { page: "-1" } })).status).toBe(400);
    expect((await sb.get("/api/posts", { query: { per_page: "x" } })).status).toBe(400);
  });

  it("lists only parents of the scoped group", async () => {
    const res = await sb.get("/api/posts", { query: { profile_group_id: "grp_northwind" } });
    expect(res.body.total).toBe(4);
  });
});

describe("GET /api/posts filters", () => {
  it("filters by status, including the derived published/failed", async () => {
    const drafts = await sb.get("/api/posts", { query: { status: "draft", per_page: "50" } });
    expect(drafts.body.total).toBe(12);
    const scheduled = await sb.get("/api/posts", { query: { status: "scheduled" } });
    expect(scheduled.body.data.map((p: Loose) => p.id)).toEqual(["post_seed_acme_4"]);
    const published = await sb.get("/api/posts", { query: { status: "published" } });
    expect(published.body.total).toBe(3);
    const failed = await sb.get("/api/posts", {
      query: { status: "failed", profile_group_id: "grp_northwind" },
    });
    expect(failed.body.data.map((p: Loose) => p.id)).toEqual(["post_seed_northwind_3"]);
    expect((await sb.get("/api/posts", { query: { status: "bogus" } })).status).toBe(400);
  });

  it("accepts platforms as a comma list and as platforms[]", async () => {
    const comma = await sb.get("/api/posts", { query: { platforms: "instagram,youtube" } });
    const brackets = await sb.get("/api/posts", {
      query: { "platforms[]": ["instagram", "youtube"] },
    });
    expect(comma.body.total).toBe(1);
    expect(brackets.body.data.map((p: Loose) => p.id)).toEqual(["post_seed_acme_3"]);
    const tiktok = await sb.get("/api/posts", { query: { "platforms[]": "tiktok" } });
    expect(tiktok.body.total).toBe(16);
  });

  it("filters scheduled_after", async () => {
    const res = await sb.get("/api/posts", {
      query: { scheduled_after: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(res.body.data.map((p: Loose) => p.id)).toEqual(["post_seed_acme_4"]);
    expect((await sb.get("/api/posts", { query: { scheduled_after: "soon" } })).status).toBe(400);
  });
});
