import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../sandbox/server";
import { createPostproxyClient, type PostproxyClient } from "./client";
import { toAppError } from "./errors";
import type { Post, Profile } from "./schemas";
import {
  mediaFixture,
  startMediaServer,
  startWebhookReceiver,
} from "./test-support/fixture-servers";
import { parseWebhookEvent, verifyWebhookSignature, webhookSignatureHeader } from "./webhooks";
import { failure } from "./test-support/failure";

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
type Closable = { url: string; close(): Promise<void> };

let sandbox: Sandbox;
let media: Closable;
let client: PostproxyClient;
let tiktok: Profile;

async function admin(path: string, body?: unknown) {
  const response = await fetch(`${sandbox.url}/__sandbox/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`/__sandbox/${path} answered ${response.status}`);
  return (await response.json()) as { now: string; counts: { posts: number } };
}

const videoPost = (body: string) => ({
  body,
  profiles: [tiktok.id],
  media: [`${media.url}/video-valid-720x1280.mp4`],
  platforms: { tiktok: { privacy_status: "SELF_ONLY" as const } },
});

/** Moves the sandbox clock forward until the post's TikTok result settles. */
async function publishedPost(id: string): Promise<Post> {
  for (let step = 0; step < 60; step++) {
    const post = await client.posts.get(id);
    const status = post.platforms[0]?.status;
    if (status === "published" || status === "failed") return post;
    await admin("clock/advance", { seconds: 30 });
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Post ${id} did not settle`);
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: true, allowHttpWebhooks: true });
  media = await startMediaServer();
  client = createPostproxyClient({
    baseUrl: sandbox.url,
    apiKey: sandbox.apiKey,
    timeoutMs: 10_000,
  });
  // Every test gets the profile here, not from another test, so each runs alone or in any order.
  const profiles = await client.profiles.list();
  tiktok = profiles.data.find((p) => p.platform === "tiktok" && p.status === "active")!;
});

afterAll(async () => {
  await media?.close();
  await sandbox?.close();
});

describe("Postdeck's client against the sandbox", () => {
  it("lists profile groups and profiles", async () => {
    const groups = await client.profileGroups.list();
    expect(groups.data.length).toBeGreaterThanOrEqual(2);
    const profiles = await client.profiles.list({ profileGroupId: groups.data[0].id });
    const active = profiles.data.find((p) => p.platform === "tiktok" && p.status === "active");
    expect(active).toBeDefined();
    expect(await client.profiles.get(active!.id)).toMatchObject({
      id: active!.id,
      platform: "tiktok",
    });
  });

  it("creates a post from a media URL", async () => {
    const url = `${media.url}/video-valid-720x1280.mp4`;
    const post = await client.posts.create({
      body: "From a URL #postdeck",
      profiles: [tiktok.id],
      media: [url],
      platforms: { tiktok: { privacy_status: "SELF_ONLY", disable_duet: true } },
    });
    expect(post.media).toHaveLength(1);
    expect(post.media[0].source_url).toBe(url);
    expect(post.platforms[0]).toMatchObject({ platform: "tiktok" });
  });

  it("creates a post from a local file with a streamed multipart body", async () => {
    const post = await client.posts.createMultipart({
      body: "From a file",
      profiles: ["tiktok"],
      media: [
        {
          path: mediaFixture("video-valid-720x1280.mp4"),
          filename: "video-valid-720x1280.mp4",
          contentType: "video/mp4",
        },
      ],
      platforms: { tiktok: { privacy_status: "SELF_ONLY", made_with_ai: false } },
    });
    expect(post.media).toHaveLength(1);
    expect(post.media[0].content_type).toBe("video/mp4");
    expect((await publishedPost(post.id)).platforms[0].status).toBe("published");
  });

  it("publishes a draft until TikTok reports it published", async () => {
    const draft = await client.posts.create({ ...videoPost("Draft first"), draft: true });
    expect(draft.status).toBe("draft");
    const publishing = await client.posts.publish(draft.id);
    expect(publishing.status).not.toBe("draft");
    const published = await publishedPost(draft.id);
    expect(published.platforms[0].status).toBe("published");
  });

  it("pages through posts", async () => {
    for (const n of [1, 2, 3])
      await client.posts.create({ ...videoPost(`Page ${n}`), draft: true });
    const first = await client.posts.list({ page: 0, perPage: 2 });
    const second = await client.posts.list({ page: 1, perPage: 2 });
    expect(first).toMatchObject({ page: 0, per_page: 2 });
    expect(first.total).toBeGreaterThanOrEqual(3);
    expect(first.data).toHaveLength(2);
    const ids = new Set(first.data.map((p) => p.id));
    expect(second.data.some((p) => ids.has(p.id))).toBe(false);
    const draft = await client.posts.create({ ...videoPost("Filter me"), draft: true });
    const drafts = await client.posts.list({ status: "draft", platforms: ["tiktok", "instagram"] });
    expect(drafts.data.map((p) => p.id)).toContain(draft.id);
    expect(drafts.data.every((p) => p.status === "draft")).toBe(true);
  });

  it("reads post stats", async () => {
    const posts = await client.posts.list({ perPage: 50 });
    const ids = posts.data.map((p) => p.id);
    const stats = await client.posts.stats({ postIds: ids });
    const withRecords = Object.values(stats.data).filter((s) =>
      s.platforms.some((p) => p.records.length > 0),
    );
    expect(withRecords.length).toBeGreaterThan(0);
  });

  it.each(["object", "flat"] as const)(
    "delivers signed webhooks in the %s envelope",
    async (webhookEnvelope) => {
      await admin("settings", { webhookEnvelope });
      const receiver = await startWebhookReceiver();
      try {
        const webhook = await client.webhooks.create({ url: receiver.url, events: ["*"] });
        expect(webhook.secret).toMatch(/^whsec_/);
        const post = await client.posts.create(videoPost(`Webhook (${webhookEnvelope})`));
        await publishedPost(post.id);
        const delivery = await receiver.waitFor((d) =>
          d.rawBody.includes(`"post_id":"${post.id}"`),
        );
        const header = String(delivery.headers[webhookSignatureHeader]);
        // Signed with the real time although publishedPost() moved the sandbox clock forward,
        // so the receiver's own clock (the default) accepts it within the 5-minute tolerance.
        expect(verifyWebhookSignature(delivery.rawBody, header, webhook.secret!)).toEqual({
          ok: true,
          timestamp: expect.any(Number),
        });
        expect(verifyWebhookSignature(delivery.rawBody, header, "whsec_wrong").ok).toBe(false);
        const event = parseWebhookEvent(JSON.parse(delivery.rawBody));
        expect(event.type).toBe(delivery.headers["x-postproxy-event"]);
        if (event.type !== "platform_post.published") throw new Error(`Got ${event.type}`);
        expect(event.data).toMatchObject({ post_id: post.id, platform: "tiktok" });
        const deliveries = await client.webhooks.deliveries(webhook.id);
        expect(deliveries.data.some((d) => d.success && d.event_id === event.id)).toBe(true);
        await client.webhooks.delete(webhook.id);
      } finally {
        await receiver.close();
      }
    },
  );

  it("retries lost answers under the same key without posting twice", async () => {
    const before = (await admin("state")).counts.posts;
    await admin("faults", { failNext: { count: 1, status: 503, afterHandling: true } });
    const afterFailure = await client.posts.create(videoPost("Lost 503"));
    await admin("faults", { hangNext: { count: 1, afterHandling: true } });
    const quick = createPostproxyClient({
      baseUrl: sandbox.url,
      apiKey: sandbox.apiKey,
      timeoutMs: 300,
      retry: { baseDelayMs: 10 },
    });
    const afterHang = await quick.posts.create(videoPost("Lost answer"));
    await admin("faults", { rateLimitNext: { count: 1, retryAfter: 1 } });
    const started = Date.now();
    await client.posts.create(videoPost("Rate limited"));
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect((await admin("state")).counts.posts).toBe(before + 3);
    expect(afterFailure.id).not.toBe(afterHang.id);
  });

  it("maps 401, 404 and 422 to the right kinds", async () => {
    const wrongKey = createPostproxyClient({ baseUrl: sandbox.url, apiKey: "pp_wrong_key" });
    const unauthorized = await failure(wrongKey.profiles.list());
    expect(unauthorized.kind).toBe("unauthorized");
    expect(JSON.stringify(unauthorized)).not.toContain("pp_wrong_key");

    const missing = await failure(client.posts.get("post_does_not_exist"));
    expect(missing.kind).toBe("not_found");
    expect(toAppError(missing).code).toBe("not_found");

    const invalid = await failure(
      client.posts.create({ body: "No media", profiles: [tiktok.id], platforms: { tiktok: {} } }),
    );
    expect(invalid.kind).toBe("validation");
    expect(invalid.messages.length).toBeGreaterThan(0);
    expect(toAppError(invalid)).toMatchObject({
      code: "invalid_input",
      message: invalid.messages.join("; "),
    });
  });
});
