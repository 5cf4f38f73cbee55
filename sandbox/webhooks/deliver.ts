import { scaled, TIMINGS } from "../config";
import type { SandboxContext } from "../core/context";
import { newId } from "../core/ids";
import type { JobOf } from "../lifecycle/jobs";
import { signatureHeader } from "./sign";

// Scaled down with the rest, but never so short that a dev server compiling a route times out.
const MIN_TIMEOUT_MS = 10_000;

/**
 * One delivery attempt. Each attempt is logged; a non-2xx answer, a redirect or a timeout
 * schedules the next attempt (1 min, 5 min, 30 min, 2 h after the previous, scaled).
 */
export async function attemptDelivery(
  ctx: SandboxContext,
  job: JobOf<"webhook.attempt">,
): Promise<void> {
  const webhook = ctx.store.state.webhooks.find((w) => w.id === job.webhookId);
  if (!webhook || !webhook.enabled) return;
  const deliveryId = newId("whdel_", 16);
  const attemptedAt = ctx.clock.now();
  // The signature carries the real time, not the virtual clock: receivers compare it with their
  // own clock (5 minutes' tolerance), and after /__sandbox/clock/advance the two differ by hours.
  const timestamp = Math.floor(Date.now() / 1000);
  const status = await send(ctx, webhook.url, job, {
    "Content-Type": "application/json",
    "User-Agent": "Postproxy-Webhooks/1.0",
    "X-Postproxy-Event": job.eventType,
    "X-Postproxy-Delivery": deliveryId,
    "X-Postproxy-Signature": signatureHeader(webhook.secret, job.body, timestamp),
  });
  const success = status !== null && status >= 200 && status < 300;
  ctx.store.state.deliveries.push({
    id: deliveryId,
    webhookId: webhook.id,
    eventId: job.eventId,
    eventType: job.eventType,
    responseStatus: status,
    attemptNumber: job.attempt,
    success,
    attemptedAt,
    createdAt: ctx.clock.now(),
  });
  const nextDelay = TIMINGS.webhookRetries[job.attempt];
  if (!success && nextDelay !== undefined && !ctx.shutdown.aborted) {
    ctx.scheduler.schedule(
      { ...job, attempt: job.attempt + 1 },
      scaled(nextDelay, ctx.config.timeScale),
    );
  }
}

/** The HTTP status, or null when the receiver could not be reached or timed out. */
async function send(
  ctx: SandboxContext,
  url: string,
  job: JobOf<"webhook.attempt">,
  headers: Record<string, string>,
): Promise<number | null> {
  const timeout = Math.max(MIN_TIMEOUT_MS, scaled(TIMINGS.webhookTimeout, ctx.config.timeScale));
  const signal = AbortSignal.any([ctx.shutdown, AbortSignal.timeout(timeout)]);
  try {
    const response = await fetch(url, {
      method: "POST",
      redirect: "manual",
      signal,
      headers,
      body: job.body,
    });
    await response.body?.cancel();
    return response.status;
  } catch {
    return null;
  }
}
