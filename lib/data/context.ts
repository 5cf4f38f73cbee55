import type { Db } from "@/lib/db/client";
import { hasRole, type WorkspaceRole } from "@/lib/validation/enums";
import { AppError } from "@/lib/errors";

export type SessionUser = { id: string; email: string; name: string };
export type UserCtx = { db: Db; user: SessionUser };
export type WorkspaceCtx = UserCtx & { workspaceId: string; role: WorkspaceRole };

export function requireRole(ctx: WorkspaceCtx, required: WorkspaceRole) {
  if (!hasRole(ctx.role, required)) {
    throw new AppError("forbidden", `Only a workspace ${required} can do this.`);
  }
}

/** Maps a unique violation (SQLSTATE 23505) to a conflict, whichever driver raised it. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "23505" || e?.cause?.code === "23505";
}
