import { createServer, request, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { installClientIpHook } from "@/lib/startup/client-ip";
import { parseEnv } from "@/lib/env";
import { clientIpFrom, resolveClientIp } from "./client-ip";

describe("resolveClientIp", () => {
  it.each([
    // [X-Forwarded-For, socket address, trusted proxies, client]
    [undefined, "203.0.113.5", 0, "203.0.113.5"],
    ["198.51.100.1", "203.0.113.5", 0, "203.0.113.5"],
    ["1.1.1.1, 2.2.2.2", "::ffff:203.0.113.5", 0, "203.0.113.5"],
    ["198.51.100.1", "10.0.0.2", 1, "198.51.100.1"],
    ["forged, 198.51.100.1", "10.0.0.2", 1, "198.51.100.1"],
    [["forged", "198.51.100.1, 10.0.0.1"], "10.0.0.2", 2, "198.51.100.1"],
    [undefined, "203.0.113.5", 1, "203.0.113.5"],
    [undefined, undefined, 0, "unknown"],
    [undefined, "2001:db8::1", 0, "2001:db8::1"],
  ] as const)("XFF %j from %s with %i proxies → %s", (xff, remote, proxies, expected) => {
    expect(
      resolveClientIp({
        forwardedFor: xff as string | string[] | undefined,
        remoteAddress: remote,
        trustedProxies: proxies,
      }),
    ).toBe(expected);
  });
});

describe("the start-up hook", () => {
  it("reports the socket address whatever X-Forwarded-For a direct client sends", async () => {
    installClientIpHook(0);
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(clientIpFrom(req.headers));
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const send = (headers: IncomingHttpHeaders) =>
      new Promise<void>((resolve, reject) => {
        const req = request({ port, host: "127.0.0.1", headers }, (res) => {
          res.resume();
          res.on("end", resolve);
        });
        req.on("error", reject);
        req.end();
      });
    try {
      await send({ "x-forwarded-for": "198.51.100.1" });
      await send({ "x-forwarded-for": "198.51.100.2, 198.51.100.3" });
      await send({});
      expect(seen).toEqual(["127.0.0.1", "127.0.0.1", "127.0.0.1"]);
      // A header named like ours from the client is overwritten (and the real name is random).
      expect(clientIpFrom(new Headers({ "x-postdeck-client-ip": "1.2.3.4" }))).toBe("unknown");
    } finally {
      server.close();
    }
  });
});

describe("TRUSTED_PROXY_COUNT", () => {
  it("defaults to 0 and accepts whole numbers up to 10", () => {
    const base = {
      NODE_ENV: "test",
      NEXTAUTH_SECRET: "s".repeat(40),
      APP_ENCRYPTION_KEY: "a".repeat(64),
    };
    expect(parseEnv(base as NodeJS.ProcessEnv).TRUSTED_PROXY_COUNT).toBe(0);
    expect(
      parseEnv({ ...base, TRUSTED_PROXY_COUNT: "2" } as NodeJS.ProcessEnv).TRUSTED_PROXY_COUNT,
    ).toBe(2);
    for (const bad of ["-1", "1.5", "eleven", "11"]) {
      expect(() => parseEnv({ ...base, TRUSTED_PROXY_COUNT: bad } as NodeJS.ProcessEnv)).toThrow(
        /TRUSTED_PROXY_COUNT/,
      );
    }
  });
});
