import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { profileConnections, profileGroups } from "@/lib/db/schema";
import { requireRole, type WorkspaceCtx } from "./context";

/** How long a started Connect may take on the consent page. */
export const connectionLifetimeMs = 30 * 60_000;

const hashState = (state: string) => createHash("sha256").update(state).digest("hex");

/** Starts a Connect: returns the state value (only its hash is stored). */
export async function createProfileConnection(
  ctx: WorkspaceCtx,
  input: { groupRowId: string; profileIdsBefore: string[] },
  now = new Date(),
): Promise<{ state: string }> {
  requireRole(ctx, "editor");
  const state = randomBytes(32).toString("base64url");
  await ctx.db.insert(profileConnections).values({
    workspaceId: ctx.workspaceId,
    userId: ctx.user.id,
    groupId: input.groupRowId,
    stateHash: hashState(state),
    profileIdsBefore: input.profileIdsBefore,
    expiresAt: new Date(now.getTime() + connectionLifetimeMs),
  });
  return { state };
}

/**
 * Uses a state value once: only for the workspace and user that started it, before it expires.
 * Returns the group it was started for, or null.
 */
export async function consumeProfileConnection(
  ctx: WorkspaceCtx,
  state: string,
  now = new Date(),
): Promise<{ groupId: string; profileIdsBefore: string[] } | null> {
  requireRole(ctx, "editor");
  const [used] = await ctx.db
    .update(profileConnections)
    .set({ usedAt: now })
    .where(
      and(
        eq(profileConnections.stateHash, hashState(state)),
        eq(profileConnections.workspaceId, ctx.workspaceId),
        eq(profileConnections.userId, ctx.user.id),
        isNull(profileConnections.usedAt),
        gt(profileConnections.expiresAt, now),
      ),
    )
    .returning({
      groupRowId: profileConnections.groupId,
      profileIdsBefore: profileConnections.profileIdsBefore,
    });
  if (!used) return null;
  const [group] = await ctx.db
    .select({ postproxyId: profileGroups.postproxyId })
    .from(profileGroups)
    .where(
      and(eq(profileGroups.id, used.groupRowId), eq(profileGroups.workspaceId, ctx.workspaceId)),
    );
  return group ? { groupId: group.postproxyId, profileIdsBefore: used.profileIdsBefore } : null;
}
