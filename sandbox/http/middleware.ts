import { randomUUID, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { SandboxContext } from "../core/context";
import type { AppEnv } from "./app-env";
import { unauthorized } from "./errors";
import { removeFiles } from "./multipart";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isWrite(method: string): boolean {
  return WRITE_METHODS.has(method.toUpperCase());
}

/** Request id on every response, plus an access log line when logging is on. */
export function requestMeta(ctx: SandboxContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = randomUUID();
    c.set("requestId", id);
    const started = performance.now();
    await next();
    c.header("x-request-id", id);
    const ms = Math.round(performance.now() - started);
    ctx.log(`${c.req.method} ${c.req.path} → ${c.res.status} (${ms} ms)`);
  };
}

export function bearerAuth(ctx: SandboxContext): MiddlewareHandler<AppEnv> {
  const expected = Buffer.from(ctx.config.apiKey);
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    const given = Buffer.from(match?.[1]?.trim() ?? "");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw unauthorized();
    }
    await next();
  };
}

/** Deletes uploads no post claimed (validation failures, replays) and saves state after writes. */
export function requestCleanup(ctx: SandboxContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    try {
      await next();
    } finally {
      const body = await c.get("body")?.catch(() => undefined);
      if (body?.kind === "form") await removeFiles(body.form.files);
      if (isWrite(c.req.method)) ctx.store.markDirty();
    }
  };
}
