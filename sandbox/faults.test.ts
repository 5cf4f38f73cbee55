import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox, type Loose } from "./test-support/harness";
import { startFileServer, startReceiver } from "./test-support/servers";

let sb: TestSandbox;
let files: Awaited<ReturnType<typeof startFileServer>>;

beforeAll(async () => {
  files = await startFileServer();
  sb = await TestSandbox.start();
});
afterEach(async () => {
  await sb.request("DELETE", "/__sandbox/faults", { key: null });
});
afterAll(async () => {
  await sb.close();
  await files.close();
});

const ping = () => sb.get("/api/profile_groups");

describe("request faults", () => {
  it("adds latency", async () => {
    await sb.faults({ latencyMs: 150 });
    const started = performance.now();
    expect((await ping()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("fails exactly the next N requests with the chosen 5xx", async () => {
    await sb.faults({ failNext: { count: 2, status: 503 } });
    const statuses = [(await ping()).status, (await ping()).status, (await ping()).status];
    expect(statuses).toEqual([503, 503, 200]);
  });

  it("fails every request at errorRate 1 and none at 0", async () => {
    await sb.faults({ errorRate: 1 });
    const res = await ping();
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: "Internal Server Error" });
    await sb.faults({ errorRate: 0 });
    expect((await ping()).status).toBe(200);
  });

  it("draws errorRate from a seeded stream (same pattern after a reset)", async () => {
    const pattern = async () => {
      await sb.request("DELETE", "/__sandbox/faults", { key: null });
      await sb.faults({ errorRate: 0.5 });
      const out: number[] = [];
      for (let i = 0; i < 12; i++) out.push((await ping()).status);
      return out;
    };
    const first = await pattern();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await pattern()).toEqual(first);
  });

  it("answers 429 with Retry-After for the next N requests", async () => {
    await sb.faults({ rateLimitNext: { count: 1, retryAfter: 7 } });
    const limited = await ping();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(limited.body).toEqual({ error: "Rate limit exceeded" });
    expect((await ping()).status).toBe(200);
  });

  it("enforces a per-minute rate", async () => {
    await sb.faults({ rateLimitPerMinute: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await ping()).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it("hangs the next request without answering, then recovers", async () => {
    await sb.faults({ hangNext: 1 });
    const hung = sb.get("/api/profile_groups", { signal: AbortSignal.timeout(400) });
    await expect(hung).rejects.toThrow();
    expect((await ping()).status).toBe(200);
  });

  it("hangs requests matching a path pattern only", async () => {
    await sb.faults({ hangPaths: ["POST /api/posts*"] });
    expect((await ping()).status).toBe(200);
    const hung = sb.post("/api/posts", {}, { signal: AbortSignal.timeout(300) });
    await expect(hung).rejects.toThrow();
  });

  it("leaves the admin endpoints alone", async () => {
    await sb.faults({ failNext: 5 });
    expect((await sb.get("/__sandbox/state", { key: null })).status).toBe(200);
    expect((await ping()).status).toBe(500);
  });

  it("rejects unknown switches", async () => {
    const res = await sb.post("/__sandbox/faults", { explode: true }, { key: null });
    expect(res.status).toBe(422);
  });
});

describe("unaudited TikTok app", () => {
  async function publishWith(privacy: string): Promise<Loose> {
    const res = await sb.post("/api/posts", {
      post: { body: privacy },
      profiles: ["tiktok"],
      media: [files.media("video-valid-720x1280.mp4")],
      platforms: { tiktok: { privacy_status: privacy } },
    });
    await sb.advance(300);
    return (await sb.get(`/api/posts/${res.body.id}`)).body.platforms[0];
  }

  it("fails public posts at publish with TikTok's error, publishes SELF_ONLY", async () => {
    const set = await sb.post(
      "/__sandbox/profiles/prof_acme_tiktok/unaudited",
      { unaudited: true },
      { key: null },
    );
    expect(set.body).toEqual({ profile_id: "prof_acme_tiktok", unaudited: true });

    const pub = await publishWith("PUBLIC_TO_EVERYONE");
    expect(pub.status).toBe("failed");
    expect(pub.error).toMatch(/unaudited_client_can_only_post_to_private_accounts/);
    expect(pub.error_details).toMatchObject({
      platform_error_code: "unaudited_client_can_only_post_to_private_accounts",
      platform_error_message: expect.stringContaining("integration guidelines"),
    });
    expect((await publishWith("MUTUAL_FOLLOW_FRIENDS")).status).toBe("failed");
    expect((await publishWith("SELF_ONLY")).status).toBe("published");

    await sb.post(
      "/__sandbox/profiles/prof_acme_tiktok/unaudited",
      { unaudited: false },
      { key: null },
    );
    expect((await publishWith("PUBLIC_TO_EVERYONE")).status).toBe("published");
  });

  it("retries a transient publish failure (failed_waiting_for_retry → published)", async () => {
    const receiver = await startReceiver();
    const hook = await sb.post("/api/webhooks", {
      url: receiver.url,
      events: ["platform_post.failed_waiting_for_retry", "platform_post.published"],
    });
    try {
      await sb.faults({ publishFailNext: 1 });
      const res = await sb.post("/api/posts", {
        post: { body: "retry" },
        profiles: ["tiktok"],
        media: [files.media("video-valid-720x1280.mp4")],
      });
      await sb.advance(72);
      const waiting = (await sb.get(`/api/posts/${res.body.id}`)).body.platforms[0];
      expect(waiting.status).toBe("failed_waiting_for_retry");
      expect(waiting.error_details.platform_error_code).toBe("rate_limit_exceeded");
      await sb.advance(120);
      const done = (await sb.get(`/api/posts/${res.body.id}`)).body.platforms[0];
      expect(done.status).toBe("published");
      expect(done.error).toBeNull();
      expect(receiver.events().map((e) => e.type)).toEqual([
        "platform_post.failed_waiting_for_retry",
        "platform_post.published",
      ]);
    } finally {
      await sb.delete(`/api/webhooks/${hook.body.id}`);
      await receiver.close();
    }
  });
});

describe("admin endpoints", () => {
  it("serves an HTML index listing the switches", async () => {
    const res = await sb.get("/__sandbox", { key: null });
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    for (const path of ["/__sandbox/clock/advance", "/__sandbox/faults", "/__sandbox/reset"]) {
      expect(res.body).toContain(path);
    }
  });

  it("advances the clock", async () => {
    const before = await sb.now();
    await sb.advance(3600);
    expect((await sb.now()) - before).toBeGreaterThanOrEqual(3600_000);
    expect((await sb.post("/__sandbox/clock/advance", { seconds: -5 }, { key: null })).status).toBe(
      422,
    );
  });

  it("expires a profile on request", async () => {
    const res = await sb.post(
      "/__sandbox/profiles/prof_northwind_tiktok/expire",
      {},
      { key: null },
    );
    expect(res.body.status).toBe("expired");
  });

  it("resets to the seed: data, clock and faults", async () => {
    await sb.post("/api/profile_groups", { profile_group: { name: "temp" } });
    await sb.faults({ latencyMs: 5 });
    const res = await sb.post("/__sandbox/reset", {}, { key: null });
    expect(res.body.counts.profile_groups).toBe(2);
    expect(res.body.counts.posts).toBe(8);
    expect(res.body.clock_offset_ms).toBe(0);
    expect(res.body.faults.latencyMs).toBe(0);
    const profile = (
      await sb.get("/api/profiles/prof_northwind_tiktok", {
        query: { profile_group_id: "grp_northwind" },
      })
    ).body;
    expect(profile.status).toBe("active");
  });
});
