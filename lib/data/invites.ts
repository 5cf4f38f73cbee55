import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import type { InviteRole } from "@/lib/validation/enums";
import { invites, memberships, users, workspaces } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { requireRole, type SessionUser, type WorkspaceCtx } from "./context";

export const inviteLifetimeMs = 7 * 24 * 60 * 60 * 1000;

function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

/** The raw token is returned once and only its hash is stored, so a database leak grants nothing. */
export async function createInvite(ctx: WorkspaceCtx, role: InviteRole, now = new Date()) {
  requireRole(ctx, "owner");
  const token = randomBytes(32).toString("base64url");
  const [row] = await ctx.db
    .insert(invites)
    .values({
      workspaceId: ctx.workspaceId,
      role,
      tokenHash: hashToken(token),
      createdById: ctx.user.id,
      expiresAt: new Date(now.getTime() + inviteLifetimeMs),
    })
    .returning({ id: invites.id, role: invites.role, expiresAt: invites.expiresAt });
  return { ...row, token };
}

export async function listPendingInvites(ctx: WorkspaceCtx, now = new Date()) {
  requireRole(ctx, "owner");
  return ctx.db
    .select({
      id: invites.id,
      role: invites.role,
      expiresAt: invites.expiresAt,
      createdAt: invites.createdAt,
    })
    .from(invites)
    .where(
      and(
        eq(invites.workspaceId, ctx.workspaceId),
        isNull(invites.usedAt),
        isNull(invites.revokedAt),
        gt(invites.expiresAt, now),
      ),
    )
    .orderBy(desc(invites.createdAt));
}

export async function revokeInvite(ctx: WorkspaceCtx, inviteId: string) {
  requireRole(ctx, "owner");
  const updated = await ctx.db
    .update(invites)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invites.id, inviteId),
        eq(invites.workspaceId, ctx.workspaceId),
        isNull(invites.usedAt),
      ),
    )
    .returning({ id: invites.id });
  if (updated.length === 0)
    throw new AppError("not_found", "That invite does not exist or was already used.");
}

export type InviteStatus =
  | { status: "valid"; workspaceName: string; role: InviteRole; expiresAt: Date }
  | { status: "expired" | "used" | "revoked"; workspaceName: string }
  | { status: "invalid" };

function statusOf(
  row: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
) {
  if (row.usedAt) return "used" as const;
  if (row.revokedAt) return "revoked" as const;
  if (row.expiresAt.getTime() <= now.getTime()) return "expired" as const;
  return "valid" as const;
}

export const inviteMessages = {
  invalid:
    "This invite link is not valid. Check that you copied the whole link, or ask for a new one.",
  expired:
    "This invite link has expired. Invite links work for 7 days; ask the workspace owner for a new one.",
  used: "This invite link has already been used. Each link works once; ask the workspace owner for a new one.",
  revoked: "This invite link was withdrawn by the workspace owner. Ask them for a new one.",
} as const;

/** Public: what the invite page shows before anyone signs in. */
/** For the public invite page, which has no session to build a context from. */
export async function getInviteStatusForToken(token: string) {
  return getInviteStatus(await getDb(), token);
}

export async function getInviteStatus(
  db: Db,
  token: string,
  now = new Date(),
): Promise<InviteStatus> {
  if (!token || token.length > 200) return { status: "invalid" };
  const [row] = await db
    .select({
      role: invites.role,
      expiresAt: invites.expiresAt,
      usedAt: invites.usedAt,
      revokedAt: invites.revokedAt,
      workspaceName: workspaces.name,
    })
    .from(invites)
    .innerJoin(workspaces, eq(workspaces.id, invites.workspaceId))
    .where(eq(invites.tokenHash, hashToken(token)));
  if (!row) return { status: "invalid" };
  const status = statusOf(row, now);
  if (status === "valid")
    return { status, workspaceName: row.workspaceName, role: row.role, expiresAt: row.expiresAt };
  return { status, workspaceName: row.workspaceName };
}

/** Consumes the invite and adds the membership atomically; a second use finds usedAt set. */
export async function acceptInviteInTx(tx: Tx, user: SessionUser, token: string, now = new Date()) {
  const [row] = await tx
    .select({
      id: invites.id,
      workspaceId: invites.workspaceId,
      role: invites.role,
      expiresAt: invites.expiresAt,
      usedAt: invites.usedAt,
      revokedAt: invites.revokedAt,
    })
    .from(invites)
    .where(eq(invites.tokenHash, hashToken(token)))
    .for("update");
  if (!row) throw new AppError("not_found", inviteMessages.invalid);
  const status = statusOf(row, now);
  if (status !== "valid")
    throw new AppError(status === "used" ? "conflict" : "not_found", inviteMessages[status]);
  const [existing] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, row.workspaceId), eq(memberships.userId, user.id)));
  if (existing) throw new AppError("conflict", "You are already a member of this workspace.");
  await tx
    .insert(memberships)
    .values({ workspaceId: row.workspaceId, userId: user.id, role: row.role });
  await tx.update(invites).set({ usedAt: now, usedById: user.id }).where(eq(invites.id, row.id));
  await tx.update(users).set({ lastWorkspaceId: row.workspaceId }).where(eq(users.id, user.id));
  return { workspaceId: row.workspaceId, role: row.role };
}

export async function acceptInvite(db: Db, user: SessionUser, token: string, now = new Date()) {
  return db.transaction((tx) => acceptInviteInTx(tx as Tx, user, token, now));
}
