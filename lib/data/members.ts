import "server-only";
// Drizzle select skeletons (select, from, where and(workspaceId, …)) repeat across lib/data:
// each query names its own columns and workspace scope (STYLE.md); a shared builder hides both.
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { WorkspaceRole } from "@/lib/validation/enums";
import { memberships, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { requireRole, type WorkspaceCtx } from "./context";
import type { Tx } from "@/lib/db/client";

export type Member = {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: WorkspaceRole;
  joinedAt: Date;
  /** The account also belongs to another workspace, so an owner here may not reset its password. */
  isInOtherWorkspaces: boolean;
};

export async function listMembers(ctx: WorkspaceCtx): Promise<Member[]> {
  requireRole(ctx, "viewer");
  return ctx.db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
      isInOtherWorkspaces: sql<boolean>`exists (select 1 from ${memberships} as other where other.user_id = ${memberships.userId} and other.id <> ${memberships.id})`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, ctx.workspaceId))
    .orderBy(asc(memberships.createdAt));
}

async function lockMembership(tx: Tx, ctx: WorkspaceCtx, membershipId: string) {
  const [row] = await tx
    .select({ id: memberships.id, role: memberships.role, userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.workspaceId, ctx.workspaceId)))
    .for("update");
  if (!row) throw new AppError("not_found", "That member is not in this workspace.");
  return row;
}

/** Counting other owners under a row lock keeps two concurrent demotions from leaving none. */
async function assertAnotherOwner(tx: Tx, ctx: WorkspaceCtx, membershipId: string) {
  const owners = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.workspaceId, ctx.workspaceId),
        eq(memberships.role, "owner"),
        ne(memberships.id, membershipId),
      ),
    )
    .for("update");
  if (owners.length === 0) {
    throw new AppError(
      "conflict",
      "A workspace needs at least one owner. Make someone else an owner first.",
    );
  }
}

export async function changeMemberRole(
  ctx: WorkspaceCtx,
  input: { membershipId: string; role: WorkspaceRole },
) {
  requireRole(ctx, "owner");
  await ctx.db.transaction(async (tx) => {
    const member = await lockMembership(tx, ctx, input.membershipId);
    if (member.role === input.role) return;
    if (member.role === "owner") await assertAnotherOwner(tx, ctx, member.id);
    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.id, member.id), eq(memberships.workspaceId, ctx.workspaceId)));
  });
}

export async function removeMember(ctx: WorkspaceCtx, input: { membershipId: string }) {
  requireRole(ctx, "owner");
  await ctx.db.transaction(async (tx) => {
    const member = await lockMembership(tx, ctx, input.membershipId);
    if (member.role === "owner") await assertAnotherOwner(tx, ctx, member.id);
    await tx
      .delete(memberships)
      .where(and(eq(memberships.id, member.id), eq(memberships.workspaceId, ctx.workspaceId)));
    // A removed member who had this workspace open lands in another one next time.
    await tx
      .update(users)
      .set({ lastWorkspaceId: null })
      .where(and(eq(users.id, member.userId), eq(users.lastWorkspaceId, ctx.workspaceId)));
  });
}

/** The signed-in user leaves the workspace; its last owner cannot (someone must keep it). */
export async function leaveWorkspace(ctx: WorkspaceCtx) {
  requireRole(ctx, "viewer");
  await ctx.db.transaction(async (tx) => {
    const [own] = await tx
      .select({ id: memberships.id, role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.userId, ctx.user.id)))
      .for("update");
    if (!own) throw new AppError("not_found", "You are not a member of this workspace.");
    if (own.role === "owner") await assertAnotherOwner(tx, ctx, own.id);
    await tx.delete(memberships).where(eq(memberships.id, own.id));
    await tx
      .update(users)
      .set({ lastWorkspaceId: null })
      .where(and(eq(users.id, ctx.user.id), eq(users.lastWorkspaceId, ctx.workspaceId)));
  });
}
