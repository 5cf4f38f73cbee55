import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { memberships, passwordResetTokens, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { requireRole, type WorkspaceCtx } from "./context";

export const resetLinkLifetimeMs = 60 * 60 * 1000;

export type ResetTokenStatus = "valid" | "expired" | "used" | "invalid";

export const resetTokenMessages: Record<Exclude<ResetTokenStatus, "valid">, string> = {
  expired: "This reset link has expired. Ask for a new one.",
  used: "This reset link has already been used. Ask for a new one if you still need it.",
  invalid: "This reset link is not valid. Check that you copied all of it, or ask for a new one.",
};

function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Issues a one-time link token for a user: random, returned once, stored only as its hash, valid
 * for an hour. Any earlier unused link of the same user stops working.
 */
async function issueToken(
  db: Db,
  input: { userId: string; issuedById?: string; workspaceId?: string },
  now: Date,
) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + resetLinkLifetimeMs);
  await db.transaction(async (tx) => {
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, input.userId), isNull(passwordResetTokens.usedAt)));
    await tx.insert(passwordResetTokens).values({
      userId: input.userId,
      tokenHash: hashToken(token),
      issuedById: input.issuedById ?? null,
      workspaceId: input.workspaceId ?? null,
      expiresAt,
    });
  });
  return { token, expiresAt };
}

/** Self-service: a token for the account with this email, or null when there is none. */
export async function createResetTokenForEmail(db: Db, email: string, now = new Date()) {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.email, email.toLowerCase()));
  if (!user) return null;
  return { user, ...(await issueToken(db, { userId: user.id }, now)) };
}

/** An owner issues a link for another member of their workspace (no email needed). */
export async function createResetTokenForMember(
  ctx: WorkspaceCtx,
  membershipId: string,
  now = new Date(),
) {
  requireRole(ctx, "owner");
  const [member] = await ctx.db
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, membershipId), eq(memberships.workspaceId, ctx.workspaceId)));
  if (!member) throw new AppError("not_found", "That member is not in this workspace.");
  if (member.userId === ctx.user.id)
    throw new AppError("forbidden", "Change your own password in Account settings.");
  const issued = await issueToken(
    ctx.db,
    { userId: member.userId, issuedById: ctx.user.id, workspaceId: ctx.workspaceId },
    now,
  );
  return { member: { email: member.email, name: member.name }, ...issued };
}

export async function getResetTokenStatus(
  db: Db | Tx,
  token: string,
  now = new Date(),
): Promise<ResetTokenStatus> {
  const [row] = await db
    .select({ expiresAt: passwordResetTokens.expiresAt, usedAt: passwordResetTokens.usedAt })
    .from(passwordResetTokens)
    .where(eq(passwordResetTokens.tokenHash, hashToken(token)));
  if (!row) return "invalid";
  if (row.usedAt) return "used";
  if (row.expiresAt <= now) return "expired";
  return "valid";
}

/** For the reset page, which has no session to take a database handle from. */
export async function checkResetLink(token: string): Promise<ResetTokenStatus> {
  return getResetTokenStatus(await getDb(), token);
}

/**
 * Uses a link once: the token is claimed atomically (two tabs cannot both use it), the password
 * replaced, and the session version bumped so every signed-in session of the account ends.
 */
export async function resetPasswordWithToken(
  db: Db,
  input: { token: string; passwordHash: string },
  now = new Date(),
): Promise<{ email: string }> {
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, hashToken(input.token)),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, now),
        ),
      )
      .returning({ id: passwordResetTokens.id, userId: passwordResetTokens.userId });
    if (!claimed) {
      const status = await getResetTokenStatus(tx, input.token, now);
      throw new AppError(
        "invalid_input",
        resetTokenMessages[status === "valid" ? "invalid" : status],
      );
    }
    const [user] = await tx
      .update(users)
      .set({ passwordHash: input.passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, claimed.userId))
      .returning({ email: users.email });
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResetTokens.userId, claimed.userId),
          isNull(passwordResetTokens.usedAt),
          ne(passwordResetTokens.id, claimed.id),
        ),
      );
    return { email: user.email };
  });
}
