import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/client";
import {
  alerts,
  mediaUsages,
  posts,
  postEvents,
  postTargets,
  type PostTargetRequest,
} from "@/lib/db/schema";
import { describeAlert } from "@/lib/validation/alerts";
import type { MediaUsageStatus } from "@/lib/validation/media";
import type {
  LocalPostStatus,
  PostEventSource,
  TargetErrorKind,
  TargetStatus,
} from "@/lib/validation/post-view";
import { alertKindOfChange } from "./alerts";
import { actorIdOf, requireRole, type WorkspaceCtx } from "./context";
import { setMediaUsageStatus } from "./posts-media";

export type TargetPatch = {
  status: TargetStatus;
  error?: string | null;
  errorKind?: TargetErrorKind | null;
  postproxyPostId?: string | null;
  scheduledAt?: Date | null;
  publishedAt?: Date | null;
  platformUrl?: string | null;
  lastSyncedAt?: Date | null;
  apiKeyFingerprint?: string | null;
  syncHalt?: string | null;
};

/** A timeline entry as the status core writes it. */
export type PostEventInput = {
  postId: string;
  targetId?: string | null;
  kind: string;
  fromStatus?: TargetStatus | null;
  toStatus?: TargetStatus | null;
  source: PostEventSource;
  detail?: Record<string, unknown>;
};

export const usageOfPostStatus: Record<LocalPostStatus, MediaUsageStatus> = {
  draft: "draft",
  submitting: "publishing",
  scheduled: "scheduled",
  publishing: "publishing",
  published: "published",
  partially_published: "published",
  failed: "draft",
  cancelled: "draft",
};

export function postEventRow(ctx: WorkspaceCtx, e: PostEventInput, now: Date) {
  return {
    workspaceId: ctx.workspaceId,
    postId: e.postId,
    targetId: e.targetId ?? null,
    kind: e.kind,
    fromStatus: e.fromStatus ?? null,
    toStatus: e.toStatus ?? null,
    source: e.source,
    actorId: actorIdOf(ctx),
    detail: e.detail ?? {},
    createdAt: now,
  };
}

/** Adds entries to posts' timelines (only posts of the context's workspace). */
export async function recordPostEvents(ctx: WorkspaceCtx, events: PostEventInput[]) {
  requireRole(ctx, "viewer");
  if (events.length === 0) return;
  const now = new Date();
  const ids = [...new Set(events.map((e) => e.postId))];
  const owned = await ctx.db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.workspaceId, ctx.workspaceId), inArray(posts.id, ids)));
  const ownedIds = new Set(owned.map((p) => p.id));
  const rows = events.filter((e) => ownedIds.has(e.postId)).map((e) => postEventRow(ctx, e, now));
  if (rows.length > 0) await ctx.db.insert(postEvents).values(rows);
}

/** What the status core reads of a target before judging a report about it. */
export type StoredTarget = {
  id: string;
  postId: string;
  profileId: string;
  profileName: string;
  status: TargetStatus;
  postproxyPostId: string | null;
  platformUrl: string | null;
  request: PostTargetRequest | null;
  revision: number;
  sentAt: Date | null;
  scheduledAt: Date | null;
  publishedAt: Date | null;
  apiKeyFingerprint: string | null;
};

export const storedTargetColumns = {
  id: postTargets.id,
  postId: postTargets.postId,
  profileId: postTargets.profileId,
  profileName: postTargets.profileName,
  status: postTargets.status,
  postproxyPostId: postTargets.postproxyPostId,
  platformUrl: postTargets.platformUrl,
  request: postTargets.request,
  revision: postTargets.revision,
  sentAt: postTargets.sentAt,
  scheduledAt: postTargets.scheduledAt,
  publishedAt: postTargets.publishedAt,
  apiKeyFingerprint: postTargets.apiKeyFingerprint,
};

/** The workspace's target that Postproxy knows as `postproxyPostId`, if recorded yet. */
export async function findTargetByPostproxyId(
  ctx: WorkspaceCtx,
  postproxyPostId: string,
): Promise<StoredTarget | null> {
  requireRole(ctx, "viewer");
  const [row] = await ctx.db
    .select(storedTargetColumns)
    .from(postTargets)
    .where(
      and(
        eq(postTargets.workspaceId, ctx.workspaceId),
        eq(postTargets.postproxyPostId, postproxyPostId),
      ),
    );
  return row ?? null;
}

/**
 * Writes one target's change decided by the status core, atomically with its timeline entry, the
 * post's status (`derive` is the core's rule, passed down so this layer holds none) and the alert
 * it raises. The update is conditional on the status and attempt the core judged: a concurrent
 * change wins and this one is dropped (returns false), so two reports can never both move a target.
 */
export async function writeTargetChange(ctx: WorkspaceCtx, change: TargetChange): Promise<boolean> {
  requireRole(ctx, "editor");
  return ctx.db.transaction(async (tx) => {
    await lockPost(tx, ctx, change.target.postId);
    const locked = await readLockedTarget(tx, ctx, change.target.id);
    if (!locked) return false;
    return (await writeLockedTargetChange(tx, ctx, locked, change)).moved;
  });
}

export type TargetChange = {
  target: Pick<StoredTarget, "id" | "postId" | "status" | "postproxyPostId">;
  patch: Partial<TargetPatch> & { status: TargetStatus };
  event: Omit<PostEventInput, "postId" | "targetId" | "fromStatus" | "toStatus">;
  derive: (statuses: TargetStatus[]) => LocalPostStatus;
  now: Date;
};

/** A target as it is under its post's lock, with what its change's writes need. */
export type LockedTarget = Pick<
  StoredTarget,
  "id" | "postId" | "profileName" | "status" | "postproxyPostId" | "platformUrl" | "revision"
> & {
  /** The statuses of the post's other targets. */
  otherStatuses: TargetStatus[];
  caption: string;
};

/** postgres.js answers an array of rows, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? result : (result as { rows: T[] }).rows;
}

/** One statement: the target and its post's other statuses (call after lockPost). */
export async function readLockedTarget(
  tx: Db | Tx,
  ctx: WorkspaceCtx,
  targetId: string,
): Promise<LockedTarget | null> {
  const [row] = rowsOf<{
    id: string;
    post_id: string;
    profile_name: string;
    status: TargetStatus;
    postproxy_post_id: string | null;
    platform_url: string | null;
    revision: number;
    caption: string | null;
    others: TargetStatus[] | string;
  }>(
    await tx.execute(sql`
      select t.id, t.post_id, t.profile_name, t.status, t.postproxy_post_id, t.platform_url,
             t.revision, p.caption,
             array(select o.status::text from ${postTargets} o
                   where o.post_id = t.post_id and o.workspace_id = t.workspace_id and o.id <> t.id)
               as others
      from ${postTargets} t join ${posts} p on p.id = t.post_id
      where t.id = ${targetId} and t.workspace_id = ${ctx.workspaceId}`),
  );
  if (!row) return null;
  return {
    id: row.id,
    postId: row.post_id,
    profileName: row.profile_name,
    status: row.status,
    postproxyPostId: row.postproxy_post_id,
    platformUrl: row.platform_url,
    revision: Number(row.revision),
    caption: row.caption ?? "",
    otherStatuses: parseTextArray(row.others) as TargetStatus[],
  };
}

/** A text[] as the driver hands it: postgres.js parses it, PGlite may give `{a,b}`. */
function parseTextArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, "");
  return inner ? inner.split(",").map((s) => s.replace(/^"|"$/g, "")) : [];
}

const snakeCase = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const toParam = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/**
 * The writes of one decided change, in one statement, inside the caller's transaction that holds
 * the post's lock and read `locked`: the conditional target update, and only if it moved, the
 * timeline entry, the post's derived status (and its media's usage), and the alert with its
 * outbox entry. `also` adds a statement's CTE that runs with them (the receiver's delivery
 * outcome). Returns whether the target moved and whether an alert was raised.
 */
export async function writeLockedTargetChange(
  tx: Db | Tx,
  ctx: WorkspaceCtx,
  locked: LockedTarget,
  change: TargetChange,
  also?: (moved: SQL) => SQL,
): Promise<{ moved: boolean; alerted: boolean }> {
  const { target, patch, now } = change;
  const at = now.toISOString();
  const sets = Object.entries({ ...patch, updatedAt: now })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => sql`${sql.identifier(snakeCase(k))} = ${toParam(v)}`);
  const samePost = target.postproxyPostId
    ? sql`postproxy_post_id = ${target.postproxyPostId}`
    : sql`postproxy_post_id is null`;
  const event = postEventRow(
    ctx,
    {
      ...change.event,
      postId: target.postId,
      targetId: target.id,
      fromStatus: target.status,
      toStatus: patch.status,
    },
    now,
  );
  const postStatus =
    patch.status !== target.status ? change.derive([...locked.otherStatuses, patch.status]) : null;
  const postWrite = postStatus
    ? sql`, post_row as (
        update ${posts} set status = ${postStatus}, updated_at = ${at}::timestamptz
        where id = ${target.postId} and workspace_id = ${ctx.workspaceId}
          and status <> ${postStatus} and status <> 'draft' and exists (select 1 from moved)
        returning id),
      usage_rows as (
        update ${mediaUsages} set status = ${usageOfPostStatus[postStatus]}, updated_at = ${at}::timestamptz
        where workspace_id = ${ctx.workspaceId} and post_id in (select id from post_row))`
    : sql``;
  const alertKind = alertKindOfChange(target.status, patch);
  let alertWrite = sql``;
  if (alertKind) {
    const postproxyPostId =
      patch.postproxyPostId !== undefined ? patch.postproxyPostId : locked.postproxyPostId;
    const dedupeKey = `${alertKind}:${target.id}:r${locked.revision}:${postproxyPostId ?? "-"}`;
    const text = describeAlert({
      kind: alertKind,
      error: patch.error,
      profileName: locked.profileName,
      caption: locked.caption,
    });
    alertWrite = sql`, alert_row as (
        insert into ${alerts} (workspace_id, post_id, target_id, kind, dedupe_key, profile_name,
                               headline, detail, who_acts, fix)
        select ${ctx.workspaceId}::uuid, ${target.postId}::uuid, ${target.id}::uuid,
               ${alertKind}::alert_kind, ${dedupeKey}::text, ${locked.profileName}::text,
               ${text.headline}::text, ${text.detail}::text, ${text.whoActs}::text, ${text.fix}::text
        from moved
        on conflict do nothing
        returning id)`;
  }
  const moved = sql`exists (select 1 from moved)`;
  const [row] = rowsOf<{ moved: boolean; alerted: boolean }>(
    await tx.execute(sql`
      with moved as (
        update ${postTargets} set ${sql.join(sets, sql`, `)}
        where id = ${target.id} and workspace_id = ${ctx.workspaceId}
          and status = ${target.status} and ${samePost}
        returning id),
      event_row as (
        insert into ${postEvents} (workspace_id, post_id, target_id, kind, from_status, to_status,
                                   source, actor_id, detail, created_at)
        select ${event.workspaceId}::uuid, ${event.postId}::uuid, ${event.targetId}::uuid,
               ${event.kind}::text, ${event.fromStatus}::post_target_status,
               ${event.toStatus}::post_target_status, ${event.source}::post_event_source,
               ${event.actorId}::uuid, ${JSON.stringify(event.detail)}::text::jsonb,
               ${at}::timestamptz
        from moved)
      ${postWrite}
      ${alertWrite}
      ${also ? sql`, ${also(moved)}` : sql``}
      select ${moved} as moved,
             ${alertKind ? sql`exists (select 1 from alert_row)` : sql`false`} as alerted`),
  );
  return { moved: !!row?.moved, alerted: !!row?.alerted };
}

/**
 * Taken first in every transaction that changes a target: two targets of one post changing at
 * once (the sync checks several in parallel) must not each derive the post's status without the
 * other's move, and taking it before any write (an event row's foreign key share-locks the post)
 * keeps two such transactions from deadlocking.
 */
export async function lockPost(db: Db | Tx, ctx: WorkspaceCtx, postId: string) {
  await db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.workspaceId, ctx.workspaceId)))
    .for("update");
}

/** Derives and stores the post's status from its targets (inside the caller's locked transaction). */
export async function refreshPostStatusIn(
  db: Db | Tx,
  ctx: WorkspaceCtx,
  postId: string,
  derive: (statuses: TargetStatus[]) => LocalPostStatus,
) {
  // Its callers run it in the transaction that changed a target, after taking lockPost.
  const rows = await db
    .select({ status: postTargets.status })
    .from(postTargets)
    .where(and(eq(postTargets.workspaceId, ctx.workspaceId), eq(postTargets.postId, postId)));
  const status = derive(rows.map((r) => r.status));
  const [row] = await db
    .update(posts)
    .set({ status, updatedAt: new Date() })
    .where(
      and(
        eq(posts.id, postId),
        eq(posts.workspaceId, ctx.workspaceId),
        sql`${posts.status} <> ${status}`,
        // A post every profile refused went back to being a draft; reports cannot revive it.
        sql`${posts.status} <> 'draft'`,
      ),
    )
    .returning({ id: posts.id });
  if (row) await setMediaUsageStatus(db, ctx.workspaceId, postId, usageOfPostStatus[status]);
  return status;
}

/** Sets the post's status from its targets with the status core's rule. */
export async function refreshPostStatus(
  ctx: WorkspaceCtx,
  postId: string,
  derive: (statuses: TargetStatus[]) => LocalPostStatus,
): Promise<LocalPostStatus> {
  requireRole(ctx, "viewer");
  return ctx.db.transaction(async (tx) => {
    await lockPost(tx, ctx, postId);
    return refreshPostStatusIn(tx, ctx, postId, derive);
  });
}
