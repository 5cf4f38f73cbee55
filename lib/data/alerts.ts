import "server-only";
// Drizzle select skeletons (select, from, where and(workspaceId, …)) repeat across lib/data:
// each query names its own columns and workspace scope (STYLE.md); a shared builder hides both.
import { and, desc, eq, gt, inArray, isNull, lte, notExists, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/client";
import {
  alertEmailOptOuts,
  alertReads,
  alerts,
  memberships,
  posts,
  postTargets,
  users,
} from "@/lib/db/schema";
import {
  alertRetentionDays,
  describeAlert,
  type AlertKind,
  type AlertListView,
  type MarkAlertsReadInput,
} from "@/lib/validation/alerts";
import type { TargetStatus } from "@/lib/validation/post-view";
import { requireRole, type WorkspaceCtx } from "./context";

const dayMs = 24 * 60 * 60 * 1000;

/** Which alert a target's change raises, if any (PRODUCT.md §5). */
export function alertKindOfChange(
  from: TargetStatus,
  patch: { status: TargetStatus; syncHalt?: string | null },
): AlertKind | null {
  if (patch.status === "failed" && from !== "failed") return "target_failed";
  if (patch.status === "delayed" && from !== "delayed") return "target_delayed";
  if (patch.status === "unknown" && patch.syncHalt === "unresolved") return "target_unknown";
  if (from === "published" && (patch.status === "cancelled" || patch.syncHalt === "not_found"))
    return "post_removed";
  return null;
}

/**
 * Writes an alert (and so its outbox entry) on the caller's transaction. The dedupe key is unique
 * per workspace: the same event raised twice (a replayed webhook, a second sync) adds nothing.
 */
export async function raiseAlertIn(
  tx: Db | Tx,
  workspaceId: string,
  input: {
    kind: AlertKind;
    targetId: string;
    dedupeKey: string;
    error?: string | null;
    profileStatus?: string | null;
  },
): Promise<boolean> {
  const [row] = await tx
    .select({
      postId: postTargets.postId,
      profileName: postTargets.profileName,
      caption: posts.caption,
    })
    .from(postTargets)
    .innerJoin(posts, eq(posts.id, postTargets.postId))
    .where(and(eq(postTargets.id, input.targetId), eq(postTargets.workspaceId, workspaceId)));
  if (!row) return false;
  const text = describeAlert({ ...input, profileName: row.profileName, caption: row.caption });
  const inserted = await tx
    .insert(alerts)
    .values({
      workspaceId,
      postId: row.postId,
      targetId: input.targetId,
      kind: input.kind,
      dedupeKey: input.dedupeKey,
      profileName: row.profileName,
      ...text,
    })
    .onConflictDoNothing()
    .returning({ id: alerts.id });
  return inserted.length > 0;
}

/** The alert a status change raises, written with it (called inside the status transaction). */
export async function raiseAlertForChangeIn(
  tx: Db | Tx,
  workspaceId: string,
  target: { id: string; status: TargetStatus },
  patch: { status: TargetStatus; syncHalt?: string | null; error?: string | null },
) {
  const kind = alertKindOfChange(target.status, patch);
  if (!kind) return;
  const [t] = await tx
    .select({ revision: postTargets.revision, ppId: postTargets.postproxyPostId })
    .from(postTargets)
    .where(and(eq(postTargets.id, target.id), eq(postTargets.workspaceId, workspaceId)));
  if (!t) return;
  await raiseAlertIn(tx, workspaceId, {
    kind,
    targetId: target.id,
    dedupeKey: `${kind}:${target.id}:r${t.revision}:${t.ppId ?? "-"}`,
    error: patch.error,
  });
}

/** The member's alerts of the last 90 days (newest first) and how many are unread. */
export async function listAlerts(
  ctx: WorkspaceCtx,
  now = new Date(),
  limit = 50,
): Promise<AlertListView> {
  requireRole(ctx, "viewer");
  const since = new Date(now.getTime() - alertRetentionDays * dayMs);
  const readByMe = sql<boolean>`exists (select 1 from ${alertReads} where ${alertReads.alertId} = ${alerts.id} and ${alertReads.userId} = ${ctx.user.id})`;
  const scope = and(eq(alerts.workspaceId, ctx.workspaceId), gt(alerts.createdAt, since));
  const rows = await ctx.db
    .select({
      id: alerts.id,
      kind: alerts.kind,
      postId: alerts.postId,
      profileName: alerts.profileName,
      headline: alerts.headline,
      detail: alerts.detail,
      whoActs: alerts.whoActs,
      fix: alerts.fix,
      createdAt: alerts.createdAt,
      isRead: readByMe,
    })
    .from(alerts)
    .where(scope)
    .orderBy(desc(alerts.createdAt), desc(alerts.id))
    .limit(limit);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(alerts)
    .where(
      and(
        scope,
        notExists(
          ctx.db
            .select({ one: sql`1` })
            .from(alertReads)
            .where(and(eq(alertReads.alertId, alerts.id), eq(alertReads.userId, ctx.user.id))),
        ),
      ),
    );
  return {
    alerts: rows.map((r) => ({ ...r, isRead: !!r.isRead, createdAt: r.createdAt.toISOString() })),
    unread: Number(count?.n ?? 0),
  };
}

/** Marks alerts read for the member; ids of another workspace's alerts change nothing. */
export async function markAlertsRead(
  ctx: WorkspaceCtx,
  input: MarkAlertsReadInput,
): Promise<number> {
  requireRole(ctx, "viewer");
  const mine = await ctx.db
    .select({ id: alerts.id })
    .from(alerts)
    .where(
      and(
        eq(alerts.workspaceId, ctx.workspaceId),
        "ids" in input ? inArray(alerts.id, input.ids) : undefined,
      ),
    );
  if (mine.length === 0) return 0;
  await ctx.db
    .insert(alertReads)
    .values(mine.map((a) => ({ alertId: a.id, userId: ctx.user.id })))
    .onConflictDoNothing();
  return mine.length;
}

export type OutboxAlert = {
  id: string;
  postId: string;
  headline: string;
  detail: string;
  whoActs: string;
  fix: string;
  profileName: string;
  emailDoneAt: Date | null;
  slackDoneAt: Date | null;
  attempts: number;
  createdAt: Date;
};

/**
 * Takes the workspace's alerts whose sends are owed and due, pushing their next attempt `leaseMs`
 * ahead in the same statement: two drains (the sync and an immediate one) never take one alert
 * at once, and one that died mid-send is taken again once the lease ends.
 */
export async function claimOutbox(
  ctx: WorkspaceCtx,
  now: Date,
  leaseMs = 2 * 60 * 1000,
  limit = 50,
): Promise<OutboxAlert[]> {
  requireRole(ctx, "editor");
  const due = ctx.db
    .select({ id: alerts.id })
    .from(alerts)
    .where(
      and(
        eq(alerts.workspaceId, ctx.workspaceId),
        lte(alerts.nextAttemptAt, now),
        or(isNull(alerts.emailDoneAt), isNull(alerts.slackDoneAt)),
      ),
    )
    .orderBy(alerts.createdAt)
    .limit(limit);
  return ctx.db
    .update(alerts)
    .set({ nextAttemptAt: new Date(now.getTime() + leaseMs) })
    .where(
      and(
        eq(alerts.workspaceId, ctx.workspaceId),
        inArray(alerts.id, due),
        lte(alerts.nextAttemptAt, now),
      ),
    )
    .returning({
      id: alerts.id,
      postId: alerts.postId,
      headline: alerts.headline,
      detail: alerts.detail,
      whoActs: alerts.whoActs,
      fix: alerts.fix,
      profileName: alerts.profileName,
      emailDoneAt: alerts.emailDoneAt,
      slackDoneAt: alerts.slackDoneAt,
      attempts: alerts.attempts,
      createdAt: alerts.createdAt,
    });
}

/** Records a channel delivered (or not owed) for these alerts. */
export async function markAlertsSent(
  ctx: WorkspaceCtx,
  ids: string[],
  channel: "email" | "slack",
  now: Date,
) {
  requireRole(ctx, "editor");
  if (ids.length === 0) return;
  await ctx.db
    .update(alerts)
    .set(channel === "email" ? { emailDoneAt: now } : { slackDoneAt: now })
    .where(and(eq(alerts.workspaceId, ctx.workspaceId), inArray(alerts.id, ids)));
}

/** A failed send: tried again after a backoff that doubles (1 min … 6 h). */
export async function deferAlert(
  ctx: WorkspaceCtx,
  alert: Pick<OutboxAlert, "id" | "attempts">,
  error: string,
  now: Date,
) {
  requireRole(ctx, "editor");
  const delayMs = Math.min(6 * 60 * 60 * 1000, 60 * 1000 * 2 ** alert.attempts);
  await ctx.db
    .update(alerts)
    .set({
      attempts: alert.attempts + 1,
      lastError: error.slice(0, 500),
      nextAttemptAt: new Date(now.getTime() + delayMs),
    })
    .where(and(eq(alerts.workspaceId, ctx.workspaceId), eq(alerts.id, alert.id)));
}

/** How many of the workspace's alerts were emailed since `since` (the digest rule). */
export async function countEmailedSince(ctx: WorkspaceCtx, since: Date): Promise<number> {
  requireRole(ctx, "viewer");
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(alerts)
    .where(and(eq(alerts.workspaceId, ctx.workspaceId), gt(alerts.emailDoneAt, since)));
  return Number(row?.n ?? 0);
}

/** Editors and owners who have not turned email alerts off. */
export async function listAlertEmailRecipients(ctx: WorkspaceCtx): Promise<string[]> {
  requireRole(ctx, "viewer");
  const rows = await ctx.db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.workspaceId, ctx.workspaceId),
        inArray(memberships.role, ["owner", "editor"]),
        notExists(
          ctx.db
            .select({ one: sql`1` })
            .from(alertEmailOptOuts)
            .where(
              and(
                eq(alertEmailOptOuts.workspaceId, ctx.workspaceId),
                eq(alertEmailOptOuts.userId, memberships.userId),
              ),
            ),
        ),
      ),
    );
  return rows.map((r) => r.email);
}

export async function getAlertEmailPreference(ctx: WorkspaceCtx): Promise<boolean> {
  requireRole(ctx, "viewer");
  const [row] = await ctx.db
    .select({ userId: alertEmailOptOuts.userId })
    .from(alertEmailOptOuts)
    .where(
      and(
        eq(alertEmailOptOuts.workspaceId, ctx.workspaceId),
        eq(alertEmailOptOuts.userId, ctx.user.id),
      ),
    );
  return !row;
}

/** The member's own choice: email alerts on or off for this workspace. */
export async function setAlertEmailPreference(ctx: WorkspaceCtx, isOn: boolean) {
  requireRole(ctx, "viewer");
  if (isOn) {
    await ctx.db
      .delete(alertEmailOptOuts)
      .where(
        and(
          eq(alertEmailOptOuts.workspaceId, ctx.workspaceId),
          eq(alertEmailOptOuts.userId, ctx.user.id),
        ),
      );
    return;
  }
  await ctx.db
    .insert(alertEmailOptOuts)
    .values({ workspaceId: ctx.workspaceId, userId: ctx.user.id })
    .onConflictDoNothing();
}

/** Alerts older than the 90 days the list keeps are deleted. */
export async function purgeOldAlerts(ctx: WorkspaceCtx, now: Date): Promise<number> {
  requireRole(ctx, "editor");
  const gone = await ctx.db
    .delete(alerts)
    .where(
      and(
        eq(alerts.workspaceId, ctx.workspaceId),
        lte(alerts.createdAt, new Date(now.getTime() - alertRetentionDays * dayMs)),
      ),
    )
    .returning({ id: alerts.id });
  return gone.length;
}
