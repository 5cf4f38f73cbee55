import "server-only";
import type { Db } from "@/lib/db/client";
import { markSignInSucceeded, reserveSignInAttempt } from "@/lib/data/sign-in-attempts";
import { findUserForSignIn } from "@/lib/data/users";
import type { SessionUser } from "@/lib/data/context";
import { signInSchema } from "@/lib/validation/auth";
import { verifyPassword } from "./password";

export class RateLimitedError extends Error {
  constructor() {
    super("RateLimited");
  }
}

export type SignedInUser = SessionUser & { sessionVersion: number };

/**
 * Returns the user, null for wrong credentials (one message for both cases), or throws when limited.
 * The attempt is counted before the password is verified, so concurrent guesses cannot all slip
 * past the limit.
 */
export async function authenticate(
  db: Db,
  credentials: unknown,
  ip: string,
): Promise<SignedInUser | null> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const attemptId = await reserveSignInAttempt(db, { email, ip });
  if (!attemptId) throw new RateLimitedError();
  const user = await findUserForSignIn(db, email);
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!ok || !user) return null;
  await markSignInSucceeded(db, attemptId);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
