import { describe, expect, it } from "vitest";
import { PostproxyError, type PostproxyErrorKind } from "./errors";
import { backoffDelay, defaultRetryPolicy, parseRetryAfter, retryDelay } from "./retry";

const policy = {
  ...defaultRetryPolicy,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  maxRetryAfterMs: 5_000,
};
const error = (kind: PostproxyErrorKind, retryAfterMs?: number) =>
  new PostproxyError({ kind, message: kind, endpoint: "GET /api/x", host: "h", retryAfterMs });

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    const now = Date.parse("2030-01-01T00:00:00Z");
    expect(parseRetryAfter("7", now)).toBe(7_000);
    expect(parseRetryAfter("Tue, 01 Jan 2030 00:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Mon, 31 Dec 2029 23:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe("backoff", () => {
  it("grows exponentially, is capped and jittered within the upper half", () => {
    const at = (attempt: number, r: number) =>
      backoffDelay(attempt, { ...policy, random: () => r });
    expect([at(0, 0), at(0, 1)]).toEqual([50, 100]);
    expect([at(2, 0), at(2, 1)]).toEqual([200, 400]);
    expect(at(10, 1)).toBe(1_000);
  });

  it("retries only transient failures, within limits", () => {
    expect(retryDelay(error("server"), 0, policy, false)).toBeGreaterThan(0);
    expect(retryDelay(error("network"), 0, policy, false)).toBeGreaterThan(0);
    expect(retryDelay(error("rate_limited", 2_000), 0, policy, false)).toBe(2_000);
    expect(retryDelay(error("rate_limited", 9_000), 0, policy, false)).toBeNull();
    expect(retryDelay(error("server"), policy.maxRetries, policy, false)).toBeNull();
    for (const kind of ["validation", "bad_request", "unauthorized", "not_found"] as const) {
      expect(retryDelay(error(kind), 0, policy, true)).toBeNull();
    }
    expect(retryDelay(error("conflict"), 0, policy, false)).toBeNull();
    expect(retryDelay(error("conflict"), 0, policy, true)).toBeGreaterThan(0);
  });
});
