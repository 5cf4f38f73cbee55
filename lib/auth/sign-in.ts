import "server-only";
import type { Db } from "@/lib/db/client";
import { isSignInRateLimited, recordSignInAttempt } from "@/lib/data/sign-in-attempts";
import { findUserForSignIn } from "@/lib/data/users";
import type { SessionUser } from "@/lib/data/context";
import { signInSchema } from "@/lib/validation/auth";
import { verifyPassword } from "./password";

export class RateLimitedError extends Error {
  constructor() {
    super("RateLimited");
  }
}

/** Returns the user, null for wrong credentials (one message for both cases), or throws when limited. */
export async function authenticate(
  db: Db,
  credentials: unknown,
  ip: string,
): Promise<SessionUser | null> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  if (await isSignInRateLimited(db, { email, ip })) throw new RateLimitedError();
  const user = await findUserForSignIn(db, email);
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  await recordSignInAttempt(db, { email, ip, success: ok });
  if (!ok || !user) return null;
  return { id: user.id, email: user.email, name: user.name };
}
