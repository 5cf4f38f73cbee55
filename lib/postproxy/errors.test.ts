import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import {
  PostproxyError,
  kindForStatus,
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
      "Postproxy did not answer within 15 s. Try again shortly.",
    ],
    [
      make({
        kind: "network",
        message: "Could not reach Postproxy at 10.0.0.7:4010: connect ECONNREFUSED 10.0.0.7:4010",
      }),
      "upstream",
      "Postproxy could not be reached. Try again shortly.",
    ],
    [
      make({ kind: "timeout", timeoutMs: 15_000, isBodySent: true }),
      "upstream",
      "Postproxy received the upload but did not answer within 15 s afterwards. Check Posts before sending it again.",
    ],
    [make({ kind: "invalid_response", status: 200 }), "upstream", /could not read/],
  ] as const)("%o", (error, code, message) => {
    const appError = toAppError(error);
    expect(appError).toBeInstanceOf(AppError);
    expect(appError.code).toBe(code);
    expect(appError.message).toMatch(message);
    expect(appError.message).not.toMatch(/10\.0\.0\.7|ECONNREFUSED|api\.postproxy\.dev|\n\s+at /);
  });

  it("converts thrown Postproxy errors and passes others through", async () => {
    await expect(
      withAppErrors(() => Promise.reject(make({ kind: "not_found" }))),
    ).rejects.toMatchObject({ code: "not_found" });
    const other = new RangeError("x");
    await expect(withAppErrors(() => Promise.reject(other))).rejects.toBe(other);
    await expect(withAppErrors(async () => 1)).resolves.toBe(1);
  });

  it("logs what the user cannot fix with an id, and quotes only the id", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const network = make({
      kind: "network",
      message: "Could not reach Postproxy at 127.0.0.1:4010: connect ECONNREFUSED 127.0.0.1:4010",
    });
    const error = await withAppErrors(() => Promise.reject(network)).catch((e) => e);
    expect(error.message).toMatch(
      /^Postproxy could not be reached\. Try again shortly\. \(error [0-9a-f]{8}\)$/,
    );
    expect(error.message).not.toContain("127.0.0.1");
    const id = /error ([0-9a-f]{8})/.exec(error.message)![1];
    const line = JSON.parse(String(log.mock.calls.at(-1)![0]));
    expect(line).toMatchObject({ id, kind: "network", message: network.message });

    log.mockClear();
    await withAppErrors(() => Promise.reject(make({ kind: "validation", messages: ["x"] }))).catch(
      () => {},
    );
    expect(log).not.toHaveBeenCalled();
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});
