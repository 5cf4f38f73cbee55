import "server-only";
import { BlockList, isIP } from "node:net";
import { lookup as dnsLookup } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const)
  blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const)
  blocked.addSubnet(net, prefix, "ipv6");

/**
 * Whether an alert may be sent to this address: loopback, private, link-local (the cloud metadata
 * address 169.254.169.254 among them), shared, multicast and reserved ranges are refused, and an
 * IPv4-mapped IPv6 address is judged as the IPv4 address it carries.
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").split("%")[0];
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return isPublicAddress(mapped[1]);
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(bare);
  if (hexMapped) {
    const hi = parseInt(hexMapped[1], 16);
    const lo = parseInt(hexMapped[2], 16);
    return isPublicAddress(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  }
  const family = isIP(bare);
  if (family === 4) return !blocked.check(bare, "ipv4");
  if (family === 6) return !blocked.check(bare, "ipv6");
  return false;
}

export type SafePostOptions = {
  /** Plain http is accepted only in development. */
  allowHttp: boolean;
  timeoutMs?: number;
  /** The address rule; tests that deliver to a local receiver pass their own. */
  isAllowed?: (address: string) => boolean;
};

export class WebhookRefused extends Error {}

/**
 * POSTs JSON to an outside URL without letting it reach the server's own network: the name is
 * resolved here and every address checked before connecting, the socket's actual peer is checked
 * again, redirects are not followed, and the whole call has a short deadline.
 */
export function postJsonSafely(
  url: string,
  body: unknown,
  options: SafePostOptions,
): Promise<{ status: number }> {
  const isAllowed = options.isAllowed ?? isPublicAddress;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.reject(new WebhookRefused("The alert URL is not a valid URL."));
  }
  if (target.protocol !== "https:" && !(options.allowHttp && target.protocol === "http:"))
    return Promise.reject(new WebhookRefused("The alert URL must start with https://."));
  if (target.username || target.password)
    return Promise.reject(new WebhookRefused("The alert URL must not carry a user name."));
  const literal = target.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal) && !isAllowed(literal))
    return Promise.reject(
      new WebhookRefused("The alert URL points to a private or local address."),
    );
  const lookup: LookupFunction = (hostname, opts, callback) => {
    dnsLookup(hostname, { ...opts, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as { address: string; family: number }[];
      const bad = list.find((a) => !isAllowed(a.address));
      if (bad || list.length === 0)
        return callback(
          new WebhookRefused("The alert URL's host resolves to a private or local address."),
          "",
          0,
        );
      if ((opts as { all?: boolean }).all)
        return (callback as never as (e: null, a: typeof list) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
  const payload = JSON.stringify(body);
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: "POST",
        lookup,
        agent: false,
        timeout: options.timeoutMs ?? 5000,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
        },
      },
      (res) => {
        res.resume();
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400)
          return reject(
            new WebhookRefused("The alert URL answered with a redirect; not followed."),
          );
        if (status >= 400) return reject(new Error(`The alert URL answered ${status}.`));
        resolve({ status });
      },
    );
    req.on("socket", (socket) => {
      socket.on("connect", () => {
        const peer = socket.remoteAddress ?? "";
        if (!isAllowed(peer))
          req.destroy(new WebhookRefused("The alert URL connected to a private or local address."));
      });
    });
    req.on("timeout", () => req.destroy(new Error("The alert URL did not answer in time.")));
    req.on("error", reject);
    req.end(payload);
  });
}
