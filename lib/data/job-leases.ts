import "server-only";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { timingSafeEqual } from "node:crypto";
import { getDb, type Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { requireRole, type WorkspaceCtx } from "./context";
import { jobLeases, workspaces } from "@/lib/db/schema";

/**
 * Takes the job's lease for `ms` unless another holder's lease is still running. Not scoped by
 * workspace: a lease names a job of the whole installation (the sync route behind CRON_SECRET).
 */
export async function takeJobLease(
  db: Db,
  input: { name: string; holder: string; ms: number; now: Date },
): Promise<boolean> {
  const until = new Date(input.now.getTime() + input.ms);
  const rows = await db
    .insert(jobLeases)
    .values({ name: input.name, holder: input.holder, until })
    .onConflictDoUpdate({
      target: jobLeases.name,
      set: { holder: input.holder, until },
      setWhere: sql`${jobLeases.until} <= ${input.now.toISOString()}::timestamptz`,
    })
    .returning({ holder: jobLeases.holder });
  return rows[0]?.holder === input.holder;
}

/** Extends a lease its holder still has; false when it was lost (it ran out and another took it). */
export async function renewJobLease(
  db: Db,
  input: { name: string; holder: string; ms: number; now: Date },
): Promise<boolean> {
  const rows = await db
    .update(jobLeases)
    .set({ until: new Date(input.now.getTime() + input.ms) })
    .where(and(eq(jobLeases.name, input.name), eq(jobLeases.holder, input.holder)))
    .returning({ holder: jobLeases.holder });
  return rows.length > 0;
}

export async function releaseJobLease(db: Db, input: { name: string; holder: string }) {
  await db
    .update(jobLeases)
    // A second back: a taker's clock reading (milliseconds) never falls before the release.
    .set({ until: sql`now() - interval '1 second'` })
    .where(and(eq(jobLeases.name, input.name), eq(jobLeases.holder, input.holder)));
}

/**
 * One workspace's claim on a job (`<job>:<workspace id>`): two app servers or requests never run
 * it for the same workspace at once (e.g. reading its stats from Postproxy). False while another
 * holder's lease runs.
 */
export async function takeWorkspaceLease(
  ctx: WorkspaceCtx,
  input: { job: string; holder: string; ms: number; now: Date },
): Promise<boolean> {
  requireRole(ctx, "viewer");
  return takeJobLease(ctx.db, {
    name: `${input.job}:${ctx.workspaceId}`,
    holder: input.holder,
    ms: input.ms,
    now: input.now,
  });
}

export async function releaseWorkspaceLease(
  ctx: WorkspaceCtx,
  input: { job: string; holder: string },
) {
  requireRole(ctx, "viewer");
  await releaseJobLease(ctx.db, { name: `${input.job}:${ctx.workspaceId}`, holder: input.holder });
}

/**
 * Workspaces the sync visits: those with a Postproxy key. Not scoped: it is the sync route's own
 * list, and each id is opened as a system context (openSystemWorkspaceCtx) before any work.
 */
export async function listWorkspacesWithKey(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(isNotNull(workspaces.postproxyKeyCiphertext));
  return rows.map((r) => r.id);
}

/** The database for a machine entry point (the sync route), after it authorized the call. */
export async function openJobDb(): Promise<Db> {
  return getDb();
}

/** `Authorization: Bearer <CRON_SECRET>`, compared in constant time; no secret set, no access. */
export function isCronAuthorized(authorization: string | null): boolean {
  const secret = getEnv().CRON_SECRET;
  const header = authorization ?? "";
  if (!secret || !header.startsWith("Bearer ")) return false;
  const given = Buffer.from(header.slice("Bearer ".length));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
