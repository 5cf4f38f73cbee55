// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createPostproxyClient, type PostproxyClientOptions } from "./client";
import { PostproxyError, toAppError } from "./errors";
import {
  readBody,
  samplePost,
  sendJson,
  startStubServer,
  type StubHandler,
  type StubServer,
} from "./test-support/stub-server";
import { failure } from "./test-support/failure";

const apiKey = "pk_live_SECRET_7f3a9c";
const fastRetry = { baseDelayMs: 5, maxDelayMs: 20, random: () => 0.5 };

let stub: StubServer | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function clientFor(handler: StubHandler, options: Partial<PostproxyClientOptions> = {}) {
  stub = await startStubServer(handler);
  return createPostproxyClient({ baseUrl: stub.url, apiKey, retry: fastRetry, ...options });
}

function expectNoKey(error: PostproxyError) {
  for (const text of [
    error.message,
    String(error.stack),
    JSON.stringify(error),
    inspect(error, { depth: 10, showHidden: false }),
    JSON.stringify(Object.entries(error)),
    toAppError(error).message,
  ]) {
    expect(text).not.toContain(apiKey);
  }
}

describe("request basics", () => {
  it("sends the bearer key, JSON headers and the client's profile group", async () => {
    const client = await clientFor((_req, res) => sendJson(res, 200, { data: [] }), {
      profileGroupId: "grp_1",
    });
    await client.profiles.list();
    const [req] = stub!.requests;
    expect(req.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(req.headers.accept).toBe("application/json");
    expect(req.headers["user-agent"]).toMatch(/^postdeck/);
    expect(req.url.pathname).toBe("/api/profiles");
    expect(req.url.searchParams.get("profile_group_id")).toBe("grp_1");
    expect(req.headers["idempotency-key"]).toBeUndefined();
  });

  it("accepts 201 on create and keeps unknown fields", async () => {
    const client = await clientFor((_req, res) =>
      sendJson(res, 201, { ...samplePost, shiny_new_field: { nested: true } }),
    );
    const post = await client.posts.create({ body: "Hi", profiles: ["tiktok"] });
    expect(post.id).toBe("post_1");
    expect((post as Record<string, unknown>).shiny_new_field).toEqual({ nested: true });
  });

  it("rejects a response missing a required field with a clear error", async () => {
    const { id: _omitted, ...withoutId } = samplePost;
    const client = await clientFor((_req, res) => sendJson(res, 200, withoutId));
    const error = await failure(client.posts.get("post_1"));
    expect(error.kind).toBe("invalid_response");
    expect(error.message).toContain("GET /api/posts/post_1");
    expect(error.message).toMatch(/id: .*expected string/i);
    expect(stub!.requests).toHaveLength(1);
  });
});

describe("timeouts and retries", () => {
  it("times out a call that gets no answer", async () => {
    const client = await clientFor(() => undefined, { timeoutMs: 100, maxRetries: 0 });
    const started = Date.now();
    const error = await failure(client.profiles.list());
    expect(error.kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(toAppError(error)).toMatchObject({
      code: "upstream",
      message: "Postproxy did not answer within 0.1 s. Try again shortly.",
    });
    expectNoKey(error);
  });

  it("retries 5xx with the same Idempotency-Key until it succeeds", async () => {
    const client = await clientFor((_req, res, index) =>
      index < 2 ? sendJson(res, 503, { error: "Unavailable" }) : sendJson(res, 200, samplePost),
    );
    const post = await client.posts.create({ body: "Hi", profiles: ["tiktok"] });
    expect(post.id).toBe("post_1");
    const keys = stub!.requests.map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
  });

  it("uses the caller's Idempotency-Key and a new one per logical call", async () => {
    const client = await clientFor((_req, res) => sendJson(res, 200, samplePost));
    await client.posts.publish("post_1", { idempotencyKey: "compose-42" });
    await client.posts.publish("post_1");
    await client.posts.publish("post_1");
    const keys = stub!.requests.map((r) => r.headers["idempotency-key"]);
    expect(keys[0]).toBe("compose-42");
    expect(keys[1]).not.toBe(keys[2]);
  });

  it("refuses an Idempotency-Key Postproxy would reject, before sending", async () => {
    const client = await clientFor((_req, res) => sendJson(res, 200, samplePost));
    const tooLong = "k".repeat(256);
    await expect(client.posts.publish("p", { idempotencyKey: tooLong })).rejects.toThrow(
      RangeError,
    );
    await expect(client.posts.publish("p", { idempotencyKey: "has space" })).rejects.toThrow(
      RangeError,
    );
    expect(stub!.requests).toHaveLength(0);
  });

  it("retries a dropped connection with the same key", async () => {
    const client = await clientFor((req, res, index) => {
      if (index === 0) req.socket.destroy();
      else sendJson(res, 200, samplePost);
    });
    await client.posts.create({ body: "Hi", profiles: ["tiktok"] });
    const keys = stub!.requests.map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it("honours Retry-After on 429", async () => {
    const client = await clientFor((_req, res, index) =>
      index === 0
        ? sendJson(res, 429, { error: "posting rate limit reached" }, { "Retry-After": "1" })
        : sendJson(res, 200, { data: [] }),
    );
    await client.profileGroups.list();
    expect(stub!.requests).toHaveLength(2);
    const [first, second] = stub!.requests;
    expect(second.at - first.at).toBeGreaterThanOrEqual(950);
  });

  it("gives up at once when Retry-After is beyond the cap", async () => {
    const client = await clientFor((_req, res) =>
      sendJson(res, 429, { error: "posting rate limit reached" }, { "Retry-After": "3600" }),
    );
    const error = await failure(client.profileGroups.list());
    expect(error.kind).toBe("rate_limited");
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(stub!.requests).toHaveLength(1);
    expect(toAppError(error)).toMatchObject({ code: "rate_limited" });
  });

  it("stops after maxRetries and reports the last failure", async () => {
    const client = await clientFor(
      (_req, res) => sendJson(res, 502, { error: "Bad gateway" }, { "x-request-id": "req_9" }),
      { maxRetries: 2 },
    );
    const error = await failure(client.posts.list());
    expect(stub!.requests).toHaveLength(3);
    expect(error).toMatchObject({ kind: "server", status: 502, requestId: "req_9" });
    expect(toAppError(error).code).toBe("upstream");
  });

  it.each([400, 401, 404, 409, 422])("does not retry %i", async (status) => {
    const client = await clientFor((_req, res) => sendJson(res, status, { error: "no" }));
    await failure(client.posts.create({ body: "Hi", profiles: ["tiktok"] }));
    expect(stub!.requests).toHaveLength(1);
  });

  it("retries a 409 that follows its own timed-out attempt", async () => {
    const client = await clientFor(
      (_req, res, index) => {
        if (index === 0) return; // first attempt hangs: Postproxy is still working on it
        if (index === 1) sendJson(res, 409, { error: "Idempotency-Key in flight" });
        else sendJson(res, 200, samplePost);
      },
      { timeoutMs: 150 },
    );
    const post = await client.posts.create({ body: "Hi", profiles: ["tiktok"] });
    expect(post.id).toBe("post_1");
    expect(stub!.requests).toHaveLength(3);
  });

  it("stops retrying when the caller aborts", async () => {
    const controller = new AbortController();
    // The first attempt fails (503, retryable); the caller aborts when the second arrives and
    // that attempt never answers. Nothing is timed: each step waits for the one before.
    const client = await clientFor((_req, res) => {
      if (stub!.requests.length === 1) sendJson(res, 503, {});
      else controller.abort();
    });
    const call = client.profiles.list({ signal: controller.signal });
    await expect(call).rejects.toMatchObject({ name: "AbortError" });
    // The call has settled, so its retry loop has ended: no third attempt can follow.
    expect(stub!.requests).toHaveLength(2);
  });
});

describe("overall deadline", () => {
  it("bounds a hanging Postproxy by the deadline, not by every attempt's timeout", async () => {
    const client = await clientFor(() => undefined, { timeoutMs: 5_000, deadlineMs: 400 });
    const started = Date.now();
    const error = await failure(client.profiles.list());
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(350);
    // Bounded by the deadline: well under one attempt's own timeout (5 s), however busy the machine.
    expect(elapsed).toBeLessThan(4_000);
    expect(error).toMatchObject({ kind: "timeout", timeoutMs: 400 });
    expect(toAppError(error).message).toBe(
      "Postproxy did not answer within 0.4 s. Try again shortly.",
    );
    expect(stub!.requests).toHaveLength(1);
  });

  it("counts the waits between attempts and gives up when the next wait would pass it", async () => {
    const client = await clientFor((_req, res) => sendJson(res, 503, { error: "down" }), {
      deadlineMs: 600,
      retry: { baseDelayMs: 400, maxDelayMs: 400, random: () => 1 },
    });
    const started = Date.now();
    const error = await failure(client.profiles.list());
    expect(Date.now() - started).toBeLessThan(600);
    expect(error.kind).toBe("server");
    expect(stub!.requests).toHaveLength(2);
  });

  it("lets a single call shorten the client's deadline", async () => {
    const client = await clientFor(() => undefined, { timeoutMs: 5_000, deadlineMs: 30_000 });
    const started = Date.now();
    const error = await failure(client.profiles.list({ deadlineMs: 200 }));
    expect(error.kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});

describe("error mapping", () => {
  it("keeps Postproxy's 422 messages", async () => {
    const client = await clientFor((_req, res) =>
      sendJson(res, 422, {
        errors: ["Invalid platform params for tiktok: colour", "Profile not found for prof_x"],
      }),
    );
    const error = await failure(client.posts.create({ body: "Hi", profiles: ["prof_x"] }));
    expect(error.kind).toBe("validation");
    expect(error.messages).toEqual([
      "Invalid platform params for tiktok: colour",
      "Profile not found for prof_x",
    ]);
    expect(toAppError(error)).toMatchObject({
      code: "invalid_input",
      message: "Invalid platform params for tiktok: colour; Profile not found for prof_x",
    });
    expectNoKey(error);
  });

  it("maps 401 to a Settings hint without leaking the key", async () => {
    const client = await clientFor((_req, res) => sendJson(res, 401, { error: "Invalid API key" }));
    const error = await failure(client.profiles.list());
    expect(error.kind).toBe("unauthorized");
    expect(toAppError(error)).toMatchObject({
      code: "upstream",
      message: "Postproxy rejected the API key (401). Check the key in Settings.",
    });
    expectNoKey(error);
  });

  it("redacts the key if an error body echoes it", async () => {
    const client = await clientFor(async (req, res) => {
      await readBody(req);
      sendJson(res, 400, { message: `Bad header ${req.headers.authorization}` });
    });
    const error = await failure(client.webhooks.create({ url: "https://x", events: ["*"] }));
    expect(error.kind).toBe("bad_request");
    expect(error.messages[0]).toContain("[redacted]");
    expectNoKey(error);
  });

  it("names the host and reason when Postproxy is unreachable", async () => {
    stub = await startStubServer(() => undefined);
    const { url } = stub;
    await stub.close();
    stub = undefined;
    const client = createPostproxyClient({ baseUrl: url, apiKey, maxRetries: 1, retry: fastRetry });
    const error = await failure(client.profiles.list());
    expect(error.kind).toBe("network");
    expect(stub).toBeUndefined();
    // The detail is for the log; the user's message names neither the address nor the reason.
    expect(error.message).toMatch(
      new RegExp(`^Could not reach Postproxy at ${new URL(url).host}: .*ECONNREFUSED`),
    );
    expect(toAppError(error).message).toBe("Postproxy could not be reached. Try again shortly.");
    expectNoKey(error);
  });
});
