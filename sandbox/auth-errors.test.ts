import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox } from "./test-support/harness";

let sb: TestSandbox;

beforeAll(async () => {
  sb = await TestSandbox.start({ apiKey: "pp_test_key" });
});
afterAll(() => sb.close());

describe("auth", () => {
  it("rejects a missing key with the documented 401 body", async () => {
    const res = await sb.get("/api/profile_groups", { key: null });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: "Invalid API key" });
  });

  it("rejects a wrong key, even on unknown paths", async () => {
    expect((await sb.get("/api/profiles", { key: "pp_wrong" })).status).toBe(401);
    expect((await sb.get("/api/does-not-exist", { key: "pp_wrong" })).status).toBe(401);
  });

  it("accepts the configured key case-insensitively on the scheme", async () => {
    const res = await sb.get("/api/profile_groups", {
      key: null,
      headers: { authorization: "bearer pp_test_key" },
    });
    expect(res.status).toBe(200);
  });

  it("puts an x-request-id on every response, errors included", async () => {
    const ok = await sb.get("/api/profile_groups");
    const denied = await sb.get("/api/profile_groups", { key: null });
    const ids = [ok.headers.get("x-request-id"), denied.headers.get("x-request-id")];
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it("does not need a key for the admin endpoints", async () => {
    const res = await sb.get("/__sandbox/state", { key: null });
    expect(res.status).toBe(200);
    expect(res.body.counts.profile_groups).toBe(2);
  });
});

describe("error bodies", () => {
  it("404 for unknown routes and resources", async () => {
    for (const path of ["/api/nope", "/api/posts/post_missing", "/api/profiles/prof_missing"]) {
      const res = await sb.get(path);
      expect(res.status, path).toBe(404);
      expect(res.body).toEqual({ error: "Not found" });
    }
  });

  it("400 with status/error/message for malformed requests", async () => {
    const res = await sb.request("POST", "/api/posts", {
      headers: { "content-type": "application/json" },
      form: undefined,
      json: undefined,
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      status: 400,
      error: "Bad Request",
      message: "param is missing or the value is empty: post",
    });
  });

  it("400 for a body that is not JSON", async () => {
    const response = await fetch(new URL("/api/posts", sb.url), {
      method: "POST",
      headers: { authorization: "Bearer pp_test_key", "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: 400, error: "Bad Request" });
  });

  it("422 with an errors array for invalid posts", async () => {
    const res = await sb.post("/api/posts", { post: { body: 5 }, profiles: "tiktok" });
    expect(res.status).toBe(422);
    expect(Array.isArray(res.body.errors)).toBe(true);
    expect(res.body.errors.join(" ")).toMatch(/post\.body/);
    expect(res.body.errors.join(" ")).toMatch(/profiles/);
  });
});
