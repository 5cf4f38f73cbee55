import "server-only";
import type { PostproxyError } from "./errors";

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited out: the call fails as rate_limited instead. */
  maxRetryAfterMs: number;
  random: () => number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 300,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 30_000,
  random: Math.random,
};

/** Retry-After is either delta-seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Exponential backoff with "equal jitter": at least half the step, so retries never bunch at 0. */
export function backoffDelay(attempt: number, policy: RetryPolicy): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return step / 2 + policy.random() * (step / 2);
}

const transientKinds = new Set(["network", "timeout", "server", "rate_limited"]);

/**
 * How long to wait before the next attempt, or null to give up.
 * A 409 is retried only after an attempt that got no answer: it then most likely means our own
 * earlier attempt is still running under the same Idempotency-Key.
 */
export function retryDelay(
  error: PostproxyError,
  attempt: number,
  policy: RetryPolicy,
  hadUnansweredAttempt: boolean,
): number | null {
  if (attempt >= policy.maxRetries) return null;
  const isInFlightConflict = error.kind === "conflict" && hadUnansweredAttempt;
  if (!transientKinds.has(error.kind) && !isInFlightConflict) return null;
  if (error.retryAfterMs !== undefined) {
    return error.retryAfterMs <= policy.maxRetryAfterMs ? error.retryAfterMs : null;
  }
  return backoffDelay(attempt, policy);
}
