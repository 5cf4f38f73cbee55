import "server-only";
// Drizzle select skeletons (select, from, where and(workspaceId, …)) repeat across lib/data:
// each query names its own columns and workspace scope (STYLE.md); a shared builder hides both.
import { and, asc, eq, sql } from "drizzle-orm";
import { memberships, users, workspaces } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { isUniqueViolation, type UserCtx } from "./context";

export async function getAccount(ctx: UserCtx) {
  const [row] = await ctx.db
    .select({ name: users.name, email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, ctx.user.id));
  if (!row) throw new AppError("not_found", "Account not found.");
  return { name: row.name, email: row.email, hasPassword: !!row.passwordHash };
}

/** Only the hash, for checking the current password before a sensitive change. */
export async function getPasswordHash(ctx: UserCtx): Promise<string | null> {
  const [row] = await ctx.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, ctx.user.id));
  return row?.passwordHash ?? null;
}

export async function updateAccountName(ctx: UserCtx, name: string) {
  await ctx.db.update(users).set({ name }).where(eq(users.id, ctx.user.id));
}

export async function updateAccountEmail(ctx: UserCtx, email: string) {
  try {
    await ctx.db.update(users).set({ email }).where(eq(users.id, ctx.user.id));
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("conflict", "Another account uses this email.", {
        email: ["Another account uses this email."],
      });
    throw error;
  }
}

/** The user's workspaces, each saying whether the user is its only owner (who may not leave). */
export async function listAccountWorkspaces(ctx: UserCtx) {
  const owners = ctx.db
    .select({
      workspaceId: memberships.workspaceId,
      count: sql<number>`count(*)::int`.as("owner_count"),
    })
    .from(memberships)
    .where(eq(memberships.role, "owner"))
    .groupBy(memberships.workspaceId)
    .as("owners");
  const rows = await ctx.db
    .select({
      id: workspaces.id,
      name: workspaces.name,
      role: memberships.role,
      ownerCount: owners.count,
    })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .leftJoin(owners, eq(owners.workspaceId, memberships.workspaceId))
    .where(and(eq(memberships.userId, ctx.user.id)))
    .orderBy(asc(workspaces.name));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    isLastOwner: r.role === "owner" && (r.ownerCount ?? 0) <= 1,
  }));
}
