import "server-only";
import { randomBytes } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { resolveClientIp, setClientIpHeaderName } from "@/lib/auth/client-ip";

let installed = false;

/**
 * Next.js route handlers and server actions never see the socket, and Next only fills in
 * X-Forwarded-For when the client did not send one, so that header alone can be forged by anyone.
 * This hook sees every request on the socket before Next does, works out the client address from
 * the socket and the configured number of trusted proxies, and hands it on in a header whose name
 * is random per process (a client cannot guess it, so cannot forge it).
 */
export function installClientIpHook(trustedProxies: number) {
  if (installed) return;
  installed = true;
  const headerName = `x-postdeck-client-ip-${randomBytes(8).toString("hex")}`;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[headerName] = resolveClientIp({
      forwardedFor: request.headers["x-forwarded-for"],
      remoteAddress: socket.remoteAddress,
      trustedProxies,
    });
  });
  setClientIpHeaderName(headerName);
}
