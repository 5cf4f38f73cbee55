import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { signInAttempts } from "@/lib/db/schema";

export const signInLimits = {
  windowMs: 15 * 60 * 1000,
  perEmail: 5,
  perIp: 20,
} as const;

export async function recordSignInAttempt(db: Db, input: { email: string; ip: string; success: boolean }) {
  await db.insert(signInAttempts).values({ email: input.email.toLowerCase(), ip: input.ip, success: input.success });
}

/**
 * Counted in the database so the limit holds across several app servers. Applies to unknown
 * emails too, so the limit itself reveals nothing about which accounts exist.
 */
export async function isSignInRateLimited(db: Db, input: { email: string; ip: string }, now = new Date()) {
  const since = new Date(now.getTime() - signInLimits.windowMs);
  const failures = (column: typeof signInAttempts.email | typeof signInAttempts.ip, value: string) =>
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(signInAttempts)
      .where(and(eq(column, value), eq(signInAttempts.success, false), gt(signInAttempts.createdAt, since)));
  const [[byEmail], [byIp]] = await Promise.all([
    failures(signInAttempts.email, input.email.toLowerCase()),
    failures(signInAttempts.ip, input.ip),
  ]);
  return byEmail.n >= signInLimits.perEmail || byIp.n >= signInLimits.perIp;
}
