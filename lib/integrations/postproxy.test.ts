import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { verifyPostproxyKey } from "./postproxy";

let server: Server;
const errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
const loggedLines = () =>
  errorLog.mock.calls.map((c) => JSON.parse(String(c[0])) as { id: string; message: string });
afterEach(() => errorLog.mockClear());
let baseUrl: string;
const seen: { path?: string; auth?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url, auth: req.headers.authorization });
    if (req.headers.authorization === "Bearer hang_forever_key") return; // never answers
    if (req.headers.authorization !== "Bearer good_key_1234") {
      res
        .writeHead(401, { "content-type": "application/json" })
        .end(JSON.stringify({ error: "Invalid API key" }));
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: [] }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe("verifyPostproxyKey", () => {
  it("accepts a key Postproxy accepts, asking GET /api/profiles with it", async () => {
    await expect(verifyPostproxyKey("good_key_1234", { baseUrl })).resolves.toBeUndefined();
    expect(seen.at(-1)).toEqual({ path: "/api/profiles", auth: "Bearer good_key_1234" });
  });

  it("refuses a 401 with a message at the key field, without echoing the key", async () => {
    const error = await verifyPostproxyKey("wrong_key_5678", { baseUrl }).catch((e) => e);
    expect(error.code).toBe("invalid_input");
    expect(error.fieldErrors.apiKey[0]).toMatch(/refused this key \(401/);
    expect(JSON.stringify({ m: error.message, f: error.fieldErrors })).not.toContain(
      "wrong_key_5678",
    );
  });

  it("says timeout when Postproxy does not answer", async () => {
    const error = await verifyPostproxyKey("hang_forever_key", { baseUrl, timeoutMs: 300 }).catch(
      (e) => e,
    );
    expect(error.code).toBe("upstream");
    expect(error.fieldErrors.apiKey[0]).toMatch(/did not answer within 0.3 seconds \(timeout\)/);
    expect(error.fieldErrors.apiKey[0]).not.toContain("127.0.0.1");
  });

  it("says network error when Postproxy cannot be reached", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const error = await verifyPostproxyKey("good_key_1234", {
      baseUrl: `http://127.0.0.1:${port}`,
    }).catch((e) => e);
    expect(error.code).toBe("upstream");
    const message: string = error.fieldErrors.apiKey[0];
    expect(message).toMatch(/\(network error\).*\(error [0-9a-f]{8}\)$/);
    // The address and undici's reason go to the log under the quoted id, never to the user.
    expect(message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|\n\s+at /);
    const id = /error ([0-9a-f]{8})\)$/.exec(message)![1];
    const logged = loggedLines().find((l) => l.id === id);
    expect(logged?.message).toMatch(new RegExp(`127\\.0\\.0\\.1:${port}.*ECONNREFUSED`));
  });
});
