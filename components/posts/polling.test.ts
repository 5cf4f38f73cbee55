// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { describe, expect, it } from "vitest";
import {
  describePostFetchError,
  pollIntervalMs,
  PostFetchError,
  shouldRetryPostFetch,
} from "./polling";

describe("pollIntervalMs", () => {
  it("asks every 3 s during the first minute", () => {
    expect(pollIntervalMs(false, 0)).toBe(3_000);
    expect(pollIntervalMs(false, 59_999)).toBe(3_000);
  });

  it("backs off to 10 s after a minute", () => {
    expect(pollIntervalMs(false, 60_000)).toBe(10_000);
    expect(pollIntervalMs(false, 30 * 60_000)).toBe(10_000);
  });

  it("stops once every profile's status is final", () => {
    expect(pollIntervalMs(true, 0)).toBe(false);
    expect(pollIntervalMs(true, 120_000)).toBe(false);
  });
});

describe("shouldRetryPostFetch", () => {
  it("never retries 401, 403 or 404", () => {
    for (const status of [401, 403, 404])
      expect(shouldRetryPostFetch(0, new PostFetchError(status, "no"))).toBe(false);
  });

  it("retries server errors and network failures a few times", () => {
    expect(shouldRetryPostFetch(0, new PostFetchError(503, "down"))).toBe(true);
    expect(shouldRetryPostFetch(2, new TypeError("fetch failed"))).toBe(true);
    expect(shouldRetryPostFetch(3, new TypeError("fetch failed"))).toBe(false);
  });
});

describe("describePostFetchError", () => {
  it("tells a signed-out viewer to sign in and a missing post apart from a hiccup", () => {
    expect(describePostFetchError(new PostFetchError(401, ""))).toMatch(/Sign in again/);
    expect(describePostFetchError(new PostFetchError(404, ""))).toMatch(/no longer available/);
    expect(describePostFetchError(new Error("boom"))).toMatch(/keeps trying/);
  });
});
