import { describe, expect, it } from "vitest";
import { TestSandbox, waitFor, type Loose } from "./test-support/harness";
import { setUpSandboxWithFiles } from "./test-support/servers";

const env = setUpSandboxWithFiles();

const video = () => env.files.media("video-valid-720x1280.mp4");
const getPost = async (id: string): Promise<Loose> => (await env.sb.get(`/api/posts/${id}`)).body;
const inMinutes = (m: number) => env.sb.inMinutes(m);

async function create(
  post: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Promise<Loose> {
  const res = await env.sb.post("/api/posts", {
    post: { body: "lifecycle", ...post },
    profiles: ["tiktok"],
    media: [video()],
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe("immediate publish with clock advance", () => {
  it("walks pending → scheduled → processing → processed, then published with a public id", async () => {
    const created = await create({});
    expect(created).toMatchObject({ status: "pending", draft: false, scheduled_at: null });
    expect(created.platforms[0]).toMatchObject({
      platform: "tiktok",
      profile_id: "prof_acme_tiktok",
      status: "pending",
      attempted_at: null,
      platform_id: null,
      insights: null,
    });

    await env.sb.advance(30); // video media processing: 30 s
    let post = await getPost(created.id);
    expect(post.media[0].status).toBe("processed");
    expect(["scheduled", "processing"]).toContain(post.status);

    await env.sb.advance(1); // processing → processed
    post = await getPost(created.id);
    expect(post.status).toBe("processed");
    expect(post.platforms[0].status).toBe("processing");
    expect(post.platforms[0].attempted_at).not.toBeNull();

    await env.sb.advance(40); // TikTok accepts the upload
    post = await getPost(created.id);
    expect(post.platforms[0]).toMatchObject({
      status: "published",
      error: null,
      platform_id: null,
    });
    const stats = await env.sb.get("/api/posts/stats", { query: { post_ids: created.id } });
    expect(stats.body.data[created.id].platforms[0].records).toEqual([]);

    await env.sb.advance(60); // public id arrives
    post = await getPost(created.id);
    expect(post.platforms[0].platform_id).toMatch(/^7\d{18}$/);
    expect(post.platforms[0].url).toContain(post.platforms[0].platform_id);
    expect(post.platforms[0].insights).toMatchObject({ impressions: expect.any(Number) });
    const after = await env.sb.get("/api/posts/stats", { query: { post_ids: created.id } });
    expect(after.body.data[created.id].platforms[0].records).toHaveLength(1);
  });

  it("keeps a future post scheduled until its time", async () => {
    const created = await create({ scheduled_at: await inMinutes(120) });
    await env.sb.advance(60);
    expect((await getPost(created.id)).status).toBe("scheduled");
    await env.sb.advance(2 * 3600);
    const post = await getPost(created.id);
    expect(post.status).toBe("processed");
    expect(post.platforms[0].status).toBe("published");
  });

  it("fails at publish for an expired profile (accepted at create)", async () => {
    const res = await env.sb.post(
      "/api/posts",
      { post: { body: "old account" }, profiles: ["prof_northwind_tiktok_old"], media: [video()] },
      { query: { profile_group_id: "grp_northwind" } },
    );
    expect(res.status).toBe(200);
    await env.sb.advance(200);
    const post = (
      await env.sb.get(`/api/posts/${res.body.id}`, {
        query: { profile_group_id: "grp_northwind" },
      })
    ).body;
    expect(post.platforms[0].status).toBe("failed");
    expect(post.platforms[0].error_details.platform_error_code).toBe("access_token_invalid");
  });
});

describe("drafts", () => {
  it("stays a draft until published, then runs the lifecycle", async () => {
    const draft = await create({ draft: true });
    expect(draft.status).toBe("draft");
    await env.sb.advance(300);
    expect((await getPost(draft.id)).status).toBe("draft");
    const published = await env.sb.post(`/api/posts/${draft.id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.status).toBe("pending");
    await env.sb.advance(300);
    expect((await getPost(draft.id)).platforms[0].status).toBe("published");
    const again = await env.sb.post(`/api/posts/${draft.id}/publish`);
    expect(again.status).toBe(422);
  });

  it("publishes with real timers at a high time scale", async () => {
    const fast = await TestSandbox.start({ timeScale: 200 });
    try {
      const res = await fast.post("/api/posts", {
        post: { body: "fast" },
        profiles: ["tiktok"],
        media: [video()],
      });
      const post = await waitFor(
        async () => {
          const p = (await fast.get(`/api/posts/${res.body.id}`)).body;
          return p.platforms[0].platform_id ? p : null;
        },
        { timeoutMs: 5_000, what: "a public id" },
      );
      expect(post.platforms[0].status).toBe("published");
    } finally {
      await fast.close();
    }
  });
});

describe("PATCH", () => {
  it("edits drafts: post.* merges, media/profiles replace, platforms replace per network", async () => {
    const draft = await create(
      { draft: true, body: "before" },
      { platforms: { tiktok: { privacy_status: "SELF_ONLY", disable_duet: true } } },
    );
    const res = await env.sb.patch(`/api/posts/${draft.id}`, {
      post: { body: "after" },
      media: [env.files.media("photo-1-720x900.jpg"), env.files.media("photo-2-720x900.jpg")],
      platforms: { tiktok: { format: "image", photo_cover_index: 1 } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ body: "after", status: "draft", draft: true });
    expect(res.body.media).toHaveLength(2);
    expect(res.body.platforms[0].params).toEqual({ format: "image", photo_cover_index: 1 });
    const unchanged = await env.sb.patch(`/api/posts/${draft.id}`, { post: { body: "again" } });
    expect(unchanged.body.media.map((m: Loose) => m.id)).toEqual(
      res.body.media.map((m: Loose) => m.id),
    );
  });

  it("validates the merged post", async () => {
    const draft = await create({ draft: true });
    const res = await env.sb.patch(`/api/posts/${draft.id}`, {
      media: [],
      platforms: { tiktok: { format: "image", disable_duet: true } },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        "Media is required for tiktok",
        "Invalid platform params for tiktok: disable_duet",
      ]),
    );
    expect((await getPost(draft.id)).media).toHaveLength(1);
  });

  it("allows scheduled posts more than 5 minutes out, refuses closer ones", async () => {
    const far = await create({ scheduled_at: await inMinutes(60) });
    await env.sb.advance(35);
    expect((await getPost(far.id)).status).toBe("scheduled");
    const moved = await env.sb.patch(`/api/posts/${far.id}`, {
      post: { scheduled_at: await inMinutes(90) },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.status).toBe("scheduled");

    const near = await create({ scheduled_at: await inMinutes(6) });
    await env.sb.advance(90);
    const res = await env.sb.patch(`/api/posts/${near.id}`, { post: { body: "too late" } });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ errors: ["Post cannot be edited"] });
  });

  it("refuses to edit a published post", async () => {
    const post = await create({});
    await env.sb.advance(300);
    const res = await env.sb.patch(`/api/posts/${post.id}`, { post: { body: "edit" } });
    expect(res.body).toEqual({ errors: ["Post cannot be edited"] });
  });

  it("schedules a draft that gets a scheduled_at (lifecycle docs)", async () => {
    const draft = await create({ draft: true });
    const res = await env.sb.patch(`/api/posts/${draft.id}`, {
      post: { scheduled_at: await inMinutes(300) },
    });
    expect(res.body.status).toBe("pending");
    await env.sb.advance(60);
    expect((await getPost(draft.id)).status).toBe("scheduled");
  });
});

describe("DELETE", () => {
  it("removes the record", async () => {
    const post = await create({ draft: true });
    expect((await env.sb.delete(`/api/posts/${post.id}`)).body).toEqual({ deleted: true });
    expect((await env.sb.get(`/api/posts/${post.id}`)).status).toBe(404);
  });

  it("refuses delete_on_platform for TikTok (422) and keeps the post", async () => {
    const post = await create({});
    await env.sb.advance(300);
    const res = await env.sb.delete(`/api/posts/${post.id}`, {
      query: { delete_on_platform: "true" },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual(["Deleting on the platform is not supported for tiktok"]);
    expect((await env.sb.get(`/api/posts/${post.id}`)).status).toBe(200);
    const explicit = await env.sb.post(`/api/posts/${post.id}/delete_on_platform`, {});
    expect(explicit.status).toBe(422);
  });
});
