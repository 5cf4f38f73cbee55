import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox, waitFor } from "./test-support/harness";

let sb: TestSandbox;
beforeAll(async () => {
  sb = await TestSandbox.start();
});
afterAll(() => sb.close());

const body = (text: string) => ({
  post: { body: text, draft: true },
  profiles: ["tiktok"],
  media: ["https://cdn.example.test/clip.mp4"],
});
const withKey = (key: string) => ({ headers: { "idempotency-key": key } });
const postCount = async () =>
  (await sb.get("/api/posts", { query: { status: "draft" } })).body.total;

describe("Idempotency-Key", () => {
  it("replays the original status and body after a 2xx, without a second post", async () => {
    const before = await postCount();
    const first = await sb.post("/api/posts", body("once"), withKey("key-replay"));
    const second = await sb.post("/api/posts", body("once"), withKey("key-replay"));
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await postCount()).toBe(before + 1);
  });

  it("treats the same JSON with a different key order as the same request", async () => {
    const first = await sb.post("/api/posts", body("order"), withKey("key-order"));
    const reordered = {
      media: body("order").media,
      profiles: ["tiktok"],
      post: { draft: true, body: "order" },
    };
    const second = await sb.post("/api/posts", reordered, withKey("key-order"));
    expect(second.body.id).toBe(first.body.id);
  });

  it("answers 422 for the same key with a different body", async () => {
    await sb.post("/api/posts", body("a"), withKey("key-diff"));
    const res = await sb.post("/api/posts", body("b"), withKey("key-diff"));
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatch(/Idempotency-Key/);
  });

  it("does not store errors: a retry runs again", async () => {
    const invalid = await sb.post("/api/posts", { ...body("x"), media: [] }, withKey("key-error"));
    expect(invalid.status).toBe(422);
    const fixed = await sb.post("/api/posts", body("x"), withKey("key-error"));
    expect(fixed.status).toBe(200);
  });

  it("answers 409 while the first request is still in flight", async () => {
    // A multipart upload that stays open keeps the first request running.
    const boundary = "----sandbox-boundary";
    const url = new URL("/api/posts", sb.url);
    let status = 0;
    const first = request(url, {
      method: "POST",
      headers: {
        authorization: `Bearer ${sb.handle.apiKey}`,
        "idempotency-key": "key-inflight",
        "content-type": `multipart/form-data; boundary=${boundary}`,
      },
    });
    const done = new Promise<void>((resolve) => {
      first.on("response", (res) => {
        status = res.statusCode ?? 0;
        res.resume();
        res.on("end", resolve);
      });
    });
    const part = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    first.write(
      part("post[body]", "slow") + part("post[draft]", "true") + part("profiles[]", "tiktok"),
    );
    // The sandbox has taken the first request as in flight: a condition, not a sleep.
    await expect
      .poll(
        async () => (await sb.get("/__sandbox/state", { key: null })).body.idempotency_in_flight,
      )
      .toContain("key-inflight");

    const concurrent = await sb.post("/api/posts", body("slow"), withKey("key-inflight"));
    expect(concurrent.status).toBe(409);
    expect(concurrent.body.error).toMatch(/in progress/);

    first.end(part("media[]", "https://cdn.example.test/clip.mp4") + `--${boundary}--\r\n`);
    await done;
    expect(status).toBe(200);
  });

  it("replays a write whose response was lost (5xx after handling)", async () => {
    const before = await postCount();
    await sb.faults({ failNext: { count: 1, status: 502, afterHandling: true } });
    const lost = await sb.post("/api/posts", body("lost"), withKey("key-lost"));
    expect(lost.status).toBe(502);
    expect(await postCount()).toBe(before + 1);
    const retry = await sb.post("/api/posts", body("lost"), withKey("key-lost"));
    expect(retry.status).toBe(200);
    expect(await postCount()).toBe(before + 1);
  });

  it("forgets keys after 24 hours of sandbox time", async () => {
    const first = await sb.post("/api/posts", body("day"), withKey("key-day"));
    await sb.advance(24 * 3600 + 1);
    const later = await sb.post("/api/posts", body("day"), withKey("key-day"));
    expect(later.status).toBe(200);
    expect(later.body.id).not.toBe(first.body.id);
  });

  it("works for multipart bodies despite a new boundary on every try", async () => {
    const form = () => {
      const f = new FormData();
      f.set("post[body]", "multipart once");
      f.set("post[draft]", "true");
      f.append("profiles[]", "tiktok");
      f.append("media[]", new Blob([new Uint8Array([1, 2, 3])], { type: "video/mp4" }), "a.mp4");
      return f;
    };
    const first = await sb.request("POST", "/api/posts", { form: form(), ...withKey("key-form") });
    const second = await sb.request("POST", "/api/posts", { form: form(), ...withKey("key-form") });
    expect(second.body.id).toBe(first.body.id);
    const changed = form();
    changed.set("post[body]", "changed");
    const third = await sb.request("POST", "/api/posts", { form: changed, ...withKey("key-form") });
    expect(third.status).toBe(422);
  });

  it("ignores the key on reads and rejects over-long keys", async () => {
    expect((await sb.get("/api/posts", withKey("read"))).status).toBe(200);
    const res = await sb.post("/api/posts", body("x"), withKey("k".repeat(256)));
    expect(res.status).toBe(400);
    await waitFor(async () => (await sb.get("/__sandbox/state", { key: null })).status === 200);
  });
});
