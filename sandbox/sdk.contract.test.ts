import {
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PostProxy,
  ValidationError,
  verifySignature,
  type Post,
} from "postproxy-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, TestSandbox, waitFor } from "./test-support/harness";
import { startFileServer, startReceiver } from "./test-support/servers";

// The official SDK, unchanged but for baseUrl, against a sandbox at 200× speed.
let sb: TestSandbox;
let files: Awaited<ReturnType<typeof startFileServer>>;
let client: PostProxy;

beforeAll(async () => {
  files = await startFileServer();
  sb = await TestSandbox.start({ timeScale: 200 });
  client = new PostProxy(sb.handle.apiKey, { baseUrl: sb.url });
});
afterAll(async () => {
  await sb.close();
  await files.close();
});

async function untilPublished(id: string): Promise<Post> {
  return waitFor(
    async () => {
      const post = await client.posts.get(id);
      return post.platforms.every((p) => p.status === "published") ? post : null;
    },
    { timeoutMs: 10_000, what: `post ${id} to publish` },
  );
}

describe("postproxy-sdk against the sandbox", () => {
  it("lists profile groups and profiles", async () => {
    const groups = await client.profileGroups.list();
    expect(groups.data.map((g) => g.name)).toEqual(["Acme Coffee", "Northwind Outdoors"]);
    const profiles = await client.profiles.list({ profileGroupId: "grp_acme" });
    expect(profiles.data.map((p) => p.platform).sort()).toEqual(["instagram", "tiktok"]);
    const profile = await client.profiles.get("prof_acme_tiktok");
    expect(profile).toMatchObject({ status: "active", profile_group_id: "grp_acme" });
    const placements = await client.profiles.placements("prof_acme_tiktok");
    expect(placements.data).toEqual([]);
  });

  it("creates a JSON post with a media URL and sees it published", async () => {
    const post = await client.posts.create("SDK JSON post", ["tiktok"], {
      media: [files.media("video-valid-720x1280.mp4")],
      platforms: { tiktok: { privacy_status: "SELF_ONLY", disable_comment: true } },
    });
    expect(post.status).toBe("pending");
    const done = await untilPublished(post.id);
    expect(done.status).toBe("processed");
    expect(done.platforms[0]?.params).toEqual({
      privacy_status: "SELF_ONLY",
      disable_comment: true,
    });
  });

  it("creates a multipart post from a local file", async () => {
    const post = await client.posts.create("SDK upload", ["prof_acme_tiktok"], {
      mediaFiles: [fixture("photo-1-720x900.jpg"), fixture("photo-animated-160x200.gif")],
      platforms: { tiktok: { format: "image", photo_cover_index: 1, auto_add_music: true } },
    });
    expect(post.media).toHaveLength(2);
    expect(post.platforms[0]?.params).toEqual({
      format: "image",
      photo_cover_index: 1,
      auto_add_music: true,
    });
    const done = await untilPublished(post.id);
    expect(done.media.map((m) => m.content_type)).toEqual(["image/jpeg", "image/gif"]);
  });

  it("creates a draft and publishes it with publishDraft", async () => {
    const draft = await client.posts.create("SDK draft", ["tiktok"], {
      media: [files.media("video-valid-720x1280.webm")],
      draft: true,
    });
    expect(draft.status).toBe("draft");
    const published = await client.posts.publishDraft(draft.id);
    expect(published.status).toBe("pending");
    await untilPublished(draft.id);
  });

  it("paginates the post list", async () => {
    const first = await client.posts.list({ page: 0, perPage: 2 });
    const second = await client.posts.list({ page: 1, perPage: 2 });
    expect(first).toMatchObject({ page: 0, per_page: 2 });
    expect(first.data).toHaveLength(2);
    expect(second.total).toBe(first.total);
    expect(second.data[0]?.id).not.toBe(first.data[0]?.id);
    const tiktok = await client.posts.list({ platforms: ["tiktok"], status: "draft" });
    expect(tiktok.data.every((p) => p.status === "draft")).toBe(true);
  });

  it("reads post stats once the post has a public id", async () => {
    const post = await client.posts.create("SDK stats", ["tiktok"], {
      media: [files.media("video-valid-720x1280.mp4")],
    });
    const stats = await waitFor(async () => {
      const res = await client.posts.stats([post.id, "post_seed_acme_1"], { profiles: ["tiktok"] });
      return (res.data[post.id]?.platforms[0]?.records.length ?? 0) > 0 ? res : null;
    });
    expect(stats.data[post.id]?.platforms[0]?.records[0]?.stats).toHaveProperty("impressions");
    expect(stats.data.post_seed_acme_1?.platforms[0]?.records.length).toBeGreaterThan(5);
  });

  it("delivers a webhook the SDK's verifySignature accepts", async () => {
    const receiver = await startReceiver();
    try {
      const webhook = await client.webhooks.create(receiver.url, ["platform_post.published"], {
        description: "sdk",
      });
      expect(webhook.secret).toMatch(/^whsec_/);
      await client.posts.create("SDK hooked", ["tiktok"], {
        media: [files.media("video-valid-720x1280.mp4")],
      });
      const delivery = await waitFor(() => receiver.received[0]);
      const header = String(delivery.headers["x-postproxy-signature"]);
      expect(verifySignature(delivery.body, header, webhook.secret as string)).toBe(true);
      expect(verifySignature(`${delivery.body} `, header, webhook.secret as string)).toBe(false);
      const deliveries = await client.webhooks.deliveries(webhook.id);
      expect(deliveries.data[0]).toMatchObject({ success: true, attempt_number: 1 });
      await client.webhooks.delete(webhook.id);
    } finally {
      await receiver.close();
    }
  });

  it("starts a TikTok connection", async () => {
    const res = await client.profileGroups.initializeConnection(
      "grp_acme",
      "tiktok",
      "https://app.test/cb",
    );
    expect(res.success).toBe(true);
    expect(res.url).toContain("/__sandbox/connect/");
  });

  it("surfaces 401, 404, 422 and 400 as the SDK's error classes", async () => {
    const wrongKey = new PostProxy("pp_wrong", { baseUrl: sb.url });
    await expect(wrongKey.profiles.list()).rejects.toBeInstanceOf(AuthenticationError);
    await expect(wrongKey.profiles.list()).rejects.toThrow("Invalid API key");
    await expect(client.posts.get("post_missing")).rejects.toBeInstanceOf(NotFoundError);
    const invalid = client.posts.create("no media", ["tiktok"]);
    await expect(invalid).rejects.toBeInstanceOf(ValidationError);
    await invalid.catch((error: ValidationError) => {
      expect(error.statusCode).toBe(422);
      expect(error.response?.errors).toContain("Media is required for tiktok");
    });
    const ids = Array.from({ length: 51 }, (_, i) => `p${i}`);
    await expect(client.posts.stats(ids)).rejects.toBeInstanceOf(BadRequestError);
  });
});
