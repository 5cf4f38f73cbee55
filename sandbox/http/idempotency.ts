import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { CADENCE } from "../config";
import type { SandboxContext } from "../core/context";
import type { AppEnv } from "./app-env";
import { readBody } from "./body";
import { badRequest, conflict, unprocessable } from "./errors";
import { isWrite } from "./middleware";

/**
 * Idempotency-Key as documented: the first 2xx is replayed for 24 h (sandbox clock), a
 * concurrent retry gets 409, a different request under the same key 422, and errors are not
 * stored so the retry runs again.
 */
export function idempotency(ctx: SandboxContext): MiddlewareHandler<AppEnv> {
  const inFlight = ctx.idempotencyInFlight;
  return async (c, next) => {
    const key = c.req.header("idempotency-key");
    if (key === undefined || !isWrite(c.req.method)) return next();
    if (key.length === 0 || key.length > 255) {
      throw badRequest("Idempotency-Key must be 1 to 255 characters");
    }
    const state = ctx.store.state;
    const now = ctx.clock.now();
    state.idempotency = state.idempotency.filter((r) => r.createdAt > now - CADENCE.idempotencyTtl);
    if (inFlight.has(key)) {
      throw conflict("A request with this Idempotency-Key is still in progress");
    }
    inFlight.add(key);
    try {
      const body = await readBody(c, () => ctx.storage.newUploadPath());
      const url = new URL(c.req.url);
      const fingerprint = createHash("sha256")
        .update(`${c.req.method} ${url.pathname}?${sortedQuery(url)}\n${body.digest}`)
        .digest("hex");
      const stored = state.idempotency.find((r) => r.key === key);
      if (stored) {
        if (stored.fingerprint !== fingerprint) {
          throw unprocessable(["Idempotency-Key has already been used with a different request"]);
        }
        return new Response(stored.body, {
          status: stored.status,
          headers: { "content-type": stored.contentType, "idempotent-replayed": "true" },
        });
      }
      await next();
      if (c.res.status >= 200 && c.res.status < 300) {
        state.idempotency.push({
          key,
          fingerprint,
          status: c.res.status,
          body: await c.res.clone().text(),
          contentType: c.res.headers.get("content-type") ?? "application/json",
          createdAt: ctx.clock.now(),
        });
      }
    } finally {
      inFlight.delete(key);
    }
  };
}

function sortedQuery(url: URL): string {
  return [...url.searchParams.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}
