import "server-only";

type HeaderSource = Record<string, string | string[] | undefined> | Headers | undefined;

const headerNameKey = Symbol.for("postdeck.clientIpHeader");
const registry = globalThis as unknown as { [headerNameKey]?: string };

/**
 * The client address as the start-up hook computed it from the socket (see lib/startup/client-ip).
 * The hook passes it in a header whose name is random per process, so a client cannot supply it.
 * "unknown" when the hook is not running (e.g. unit tests): one shared bucket, never a spoofable one.
 */
export function clientIpFrom(headers: HeaderSource): string {
  const name = registry[headerNameKey];
  if (!name || !headers) return "unknown";
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  return (Array.isArray(value) ? value[0] : value) || "unknown";
}

/** Set once per process by the start-up hook. */
export function setClientIpHeaderName(name: string) {
  registry[headerNameKey] = name;
}

function normalize(address: string): string {
  const trimmed = address.trim();
  // "::ffff:203.0.113.5" is the IPv4 client of a dual-stack socket.
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

/**
 * With `trustedProxies` proxies in front of the app, each appends the address it received the
 * request from to X-Forwarded-For, and the last one is the socket peer. The client is the entry
 * just left of what those proxies added; anything further left was written by the client and is
 * ignored. With 0 (the default) the socket address is used and X-Forwarded-For never is.
 */
export function resolveClientIp(input: {
  forwardedFor: string | string[] | undefined;
  remoteAddress: string | undefined;
  trustedProxies: number;
}): string {
  const forwarded = (
    Array.isArray(input.forwardedFor) ? input.forwardedFor.join(",") : (input.forwardedFor ?? "")
  )
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const hops = [...forwarded, input.remoteAddress ?? ""];
  const index = hops.length - 1 - Math.max(0, input.trustedProxies);
  // Fewer hops than configured proxies: the request bypassed them, so its leftmost hop is all we have.
  const chosen = hops[Math.max(0, index)];
  return chosen ? normalize(chosen) : "unknown";
}
