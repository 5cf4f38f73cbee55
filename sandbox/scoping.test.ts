import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox, type Loose } from "./test-support/harness";
import { startFileServer } from "./test-support/servers";

let sb: TestSandbox;
let files: Awaited<ReturnType<typeof startFileServer>>;

beforeAll(async () => {
  sb = await TestSandbox.start();
  files = await startFileServer();
});
afterAll(async () => {
  await sb.close();
  await files.close();
});

const ids = (list: Loose[]) => list.map((x) => x.id).sort();

describe("profile groups", () => {
  it("lists the seeded groups with profile counts", async () => {
    const res = await sb.get("/api/profile_groups");
    expect(res.body.data).toEqual([
      { id: "grp_acme", name: "Acme Coffee", profiles_count: 2 },
      { id: "grp_northwind", name: "Northwind Outdoors", profiles_count: 2 },
    ]);
  });

  it("creates (201), gets and deletes an empty group", async () => {
    const created = await sb.post("/api/profile_groups", { profile_group: { name: "Client X" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Client X", profiles_count: 0 });
    const got = await sb.get(`/api/profile_groups/${created.body.id}`);
    expect(got.body).toEqual(created.body);
    const deleted = await sb.delete(`/api/profile_groups/${created.body.id}`);
    expect(deleted.body).toEqual({ deleted: true });
    expect((await sb.get(`/api/profile_groups/${created.body.id}`)).status).toBe(404);
  });

  it("validates group creation and refuses to delete a group with profiles", async () => {
    expect((await sb.post("/api/profile_groups", { profile_group: { name: " " } })).status).toBe(
      422,
    );
    expect((await sb.post("/api/profile_groups", { name: "x" })).status).toBe(400);
    const res = await sb.delete("/api/profile_groups/grp_acme");
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatch(/profiles/);
  });
});

describe("profiles and profile_group_id scoping", () => {
  it("lists every group's profiles without profile_group_id (newer docs)", async () => {
    const res = await sb.get("/api/profiles");
    expect(ids(res.body.data)).toEqual([
      "prof_acme_instagram",
      "prof_acme_tiktok",
      "prof_northwind_tiktok",
      "prof_northwind_tiktok_old",
    ]);
    const old = res.body.data.find((p: Loose) => p.id === "prof_northwind_tiktok_old");
    expect(old).toMatchObject({
      status: "expired",
      platform: "tiktok",
      profile_group_id: "grp_northwind",
    });
    expect(Date.parse(old.expires_at)).toBeLessThan(Date.now());
  });

  it("narrows the list with profile_group_id; unknown group → 404", async () => {
    const res = await sb.get("/api/profiles", { query: { profile_group_id: "grp_northwind" } });
    expect(ids(res.body.data)).toEqual(["prof_northwind_tiktok", "prof_northwind_tiktok_old"]);
    expect(
      (await sb.get("/api/profiles", { query: { profile_group_id: "grp_nope" } })).status,
    ).toBe(404);
  });

  it("has the documented profile shape with a sandbox-served avatar", async () => {
    const res = await sb.get("/api/profiles/prof_acme_tiktok");
    expect(res.body).toMatchObject({
      id: "prof_acme_tiktok",
      name: "@acmecoffee",
      status: "active",
      platform: "tiktok",
      profile_group_id: "grp_acme",
      summary_stats: null,
    });
    expect(res.body.post_count).toBeGreaterThan(0);
    expect(res.body.latest_stats[0].stats).toHaveProperty("follower_count");
    const avatar = await fetch(res.body.avatar_url);
    expect(avatar.headers.get("content-type")).toBe("image/svg+xml");
    expect(await avatar.text()).toContain("<svg");
  });

  it("404s for a resource outside the scoped group (first group by default)", async () => {
    expect((await sb.get("/api/profiles/prof_northwind_tiktok")).status).toBe(404);
    const scoped = await sb.get("/api/profiles/prof_northwind_tiktok", {
      query: { profile_group_id: "grp_northwind" },
    });
    expect(scoped.status).toBe(200);
    expect((await sb.get("/api/posts/post_seed_northwind_1")).status).toBe(404);
    const post = await sb.get("/api/posts/post_seed_northwind_1", {
      query: { profile_group_id: "grp_northwind" },
    });
    expect(post.status).toBe(200);
  });

  it("returns empty placements for TikTok", async () => {
    const res = await sb.get("/api/profiles/prof_acme_tiktok/placements");
    expect(res.body).toEqual({ data: [] });
  });

  it("resolves the network name to the group's active profile", async () => {
    const res = await sb.post(
      "/api/posts",
      {
        post: { body: "by name" },
        profiles: ["tiktok"],
        media: [files.media("video-valid-720x1280.mp4")],
      },
      { query: { profile_group_id: "grp_northwind" } },
    );
    expect(res.status).toBe(200);
    expect(res.body.platforms.map((p: Loose) => p.profile_id)).toEqual(["prof_northwind_tiktok"]);
  });

  it("422s for a profile id from another group", async () => {
    const res = await sb.post("/api/posts", {
      post: { body: "wrong group" },
      profiles: ["prof_northwind_tiktok"],
      media: [files.media("video-valid-720x1280.mp4")],
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toContain("Profile not found for prof_northwind_tiktok");
  });

  it("deletes a profile and reports success", async () => {
    const res = await sb.delete("/api/profiles/prof_acme_instagram");
    expect(res.body).toEqual({ success: true });
    expect((await sb.get("/api/profiles/prof_acme_instagram")).status).toBe(404);
  });
});
