import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { TestSandbox, waitFor, type Loose } from "./test-support/harness";
import { setUpSandboxWithFiles, startReceiver } from "./test-support/servers";
import { signatureHeader } from "./webhooks/sign";

const env = setUpSandboxWithFiles();

function verify(header: string, body: string, secret: string): boolean {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=", 2)));
  const expected = createHmac("sha256", secret).update(`${parts.t}.${body}`).digest("hex");
  return parts.v1 === expected;
}

describe("signing", () => {
  it("matches the documented test vector", () => {
    const body = '{"event":"post.published","data":{"id":"post-1"}}';
    expect(signatureHeader("whsec_test123", body, 1234567890)).toBe(
      "t=1234567890,v1=c8e99efbb07ac8e3152c02dd8d83e8ddb803ae8fb001d9e1ab42fb0b1f405ef2",
    );
  });
});

describe("webhook CRUD", () => {
  it("returns a whsec_ secret on create only", async () => {
    const created = await env.sb.post("/api/webhooks", {
      url: "https://hooks.example.test/pp",
      events: ["platform_post.published"],
      description: "prod",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      enabled: true,
      description: "prod",
      events: ["platform_post.published"],
    });
    expect(created.body.secret).toMatch(/^whsec_[0-9a-f]{48}$/);
    const got = await env.sb.get(`/api/webhooks/${created.body.id}`);
    expect(got.body.secret).toBeUndefined();
    const updated = await env.sb.patch(`/api/webhooks/${created.body.id}`, {
      enabled: false,
      events: ["*"],
    });
    expect(updated.body).toMatchObject({ enabled: false, events: ["*"] });
    expect((await env.sb.get("/api/webhooks")).body.data).toHaveLength(1);
    expect((await env.sb.delete(`/api/webhooks/${created.body.id}`)).body).toEqual({
      deleted: true,
    });
    expect((await env.sb.get(`/api/webhooks/${created.body.id}`)).status).toBe(404);
  });

  it("requires https except for localhost, and known events", async () => {
    const http = await env.sb.post("/api/webhooks", {
      url: "http://hooks.example.test/pp",
      events: ["*"],
    });
    expect(http.status).toBe(422);
    expect(http.body.errors).toContain("Url must use HTTPS");
    const local = await env.sb.post("/api/webhooks", {
      url: "http://localhost:9/x",
      events: ["*"],
    });
    expect(local.status).toBe(201);
    await env.sb.delete(`/api/webhooks/${local.body.id}`);
    const unknown = await env.sb.post("/api/webhooks", {
      url: "https://h.test/x",
      events: ["post.exploded"],
    });
    expect(unknown.body.errors).toContain("Unknown event: post.exploded");
    expect(
      (await env.sb.post("/api/webhooks", { url: "https://h.test/x", events: [] })).status,
    ).toBe(422);
  });

  it("allows plain http anywhere when allowHttpWebhooks is on", async () => {
    const lax = await TestSandbox.start({ allowHttpWebhooks: true, seed: false });
    try {
      const res = await lax.post("/api/webhooks", {
        url: "http://app.internal/hooks",
        events: ["*"],
      });
      expect(res.status).toBe(201);
    } finally {
      await lax.close();
    }
  });
});

describe("deliveries", () => {
  it("delivers signed events through the lifecycle, filtered by subscription", async () => {
    const receiver = await startReceiver();
    const hook = await env.sb.post("/api/webhooks", {
      url: receiver.url,
      events: ["post.processed", "platform_post.published", "platform_post.insights"],
    });
    const secret: string = hook.body.secret;
    const post = await env.sb.post("/api/posts", {
      post: { body: "hooked" },
      profiles: ["tiktok"],
      media: [env.files.media("video-valid-720x1280.mp4")],
    });
    await env.sb.advance(200);
    // Seeded posts also report insights meanwhile; look at this post's events.
    const mine = () =>
      receiver.received.filter((r) => {
        const object = (JSON.parse(r.body) as Loose).data.object;
        return object.id === post.body.id || object.post_id === post.body.id;
      });
    await waitFor(() => mine().length >= 3, { what: "three deliveries" });

    const types = mine().map((r) => (JSON.parse(r.body) as Loose).type);
    expect(types).toEqual(["post.processed", "platform_post.published", "platform_post.insights"]);
    expect(receiver.events().every((e) => types.includes(e.type))).toBe(true);
    for (const delivery of receiver.received) {
      expect(delivery.headers["user-agent"]).toBe("Postproxy-Webhooks/1.0");
      expect(delivery.headers["content-type"]).toBe("application/json");
      expect(delivery.headers["x-postproxy-delivery"]).toMatch(/^whdel_/);
      expect(verify(String(delivery.headers["x-postproxy-signature"]), delivery.body, secret)).toBe(
        true,
      );
      expect(
        verify(String(delivery.headers["x-postproxy-signature"]), delivery.body, "whsec_other"),
      ).toBe(false);
    }
    const [processed, published, insights] = mine().map((r) => JSON.parse(r.body) as Loose);
    expect(mine()[1]?.headers["x-postproxy-event"]).toBe("platform_post.published");
    expect(processed).toMatchObject({ object: "event", type: "post.processed" });
    expect(processed.id).toMatch(/^whevt_/);
    expect(processed.data.object).toMatchObject({ id: post.body.id, status: "processed" });
    expect(processed.data.object.platforms[0]).toMatchObject({
      id: "prof_acme_tiktok",
      platform: "tiktok",
    });
    expect(published.data.object).toMatchObject({
      post_id: post.body.id,
      platform: "tiktok",
      profile_id: "prof_acme_tiktok",
      status: "published",
      error: null,
    });
    expect(insights.data.object.insights).toEqual({
      impressions: expect.any(Number),
      likes: expect.any(Number),
      comments: expect.any(Number),
      shares: expect.any(Number),
    });
    expect(insights.data.object.platform_id).toMatch(/^7\d{18}$/);

    const total = receiver.received.length;
    const log = await env.sb.get(`/api/webhooks/${hook.body.id}/deliveries`, {
      query: { per_page: "2" },
    });
    expect(log.body).toMatchObject({ total, page: 0, per_page: 2 });
    expect(log.body.data).toHaveLength(2);
    expect(log.body.data[0]).toMatchObject({
      success: true,
      response_status: 200,
      attempt_number: 1,
    });
    const last = await env.sb.get(`/api/webhooks/${hook.body.id}/deliveries`, {
      query: { per_page: "2", page: String(Math.ceil(total / 2) - 1) },
    });
    expect(last.body.data.at(-1).event_type).toBe("post.processed");
    await env.sb.delete(`/api/webhooks/${hook.body.id}`);
    await receiver.close();
  });

  it("switches to the flat envelope", async () => {
    const flat = await TestSandbox.start({ webhookEnvelope: "flat" });
    const receiver = await startReceiver();
    try {
      await flat.post("/api/webhooks", { url: receiver.url, events: ["profile.disconnected"] });
      await flat.delete("/api/profiles/prof_acme_instagram");
      await waitFor(() => receiver.received.length === 1);
      const event = receiver.events()[0] as Loose;
      expect(event.id).toMatch(/^evt_/);
      expect(event.object).toBeUndefined();
      expect(event.data).toMatchObject({
        id: "prof_acme_instagram",
        status: "disconnected",
        platform: "instagram",
      });
    } finally {
      await flat.close();
      await receiver.close();
    }
  });

  it("signs with the real time even after the clock was advanced", async () => {
    const ahead = await TestSandbox.start();
    const receiver = await startReceiver();
    try {
      await ahead.advance(86_400);
      const hook = await ahead.post("/api/webhooks", {
        url: receiver.url,
        events: ["profile.disconnected"],
      });
      await ahead.delete("/api/profiles/prof_acme_instagram");
      await waitFor(() => receiver.received.length === 1, { what: "one delivery" });
      const [delivery] = receiver.received;
      const header = String(delivery.headers["x-postproxy-signature"]);
      expect(verify(header, delivery.body, hook.body.secret)).toBe(true);
      const signedAt = Number(/t=(\d+)/.exec(header)![1]) * 1000;
      expect(Math.abs(signedAt - Date.now())).toBeLessThan(60_000);
      // The delivery log keeps the sandbox's own (advanced) clock.
      const log = (await ahead.get(`/api/webhooks/${hook.body.id}/deliveries`)).body;
      expect(Date.parse(log.data[0].attempted_at) - Date.now()).toBeGreaterThan(86_000_000);
    } finally {
      await ahead.close();
      await receiver.close();
    }
  });

  it("retries at 1 min, 5 min, 30 min and 2 h, logging every attempt", async () => {
    const retry = await TestSandbox.start({ seed: false });
    const receiver = await startReceiver(500);
    try {
      const hook = await retry.post("/api/webhooks", {
        url: receiver.url,
        events: ["profile.connected"],
      });
      const group = await retry.post("/api/profile_groups", { profile_group: { name: "R" } });
      const init = await retry.post(`/api/profile_groups/${group.body.id}/initialize_connection`, {
        platform: "tiktok",
        redirect_url: "https://app.test/back",
      });
      await fetch(init.body.url, {
        method: "POST",
        body: new URLSearchParams({ decision: "approve" }),
        redirect: "manual",
      });
      await waitFor(() => receiver.received.length === 1, { what: "first attempt" });

      for (const [seconds, attempts] of [
        [59, 1],
        [1, 2],
        [300, 3],
        [1800, 4],
        [7200, 5],
        [86_400, 5],
      ] as const) {
        await retry.advance(seconds);
        expect(receiver.received.length, `after +${seconds}s`).toBe(attempts);
      }
      const log = (await retry.get(`/api/webhooks/${hook.body.id}/deliveries`)).body;
      expect(log.total).toBe(5);
      const attempts = [...log.data].reverse();
      expect(attempts.map((d: Loose) => d.attempt_number)).toEqual([1, 2, 3, 4, 5]);
      expect(attempts.every((d: Loose) => d.success === false && d.response_status === 500)).toBe(
        true,
      );
      const gaps = attempts
        .slice(1)
        .map(
          (d: Loose, i: number) =>
            (Date.parse(d.attempted_at) - Date.parse(attempts[i].attempted_at)) / 1000,
        );
      expect(gaps.map(Math.round)).toEqual([60, 300, 1800, 7200]);
      const eventIds = new Set(receiver.events().map((e) => (e as Loose).id));
      expect(eventIds.size).toBe(1);
    } finally {
      await retry.close();
      await receiver.close();
    }
  });

  it("stops retrying after a success and skips disabled webhooks", async () => {
    const receiver = await startReceiver((n) => (n === 1 ? 503 : 204));
    const hook = await env.sb.post("/api/webhooks", {
      url: receiver.url,
      events: ["profile.stats"],
    });
    await env.sb.advance(23 * 3600);
    await env.sb.advance(2 * 3600);
    const log: Loose[] = (
      await env.sb.get(`/api/webhooks/${hook.body.id}/deliveries`, { query: { per_page: "100" } })
    ).body.data;
    const failed = log.find((d) => !d.success);
    expect(failed).toMatchObject({
      response_status: 503,
      attempt_number: 1,
      event_type: "profile.stats",
    });
    const sameEvent = log.filter((d) => d.event_id === failed.event_id);
    expect(sameEvent.map((d) => [d.attempt_number, d.success])).toEqual([
      [2, true],
      [1, false],
    ]);
    const stats = receiver.events()[0] as Loose;
    expect(stats.data.object).toMatchObject({ platform: expect.any(String), placement_id: null });
    expect(Object.keys(stats.data.object.stats).length).toBeGreaterThan(0);

    await env.sb.patch(`/api/webhooks/${hook.body.id}`, { enabled: false });
    const count = receiver.received.length;
    await env.sb.advance(23 * 3600);
    expect(receiver.received.length).toBe(count);
    await receiver.close();
  });
});
