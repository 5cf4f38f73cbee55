import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/client";
import { memberships, users, workspaces } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { isUniqueViolation, type SessionUser } from "./context";

export async function findUserById(db: Db, id: string): Promise<SessionUser | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, id));
  return row ?? null;
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
