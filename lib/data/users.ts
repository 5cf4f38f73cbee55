import "server-only";
import { eq, sql } from "drizzle-orm";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Db, Tx } from "@/lib/db/client";
import { memberships, users, workspaces } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { ChangePasswordInput } from "@/lib/validation/account";
import { isUniqueViolation, type SessionUser, type UserCtx } from "./context";
import { enforceRateLimit } from "./rate-limits";

/** The user behind a session and the session version their tokens must carry to be valid. */
export async function getSessionVersion(db: Db, userId: string): Promise<number | null> {
  const [row] = await db
    .select({ sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, userId));
  return row?.sessionVersion ?? null;
}

/** Ends every session of the user: tokens carrying the old version are refused from now on. */
export async function bumpSessionVersion(db: Db | Tx, userId: string): Promise<number> {
  const [row] = await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  if (!row) throw new AppError("not_found", "This account no longer exists.");
  return row.sessionVersion;
}

export const changePasswordLimit = { limit: 5, windowMs: 15 * 60 * 1000 } as const;

/**
 * Checks the current password, stores the new one and ends every other session (the version is
 * bumped; the caller re-issues the current session with the returned version). Attempts are
 * limited per user so a borrowed session cannot be used to guess the password.
 */
export async function changePassword(
  ctx: UserCtx,
  input: Pick<ChangePasswordInput, "currentPassword" | "newPassword">,
): Promise<{ sessionVersion: number }> {
  await enforceRateLimit(ctx.db, {
    scope: "change-password:user",
    key: ctx.user.id,
    ...changePasswordLimit,
  });
  const [row] = await ctx.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, ctx.user.id));
  if (!row) throw new AppError("not_found", "This account no longer exists.");
  if (!row.passwordHash) {
    throw new AppError("invalid_input", "This account signs in with GitHub or Google.", {
      currentPassword: ["This account has no password: it signs in with GitHub or Google."],
    });
  }
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new AppError("invalid_input", "Your current password is not correct.", {
      currentPassword: ["This is not your current password."],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, ctx.user.id));
    return { sessionVersion: await bumpSessionVersion(tx, ctx.user.id) };
  });
}

export async function findUserForSignIn(db: Db, email: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.email, email.toLowerCase()));
  return row ?? null;
}

/**
 * Creates a user. Without an invite the user also gets a workspace of their own as its owner;
 * with one, joining happens in the same transaction (see acceptInviteInTx).
 */
export async function createUser(
  db: Db,
  input: { email: string; name: string; passwordHash: string | null; timezone?: string },
  options: { withWorkspace: boolean; onCreated?: (tx: Tx, user: SessionUser) => Promise<void> },
): Promise<SessionUser> {
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({
          email: input.email.toLowerCase(),
          name: input.name,
          passwordHash: input.passwordHash,
        })
        .returning({ id: users.id, email: users.email, name: users.name });
      if (options.withWorkspace) {
        const [workspace] = await tx
          .insert(workspaces)
          .values({
            name: `${input.name.split(" ")[0]}'s workspace`,
            timezone: input.timezone ?? "UTC",
          })
          .returning({ id: workspaces.id });
        await tx
          .insert(memberships)
          .values({ workspaceId: workspace.id, userId: user.id, role: "owner" });
        await tx.update(users).set({ lastWorkspaceId: workspace.id }).where(eq(users.id, user.id));
      }
      await options.onCreated?.(tx as Tx, user);
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      // The form shows this at the email field with a link to sign in.
      throw new AppError("conflict", "An account with this email already exists.", {
        email: ["An account with this email already exists."],
      });
    }
    throw error;
  }
}
