import "server-only";
import { and, eq, gt, lt, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/client";
import { signInAttempts } from "@/lib/db/schema";
import { lockCounter } from "./rate-limits";

export const signInLimits = {
  windowMs: 15 * 60 * 1000,
  perEmail: 5,
  perIp: 20,
} as const;

/** Records an attempt and returns its id; prunes this email's and this IP's expired ones. */
export async function recordSignInAttempt(
  db: Db | Tx,
  input: { email: string; ip: string; success: boolean },
  now = new Date(),
): Promise<string> {
  const email = input.email.toLowerCase();
  const [row] = await db
    .insert(signInAttempts)
    .values({ email, ip: input.ip, success: input.success, createdAt: now })
    .returning({ id: signInAttempts.id });
  // Rows older than the window no longer count; pruning this email's and this IP's keeps the table
  // small without a separate job, and both deletes use the (email|ip, created_at) indexes.
  const expired = new Date(now.getTime() - signInLimits.windowMs);
  await db
    .delete(signInAttempts)
    .where(
      or(
        and(eq(signInAttempts.email, email), lt(signInAttempts.createdAt, expired)),
        and(eq(signInAttempts.ip, input.ip), lt(signInAttempts.createdAt, expired)),
      ),
    );
  return row.id;
}

/**
 * Counted in the database so the limit holds across several app servers. Applies to unknown
 * emails too, so the limit itself reveals nothing about which accounts exist.
 */
export async function isSignInRateLimited(
  db: Db | Tx,
  input: { email: string; ip: string },
  now = new Date(),
) {
  const since = new Date(now.getTime() - signInLimits.windowMs);
  const failures = async (
    column: typeof signInAttempts.email | typeof signInAttempts.ip,
    value: string,
  ) => {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(signInAttempts)
      .where(
        and(
          eq(column, value),
          eq(signInAttempts.success, false),
          gt(signInAttempts.createdAt, since),
        ),
      );
    return row.n;
  };
  const byEmail = await failures(signInAttempts.email, input.email.toLowerCase());
  const byIp = await failures(signInAttempts.ip, input.ip);
  return byEmail >= signInLimits.perEmail || byIp >= signInLimits.perIp;
}

/**
 * Check and record in one step, before the password is verified: the attempt is recorded as a
 * failure under per-email and per-IP locks, so of any number of concurrent attempts at most the
 * limit get to verify a password. Returns null when limited (nothing recorded), else the attempt id
 * to mark as a success once the password checks out.
 */
export async function reserveSignInAttempt(
  db: Db,
  input: { email: string; ip: string },
  now = new Date(),
): Promise<string | null> {
  const email = input.email.toLowerCase();
  return db.transaction(async (tx) => {
    // Always email first, then IP, so two attempts can never wait on each other's lock.
    await lockCounter(tx, `sign-in:email:${email}`);
    await lockCounter(tx, `sign-in:ip:${input.ip}`);
    if (await isSignInRateLimited(tx, { email, ip: input.ip }, now)) return null;
    return recordSignInAttempt(tx, { email, ip: input.ip, success: false }, now);
  });
}

export async function markSignInSucceeded(db: Db, attemptId: string) {
  await db.update(signInAttempts).set({ success: true }).where(eq(signInAttempts.id, attemptId));
}
