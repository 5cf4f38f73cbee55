import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import {
  PostproxyError,
  kindForStatus,
  toActionResult,
  toAppError,
  withAppErrors,
  type PostproxyErrorInit,
} from "./errors";

const make = (init: Partial<PostproxyErrorInit> & Pick<PostproxyErrorInit, "kind">) =>
  new PostproxyError({
    message: "m",
    endpoint: "POST /api/posts",
    host: "api.postproxy.dev",
    ...init,
  });

describe("kindForStatus", () => {
  it.each([
    [400, "bad_request"],
    [401, "unauthorized"],
    [403, "forbidden"],
    [404, "not_found"],
    [405, "bad_request"],
    [409, "conflict"],
    [422, "validation"],
    [429, "rate_limited"],
    [500, "server"],
    [503, "server"],
  ] as const)("%i → %s", (status, kind) => expect(kindForStatus(status)).toBe(kind));
});

describe("toAppError", () => {
  it.each([
    [
      make({ kind: "unauthorized", status: 401 }),
      "upstream",
      "Postproxy rejected the API key (401). Check the key in Settings.",
    ],
    [make({ kind: "not_found", status: 404 }), "not_found", /could not find/],
    [
      make({ kind: "bad_request", status: 400, messages: ["placement_id is required"] }),
      "invalid_input",
      "placement_id is required",
    ],
    [make({ kind: "validation", status: 422, messages: ["A", "B"] }), "invalid_input", "A; B"],
    [make({ kind: "conflict", status: 409 }), "conflict", /same request/],
    [make({ kind: "rate_limited", status: 429, retryAfterMs: 12_000 }), "rate_limited", /in 12 s/],
    [make({ kind: "server", status: 503 }), "upstream", /internal error \(503\)/],
    [
      make({ kind: "timeout", timeoutMs: 15_000 }),
      "upstream",
      "Postproxy did not answer within 15 s.",
    ],
    [
      make({
        kind: "network",
        message: "Could not reach Postproxy at api.postproxy.dev: ENOTFOUND",
      }),
      "upstream",
      "Could not reach Postproxy at api.postproxy.dev: ENOTFOUND",
    ],
    [make({ kind: "invalid_response", status: 200 }), "upstream", /could not read/],
  ] as const)("%o", (error, code, message) => {
    const appError = toAppError(error);
    expect(appError).toBeInstanceOf(AppError);
    expect(appError.code).toBe(code);
    expect(appError.message).toMatch(message);
    expect(toActionResult(error)).toEqual({ ok: false, code, message: appError.message });
  });

  it("converts thrown Postproxy errors and passes others through", async () => {
    await expect(
      withAppErrors(() => Promise.reject(make({ kind: "not_found" }))),
    ).rejects.toMatchObject({ code: "not_found" });
    const other = new RangeError("x");
    await expect(withAppErrors(() => Promise.reject(other))).rejects.toBe(other);
    await expect(withAppErrors(async () => 1)).resolves.toBe(1);
  });
});
