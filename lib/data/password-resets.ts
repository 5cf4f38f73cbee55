import "server-only";
// Drizzle select skeletons (select, from, where and(workspaceId, …)) repeat across lib/data:
// each query names its own columns and workspace scope (STYLE.md); a shared builder hides both.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { memberships, passwordResetTokens, users, workspaces } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { requireRole, type WorkspaceCtx } from "./context";

export const resetLinkLifetimeMs = 60 * 60 * 1000;

export type ResetTokenStatus = "valid" | "expired" | "used" | "invalid" | "revoked";

export const resetTokenMessages: Record<Exclude<ResetTokenStatus, "valid">, string> = {
  expired: "This reset link has expired. Ask for a new one.",
  used: "This reset link has already been used. Ask for a new one if you still need it.",
  invalid: "This reset link is not valid. Check that you copied all of it, or ask for a new one.",
  revoked:
    "This reset link no longer applies: the account's workspaces changed after a workspace owner made it. Use “Forgot your password?” on the sign-in page to get a link by email.",
};

/** How a password was reset, for the notice sent to the account afterwards. */
export type ResetRoute =
  { kind: "self" } | { kind: "owner"; issuerName: string; workspaceName: string };

type OwnerLink = {
  userId: string;
  membershipId: string | null;
  workspaceId: string | null;
  issuedById: string | null;
};

/**
 * An account is global, so an owner may reset it only while their workspace wholly controls it:
 * the member is in this workspace alone, through the membership the link names, and the issuer is
 * still its owner. Returns why not, or null. Checked at issue and again in the claiming transaction.
 */
async function ownerResetRefusal(
  db: Db | Tx,
  link: OwnerLink,
): Promise<"removed" | "elsewhere" | "issuer" | null> {
  if (!link.membershipId || !link.workspaceId || !link.issuedById) return "removed";
  const rows = await db
    .select({
      id: memberships.id,
      userId: memberships.userId,
      workspaceId: memberships.workspaceId,
      role: memberships.role,
    })
    .from(memberships)
    .where(inArray(memberships.userId, [link.userId, link.issuedById]));
  const member = rows.find(
    (r) =>
      r.id === link.membershipId && r.userId === link.userId && r.workspaceId === link.workspaceId,
  );
  if (!member) return "removed";
  if (rows.some((r) => r.userId === link.userId && r.id !== link.membershipId)) return "elsewhere";
  const issuerIsOwner = rows.some(
    (r) => r.userId === link.issuedById && r.workspaceId === link.workspaceId && r.role === "owner",
  );
  return issuerIsOwner ? null : "issuer";
}

function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Issues a one-time link token for a user: random, returned once, stored only as its hash, valid
 * for an hour. Any earlier unused link of the same user stops working.
 */
async function issueToken(
  db: Db,
  input: { userId: string; issuedById?: string; workspaceId?: string; membershipId?: string },
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
      membershipId: input.membershipId ?? null,
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

/**
 * An owner issues a link for another member of their workspace, only for an account the workspace
 * wholly controls (see ownerResetRefusal); anyone else resets their own password by email.
 */
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
  const refusal = await ownerResetRefusal(ctx.db, {
    userId: member.userId,
    membershipId,
    workspaceId: ctx.workspaceId,
    issuedById: ctx.user.id,
  });
  if (refusal === "elsewhere")
    throw new AppError(
      "forbidden",
      `${member.name}'s account also belongs to another workspace, so only they can reset its password: ask them to use “Forgot your password?” on the sign-in page.`,
    );
  if (refusal) throw new AppError("forbidden", "Only an owner of this workspace can do that.");
  const issued = await issueToken(
    ctx.db,
    {
      userId: member.userId,
      issuedById: ctx.user.id,
      workspaceId: ctx.workspaceId,
      membershipId,
    },
    now,
  );
  return { member: { email: member.email, name: member.name }, ...issued };
}

const ownerLinkColumns = {
  userId: passwordResetTokens.userId,
  membershipId: passwordResetTokens.membershipId,
  workspaceId: passwordResetTokens.workspaceId,
  issuedById: passwordResetTokens.issuedById,
};

export async function getResetTokenStatus(
  db: Db | Tx,
  token: string,
  now = new Date(),
): Promise<ResetTokenStatus> {
  const [row] = await db
    .select({
      ...ownerLinkColumns,
      expiresAt: passwordResetTokens.expiresAt,
      usedAt: passwordResetTokens.usedAt,
    })
    .from(passwordResetTokens)
    .where(eq(passwordResetTokens.tokenHash, hashToken(token)));
  if (!row) return "invalid";
  if (row.usedAt) return "used";
  if (row.expiresAt <= now) return "expired";
  if (row.issuedById !== null || row.workspaceId !== null) {
    if (await ownerResetRefusal(db, row)) return "revoked";
  }
  return "valid";
}

/** For the reset page, which has no session to take a database handle from. */
export async function checkResetLink(token: string): Promise<ResetTokenStatus> {
  return getResetTokenStatus(await getDb(), token);
}

/**
 * Uses a link once: the token is claimed atomically (two tabs cannot both use it), the password
 * replaced, and the session version bumped so every signed-in session of the account ends. An
 * owner-issued link is checked again in the same transaction; if the workspace no longer wholly
 * controls the account the claim stands (the link is void) and the password is left unchanged.
 */
export async function resetPasswordWithToken(
  db: Db,
  input: { token: string; passwordHash: string },
  now = new Date(),
): Promise<{ email: string; route: ResetRoute }> {
  type Outcome =
    | { refused: Exclude<ResetTokenStatus, "valid"> }
    | { refused: null; email: string; route: ResetRoute };
  const outcome = await db.transaction(async (tx): Promise<Outcome> => {
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
      .returning({ id: passwordResetTokens.id, ...ownerLinkColumns });
    if (!claimed) {
      const status = await getResetTokenStatus(tx, input.token, now);
      return { refused: status === "valid" ? "invalid" : status };
    }
    const ownerIssued = claimed.issuedById !== null || claimed.workspaceId !== null;
    if (ownerIssued && (await ownerResetRefusal(tx, claimed))) return { refused: "revoked" };
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
    return { refused: null, email: user.email, route: await resetRoute(tx, claimed) };
  });
  if (outcome.refused) throw new AppError("invalid_input", resetTokenMessages[outcome.refused]);
  return { email: outcome.email, route: outcome.route };
}

async function resetRoute(tx: Tx, link: OwnerLink): Promise<ResetRoute> {
  if (!link.issuedById || !link.workspaceId) return { kind: "self" };
  const [row] = await tx
    .select({ issuerName: users.name, workspaceName: workspaces.name })
    .from(users)
    .innerJoin(workspaces, eq(workspaces.id, link.workspaceId))
    .where(eq(users.id, link.issuedById));
  return {
    kind: "owner",
    issuerName: row?.issuerName ?? "an owner",
    workspaceName: row?.workspaceName ?? "a workspace",
  };
}
