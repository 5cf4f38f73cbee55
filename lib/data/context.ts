import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { memberships, workspaces } from "@/lib/db/schema";
import { hasRole, type WorkspaceRole } from "@/lib/validation/enums";
import { isUuid } from "@/lib/validation/uuid";
import { AppError } from "@/lib/errors";

export type SessionUser = { id: string; email: string; name: string };
export type UserCtx = { db: Db; user: SessionUser };

// Only this module can name the brand, so a WorkspaceCtx cannot be written as an object literal
// elsewhere; the WeakSet also refuses at run time a copy such as `{ ...ctx, role: "owner" }`.
declare const workspaceCtxBrand: unique symbol;
export type WorkspaceCtx = UserCtx & {
  readonly workspaceId: string;
  readonly role: WorkspaceRole;
  readonly [workspaceCtxBrand]: true;
};

const issuedContexts = new WeakSet<object>();

/**
 * The only way to obtain a WorkspaceCtx: the user's membership is read from the database, and the
 * workspace id is the one the database returns (a client's spelling, e.g. upper-case, never
 * reaches the data layer or the encryption's associated data).
 */
export async function openWorkspaceCtx(
  db: Db,
  user: SessionUser,
  workspaceId: string,
): Promise<WorkspaceCtx | null> {
  // A malformed id is simply not a workspace of the user's (and would make PostgreSQL throw).
  if (!isUuid(workspaceId)) return null;
  const [row] = await db
    .select({ workspaceId: memberships.workspaceId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, user.id), eq(memberships.workspaceId, workspaceId)));
  return row ? issueWorkspaceCtx(db, user, row) : null;
}

/**
 * A context from a membership row this request has just read from the database (the session's
 * one-query read in workspaces.ts); never from anything a client sent.
 */
export function issueWorkspaceCtx(
  db: Db,
  user: SessionUser,
  membership: { workspaceId: string; role: WorkspaceRole },
): WorkspaceCtx {
  const ctx = Object.freeze({
    db,
    user,
    workspaceId: membership.workspaceId,
    role: membership.role,
  });
  issuedContexts.add(ctx);
  return ctx as WorkspaceCtx;
}

/** The actor of a system context: its id is never written as a user id (see `actorIdOf`). */
export const systemUserId = "00000000-0000-0000-0000-000000000000";

/**
 * A context for a verified machine entry point (a webhook whose signature checked out, the sync
 * route behind CRON_SECRET): it acts for the workspace as an editor, with no user behind it.
 * Only those entry points call this; the workspace id is the one the database returns.
 */
export async function openSystemWorkspaceCtx(
  db: Db,
  workspaceId: string,
  source: "webhook" | "sync",
): Promise<WorkspaceCtx | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(workspaceId))
    return null;
  const [row] = await db
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row ? issueSystemWorkspaceCtx(db, row.id, source) : null;
}

/**
 * The same system context for a workspace id just read from a row whose foreign key guarantees
 * the workspace (the webhook receiver's endpoint row, found by its URL id), so it is not read
 * again. Only the verified entry points call this.
 */
export function issueSystemWorkspaceCtx(
  db: Db,
  workspaceId: string,
  source: "webhook" | "sync",
): WorkspaceCtx {
  const user = { id: systemUserId, email: "", name: source === "webhook" ? "Postproxy" : "Sync" };
  const ctx = Object.freeze({ db, user, workspaceId, role: "editor" as const });
  issuedContexts.add(ctx);
  return ctx as WorkspaceCtx;
}

/** The user to name on a timeline entry: none for a system context. */
export function actorIdOf(ctx: WorkspaceCtx): string | null {
  return ctx.user.id === systemUserId ? null : ctx.user.id;
}

/** Refuses a context that openWorkspaceCtx did not issue (a forged or copied one). */
function assertIssuedCtx(ctx: WorkspaceCtx) {
  if (!issuedContexts.has(ctx)) {
    throw new Error("Refusing a workspace context that was not issued by a membership check.");
  }
}

/** The same verified context on another handle, e.g. a transaction (`ctxWithDb(ctx, tx)`). */
export function ctxWithDb(ctx: WorkspaceCtx, db: Db): WorkspaceCtx {
  assertIssuedCtx(ctx);
  const copy = Object.freeze({ ...ctx, db });
  issuedContexts.add(copy);
  return copy;
}

export function requireRole(ctx: WorkspaceCtx, required: WorkspaceRole) {
  assertIssuedCtx(ctx);
  if (!hasRole(ctx.role, required)) {
    throw new AppError("forbidden", `Only a workspace ${required} can do this.`);
  }
}

/** Maps a unique violation (SQLSTATE 23505) to a conflict, whichever driver raised it. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "23505" || e?.cause?.code === "23505";
}
