import type { Context, MiddlewareHandler } from "hono";
import type { SandboxContext } from "../core/context";
import type { AppEnv } from "../http/app-env";
import { ApiError } from "../http/errors";

const STATUS_TEXT: Record<number, string> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** Injects the configured faults into `/api` traffic, in the order a real edge would. */
export function faultMiddleware(ctx: SandboxContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const faults = ctx.faults;
    const state = faults.state;
    if (state.latencyMs > 0) await sleep(state.latencyMs, ctx.shutdown);

    if (state.hangNext.count > 0 && !state.hangNext.afterHandling) {
      state.hangNext.count -= 1;
      return hang(c, ctx);
    }
    if (faults.matchesHangPath(c.req.method, c.req.path)) return hang(c, ctx);

    if (state.rateLimitNext.count > 0) {
      state.rateLimitNext.count -= 1;
      throw rateLimited(state.rateLimitNext.retryAfter);
    }
    const wait = faults.overRateLimit(Date.now());
    if (wait !== null) throw rateLimited(wait);

    if (state.failNext.count > 0 && !state.failNext.afterHandling) {
      state.failNext.count -= 1;
      throw serverError(state.failNext.status);
    }
    if (faults.rollError()) throw serverError(500);

    // "After handling" faults: the work is done (and idempotency recorded), the answer is lost.
    const failAfter = takeAfter(state.failNext) ? state.failNext.status : null;
    const hangAfter = takeAfter(state.hangNext);
    await next();
    if (hangAfter) return hang(c, ctx);
    if (failAfter !== null) {
      c.res = c.json({ error: STATUS_TEXT[failAfter] ?? "Server Error" }, failAfter as 500);
    }
  };
}

function takeAfter(fault: { count: number; afterHandling: boolean }): boolean {
  if (fault.count <= 0 || !fault.afterHandling) return false;
  fault.count -= 1;
  return true;
}

function rateLimited(retryAfter: number): ApiError {
  return new ApiError(429, { error: "Rate limit exceeded" }, { "Retry-After": String(retryAfter) });
}

function serverError(status: number): ApiError {
  return new ApiError(status, { error: STATUS_TEXT[status] ?? "Server Error" });
}

/** Never answers; close() aborts the signal and destroys the socket. */
async function hang(c: Context<AppEnv>, ctx: SandboxContext): Promise<Response> {
  await new Promise<void>((resolve) => {
    if (ctx.shutdown.aborted) resolve();
    ctx.shutdown.addEventListener("abort", () => resolve(), { once: true });
  });
  return c.json({ error: "Service Unavailable" }, 503);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
