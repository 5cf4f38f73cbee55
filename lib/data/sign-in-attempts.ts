import "server-only";
import { and, eq, gt, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { signInAttempts } from "@/lib/db/schema";

export const signInLimits = {
  windowMs: 15 * 60 * 1000,
  perEmail: 5,
  perIp: 20,
} as const;

export async function recordSignInAttempt(
  db: Db,
  input: { email: string; ip: string; success: boolean },
  now = new Date(),
) {
  const email = input.email.toLowerCase();
  await db
    .insert(signInAttempts)
    .values({ email, ip: input.ip, success: input.success, createdAt: now });
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
}

/**
 * Counted in the database so the limit holds across several app servers. Applies to unknown
 * emails too, so the limit itself reveals nothing about which accounts exist.
 */
export async function isSignInRateLimited(
  db: Db,
  input: { email: string; ip: string },
  now = new Date(),
) {
  const since = new Date(now.getTime() - signInLimits.windowMs);
  const failures = (
    column: typeof signInAttempts.email | typeof signInAttempts.ip,
    value: string,
  ) =>
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(signInAttempts)
      .where(
        and(
          eq(column, value),
          eq(signInAttempts.success, false),
          gt(signInAttempts.createdAt, since),
        ),
      );
  const [[byEmail], [byIp]] = await Promise.all([
    failures(signInAttempts.email, input.email.toLowerCase()),
    failures(signInAttempts.ip, input.ip),
  ]);
  return byEmail.n >= signInLimits.perEmail || byIp.n >= signInLimits.perIp;
}
