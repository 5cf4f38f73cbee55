import "server-only";
import { and, asc, eq, gt, lte, sql } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { rateLimitHits } from "@/lib/db/schema";
import { countOf } from "@/lib/format/plural";

export type RateLimit = { scope: string; key: string; limit: number; windowMs: number };
export type RateLimitResult = { ok: boolean; retryAfterSeconds: number };

/**
 * Serialises everyone who checks the same counter until the transaction ends, so "count, then
 * record" cannot interleave across requests or app servers. Transaction-scoped, so it is released
 * on commit or rollback, and it works the same on PostgreSQL and PGlite.
 */
export async function lockCounter(tx: Tx, name: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${name}))`);
}

/**
 * Counts one hit against a limit and says whether it is allowed, atomically: concurrent callers
 * for the same scope and key are serialised, so at most `limit` hits pass per window. A refused
 * hit is not recorded (it would otherwise extend the lock-out forever). Expired hits are pruned.
 */
export async function consumeRateLimit(
  db: Db,
  limit: RateLimit,
  now = new Date(),
): Promise<RateLimitResult> {
  const since = new Date(now.getTime() - limit.windowMs);
  return db.transaction(async (tx) => {
    await lockCounter(tx as Tx, `rate-limit:${limit.scope}:${limit.key}`);
    const counter = and(eq(rateLimitHits.scope, limit.scope), eq(rateLimitHits.key, limit.key));
    await tx.delete(rateLimitHits).where(and(counter, lte(rateLimitHits.createdAt, since)));
    const hits = await tx
      .select({ createdAt: rateLimitHits.createdAt })
      .from(rateLimitHits)
      .where(and(counter, gt(rateLimitHits.createdAt, since)))
      .orderBy(asc(rateLimitHits.createdAt));
    if (hits.length >= limit.limit) {
      const freesAt = hits[hits.length - limit.limit].createdAt.getTime() + limit.windowMs;
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000)),
      };
    }
    await tx.insert(rateLimitHits).values({ scope: limit.scope, key: limit.key, createdAt: now });
    return { ok: true, retryAfterSeconds: 0 };
  });
}

/**
 * The one way callers limit an attempt: counts it (consumeRateLimit) and, past the limit, throws
 * `rate_limited` with a message that says when to try again (`describe` words it, given the wait).
 */
export async function enforceRateLimit(
  db: Db,
  limit: RateLimit,
  describe: (wait: string) => string = (wait) => `Too many attempts. Try again in ${wait}.`,
): Promise<void> {
  const result = await consumeRateLimit(db, limit);
  if (!result.ok)
    throw new AppError("rate_limited", describe(describeWait(result.retryAfterSeconds)));
}

/** "15 minutes", "1 minute", "30 seconds": for messages that say when to try again. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return countOf(seconds, "second");
  const minutes = Math.ceil(seconds / 60);
  return countOf(minutes, "minute");
}
