import "server-only";
// Drizzle select skeletons (select, from, where and(workspaceId, …)) repeat across lib/data:
// each query names its own columns and workspace scope (STYLE.md); a shared builder hides both.
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { WorkspaceRole } from "@/lib/validation/enums";
import { memberships, users, workspaces } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/uuid";
import type { WorkspaceSettingsInput } from "@/lib/validation/workspace";
import {
  issueWorkspaceCtx,
  openWorkspaceCtx,
  requireRole,
  type SessionUser,
  type UserCtx,
  type WorkspaceCtx,
} from "./context";

export type WorkspaceSummary = { id: string; name: string; role: WorkspaceRole };

export type SessionRecord = {
  user: SessionUser;
  sessionVersion: number;
  /** The workspace a page opens (last used, else the first joined); null with no membership. */
  ctx: WorkspaceCtx | null;
  /** Every workspace of the user, by name (the shell's switcher). */
  workspaces: WorkspaceSummary[];
  /** The active workspace's own settings pages read on every visit (null with no membership). */
  settings: Pick<WorkspaceSettings, "timezone" | "tiktokAuditStatus"> | null;
};

/**
 * Everything a signed-in page needs about its user in one round trip: the user row (with the
 * session version the caller compares), the memberships with their workspaces' names, and from
 * them the active workspace. Read afresh per request, so a removed member or a deleted account
 * loses access at once.
 */
export async function readSessionRecord(db: Db, userId: string): Promise<SessionRecord | null> {
  if (!isUuid(userId)) return null;
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      sessionVersion: users.sessionVersion,
      lastWorkspaceId: users.lastWorkspaceId,
      workspaceId: memberships.workspaceId,
      role: memberships.role,
      joinedAt: memberships.createdAt,
      workspaceName: workspaces.name,
      timezone: workspaces.timezone,
      tiktokAuditStatus: workspaces.tiktokAuditStatus,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(users.id, userId));
  const [first] = rows;
  if (!first) return null;
  const user = { id: first.id, email: first.email, name: first.name };
  const joined = rows.flatMap((r) =>
    r.workspaceId && r.role && r.workspaceName !== null && r.joinedAt
      ? [
          {
            workspaceId: r.workspaceId,
            role: r.role,
            name: r.workspaceName,
            joinedAt: r.joinedAt,
            timezone: r.timezone!,
            tiktokAuditStatus: r.tiktokAuditStatus!,
          },
        ]
      : [],
  );
  const active =
    joined.find((m) => m.workspaceId === first.lastWorkspaceId) ??
    [...joined].sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime())[0];
  return {
    user,
    sessionVersion: first.sessionVersion,
    ctx: active ? issueWorkspaceCtx(db, user, active) : null,
    workspaces: joined
      .map((m) => ({ id: m.workspaceId, name: m.name, role: m.role }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    settings: active
      ? { timezone: active.timezone, tiktokAuditStatus: active.tiktokAuditStatus }
      : null,
  };
}

export async function listUserWorkspaces(ctx: UserCtx): Promise<WorkspaceSummary[]> {
  return ctx.db
    .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, ctx.user.id))
    .orderBy(asc(workspaces.name));
}

/**
 * Resolves the workspace a request acts on: an explicit id must be one the user belongs to;
 * otherwise the one used last, falling back to the first membership.
 */
export async function resolveWorkspaceCtx(
  db: Db,
  user: SessionUser,
  requestedWorkspaceId?: string,
): Promise<WorkspaceCtx | null> {
  if (requestedWorkspaceId) return openWorkspaceCtx(db, user, requestedWorkspaceId);
  const [row] = await db
    .select({ last: users.lastWorkspaceId })
    .from(users)
    .where(eq(users.id, user.id));
  if (row?.last) {
    const ctx = await openWorkspaceCtx(db, user, row.last);
    if (ctx) return ctx;
  }
  const [first] = await db
    .select({ workspaceId: memberships.workspaceId })
    .from(memberships)
    .where(eq(memberships.userId, user.id))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  return first ? openWorkspaceCtx(db, user, first.workspaceId) : null;
}

export async function switchWorkspace(ctx: UserCtx, workspaceId: string) {
  const target = await openWorkspaceCtx(ctx.db, ctx.user, workspaceId);
  if (!target)
    throw new AppError("not_found", "That workspace does not exist or you are not a member.");
  await ctx.db
    .update(users)
    .set({ lastWorkspaceId: target.workspaceId })
    .where(eq(users.id, ctx.user.id));
}

export async function createWorkspace(ctx: UserCtx, name: string): Promise<{ id: string }> {
  return ctx.db.transaction(async (tx) => {
    const [workspace] = await tx
      .insert(workspaces)
      .values({ name })
      .returning({ id: workspaces.id });
    await tx
      .insert(memberships)
      .values({ workspaceId: workspace.id, userId: ctx.user.id, role: "owner" });
    await tx.update(users).set({ lastWorkspaceId: workspace.id }).where(eq(users.id, ctx.user.id));
    return workspace;
  });
}

export type WorkspaceSettings = {
  id: string;
  name: string;
  timezone: string;
  tiktokAuditStatus: WorkspaceSettingsInput["tiktokAuditStatus"];
  apiKeyLast4: string | null;
  apiKeyUpdatedAt: Date | null;
};

export async function getWorkspaceSettings(ctx: WorkspaceCtx): Promise<WorkspaceSettings> {
  requireRole(ctx, "viewer");
  const [row] = await ctx.db
    .select({
      id: workspaces.id,
      name: workspaces.name,
      timezone: workspaces.timezone,
      tiktokAuditStatus: workspaces.tiktokAuditStatus,
      apiKeyLast4: workspaces.postproxyKeyLast4,
      apiKeyUpdatedAt: workspaces.postproxyKeyUpdatedAt,
    })
    .from(workspaces)
    .where(eq(workspaces.id, ctx.workspaceId));
  if (!row) throw new AppError("not_found", "Workspace not found.");
  return row;
}

export async function updateWorkspaceSettings(
  ctx: WorkspaceCtx,
  input: Omit<WorkspaceSettingsInput, "workspaceId">,
) {
  requireRole(ctx, "owner");
  const updated = await ctx.db
    .update(workspaces)
    .set({ name: input.name, timezone: input.timezone, tiktokAuditStatus: input.tiktokAuditStatus })
    .where(eq(workspaces.id, ctx.workspaceId))
    .returning({ id: workspaces.id });
  if (updated.length === 0) throw new AppError("not_found", "Workspace not found.");
}
