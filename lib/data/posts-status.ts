import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/client";
import { posts, postEvents, postTargets, type PostTargetRequest } from "@/lib/db/schema";
import type { MediaUsageStatus } from "@/lib/validation/media";
import type {
  LocalPostStatus,
  PostEventSource,
  TargetErrorKind,
  TargetStatus,
} from "@/lib/validation/post-view";
import { raiseAlertForChangeIn } from "./alerts";
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
 * Writes one target's change decided by the status core, atomically with its timeline entry and
 * the post's status (`derive` is the core's rule, passed down so this layer holds none). The
 * update is conditional on the status and attempt the core judged: a concurrent change wins and
 * this one is dropped (returns false), so two reports can never both move a target.
 */
export async function writeTargetChange(
  ctx: WorkspaceCtx,
  change: {
    target: Pick<StoredTarget, "id" | "postId" | "status" | "postproxyPostId">;
    patch: Partial<TargetPatch> & { status: TargetStatus };
    event: Omit<PostEventInput, "postId" | "targetId" | "fromStatus" | "toStatus">;
    derive: (statuses: TargetStatus[]) => LocalPostStatus;
    now: Date;
  },
): Promise<boolean> {
  requireRole(ctx, "editor");
  const { target, patch, now } = change;
  return ctx.db.transaction(async (tx) => {
    await lockPost(tx, ctx, target.postId);
    const samePost = target.postproxyPostId
      ? eq(postTargets.postproxyPostId, target.postproxyPostId)
      : sql`${postTargets.postproxyPostId} is null`;
    const moved = await tx
      .update(postTargets)
      .set({ ...patch, updatedAt: now })
      .where(
        and(
          eq(postTargets.id, target.id),
          eq(postTargets.workspaceId, ctx.workspaceId),
          eq(postTargets.status, target.status),
          samePost,
        ),
      )
      .returning({ id: postTargets.id });
    if (moved.length === 0) return false;
    await tx.insert(postEvents).values(
      postEventRow(
        ctx,
        {
          ...change.event,
          postId: target.postId,
          targetId: target.id,
          fromStatus: target.status,
          toStatus: patch.status,
        },
        now,
      ),
    );
    if (patch.status !== target.status)
      await refreshPostStatusIn(tx, ctx, target.postId, change.derive);
    // The alert (and its outbox entry) commits with the change or not at all.
    await raiseAlertForChangeIn(tx, ctx.workspaceId, target, patch);
    return true;
  });
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
