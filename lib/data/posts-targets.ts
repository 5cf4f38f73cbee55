import "server-only";
// Drizzle select skeletons (select, from, where and(workspaceId, …)) repeat across lib/data:
// each query names its own columns and workspace scope (STYLE.md); a shared builder hides both.
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { mediaUsages, postEvents, posts, postTargets } from "@/lib/db/schema";
import type { MediaUsageStatus } from "@/lib/validation/media";
import type { LocalPostStatus } from "@/lib/validation/post-view";
import { requireRole, type WorkspaceCtx } from "./context";
import {
  postEventRow,
  storedTargetColumns,
  usageOfPostStatus,
  type PostEventInput,
  type StoredTarget,
  type TargetPatch,
} from "./posts-status";

/** A target still "sending" after this long lost its sender (a crash); it may be claimed again. */
export const staleSendingMs = 15 * 60 * 1000;

export type { TargetPatch } from "./posts-status";

/**
 * The workspace's targets due for a status check, claimed by stamping last_synced_at (so two
 * sync runs never check one target twice): unfinished or unknown ones, published ones still
 * without their TikTok link within the lookup window, and ones stuck in "sending".
 */
export async function claimTargetsToSync(
  ctx: WorkspaceCtx,
  input: { now: Date; minIntervalMs: number; linkWindowMs: number; limit: number },
): Promise<StoredTarget[]> {
  requireRole(ctx, "editor");
  const dueBefore = new Date(input.now.getTime() - input.minIntervalMs).toISOString();
  const staleBefore = new Date(input.now.getTime() - staleSendingMs).toISOString();
  const linkSince = new Date(input.now.getTime() - input.linkWindowMs).toISOString();
  const due = ctx.db
    .select({ id: postTargets.id })
    .from(postTargets)
    .where(
      and(
        eq(postTargets.workspaceId, ctx.workspaceId),
        isNull(postTargets.syncHalt),
        sql`(${postTargets.lastSyncedAt} is null or ${postTargets.lastSyncedAt} <= ${dueBefore}::timestamptz)`,
        or(
          inArray(postTargets.status, ["unknown", "scheduled", "delayed", "processing"]),
          and(
            eq(postTargets.status, "sending"),
            sql`${postTargets.sentAt} <= ${staleBefore}::timestamptz`,
          ),
          and(
            eq(postTargets.status, "published"),
            isNull(postTargets.platformUrl),
            sql`${postTargets.publishedAt} >= ${linkSince}::timestamptz`,
          ),
        ),
      ),
    )
    .orderBy(sql`${postTargets.lastSyncedAt} asc nulls first`)
    .limit(input.limit)
    .for("update", { skipLocked: true });
  return ctx.db
    .update(postTargets)
    .set({ lastSyncedAt: input.now })
    .where(and(eq(postTargets.workspaceId, ctx.workspaceId), inArray(postTargets.id, due)))
    .returning(storedTargetColumns);
}

/**
 * Writes what Postproxy answered for each target sent, their timeline entries and the post's
 * status (decided by the status core), in one statement: one round trip, atomic.
 */
export async function recordSendResults(
  ctx: WorkspaceCtx,
  postId: string,
  results: { targetId: string; patch: TargetPatch; event: Omit<PostEventInput, "postId"> }[],
  options: { status: LocalPostStatus; usageBefore?: MediaUsageStatus },
): Promise<void> {
  requireRole(ctx, "editor");
  const now = new Date();
  const db = ctx.db;
  const usageAfter = usageOfPostStatus[options.status];
  const targetUpdates = results.map(({ targetId, patch }, i) =>
    db.$with(`target_${i}`).as(
      db
        .update(postTargets)
        .set({ ...patch, updatedAt: now })
        .where(
          and(
            eq(postTargets.id, targetId),
            eq(postTargets.workspaceId, ctx.workspaceId),
            eq(postTargets.postId, postId),
          ),
        )
        .returning({ id: postTargets.id }),
    ),
  );
  const events =
    results.length === 0
      ? []
      : [
          db.$with("events").as(
            db
              .insert(postEvents)
              .values(results.map((r) => postEventRow(ctx, { ...r.event, postId }, now)))
              .returning({ id: postEvents.id }),
          ),
        ];
  const usage =
    usageAfter === options.usageBefore
      ? []
      : [
          db.$with("usage").as(
            db
              .update(mediaUsages)
              .set({ status: usageAfter, updatedAt: now })
              .where(
                and(eq(mediaUsages.workspaceId, ctx.workspaceId), eq(mediaUsages.postId, postId)),
              )
              .returning({ id: mediaUsages.id }),
          ),
        ];
  await db
    .with(...targetUpdates, ...events, ...usage)
    .update(posts)
    .set({ status: options.status, updatedAt: now })
    .where(and(eq(posts.id, postId), eq(posts.workspaceId, ctx.workspaceId)));
}
