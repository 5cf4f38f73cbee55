import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { mediaUsages, posts, postTargets, type PostTargetRequest } from "@/lib/db/schema";
import type { MediaUsageStatus } from "@/lib/validation/media";
import {
  derivePostStatus,
  type LocalPostStatus,
  type TargetErrorKind,
  type TargetStatus,
} from "@/lib/validation/post-view";
import { requireRole, type WorkspaceCtx } from "./context";
import { postNotFound } from "./posts";
import { setMediaUsageStatus } from "./posts-media";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A target still "sending" after this long lost its sender (a crash); it may be claimed again. */
export const staleSendingMs = 15 * 60 * 1000;

export type TargetPatch = {
  status: TargetStatus;
  error?: string | null;
  errorKind?: TargetErrorKind | null;
  postproxyPostId?: string | null;
  scheduledAt?: Date | null;
  publishedAt?: Date | null;
  platformUrl?: string | null;
  lastSyncedAt?: Date | null;
};

export async function updateTarget(ctx: WorkspaceCtx, targetId: string, patch: TargetPatch) {
  requireRole(ctx, "viewer");
  await ctx.db
    .update(postTargets)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(postTargets.id, targetId), eq(postTargets.workspaceId, ctx.workspaceId)));
}

const usageOf: Record<LocalPostStatus, MediaUsageStatus> = {
  draft: "draft",
  submitting: "publishing",
  scheduled: "scheduled",
  publishing: "publishing",
  published: "published",
  partially_published: "published",
  failed: "draft",
  cancelled: "draft",
};

/**
 * Sets the post's status from its targets (or back to a draft when every profile refused it and
 * none was taken), and its media usages to match.
 */
export async function refreshPostStatus(
  ctx: WorkspaceCtx,
  postId: string,
  options: { backToDraft?: boolean } = {},
): Promise<LocalPostStatus> {
  requireRole(ctx, "viewer");
  const targets = await ctx.db
    .select({ status: postTargets.status })
    .from(postTargets)
    .where(and(eq(postTargets.workspaceId, ctx.workspaceId), eq(postTargets.postId, postId)));
  const status = options.backToDraft ? "draft" : derivePostStatus(targets.map((t) => t.status));
  const [row] = await ctx.db
    .update(posts)
    .set({ status, updatedAt: new Date() })
    .where(
      and(
        eq(posts.id, postId),
        eq(posts.workspaceId, ctx.workspaceId),
        sql`${posts.status} <> ${status}`,
      ),
    )
    .returning({ id: posts.id });
  if (row) await setMediaUsageStatus(ctx.db, ctx.workspaceId, postId, usageOf[status]);
  return status;
}

/**
 * The post's targets due for a status check (not final, sent to Postproxy, not checked within
 * `minIntervalMs`), claimed by stamping last_synced_at; plus targets stuck in "sending".
 */
export async function claimTargetsToSync(
  ctx: WorkspaceCtx,
  postId: string,
  input: { now: Date; minIntervalMs: number },
): Promise<{
  toSync: {
    id: string;
    profileName: string;
    status: TargetStatus;
    postproxyPostId: string;
    request: PostTargetRequest | null;
  }[];
  abandoned: { id: string }[];
}> {
  requireRole(ctx, "viewer");
  if (!uuidPattern.test(postId)) throw postNotFound();
  const dueBefore = new Date(input.now.getTime() - input.minIntervalMs);
  const toSync = await ctx.db
    .update(postTargets)
    .set({ lastSyncedAt: input.now })
    .where(
      and(
        eq(postTargets.workspaceId, ctx.workspaceId),
        eq(postTargets.postId, postId),
        inArray(postTargets.status, ["scheduled", "processing"]),
        sql`${postTargets.postproxyPostId} is not null`,
        sql`(${postTargets.lastSyncedAt} is null or ${postTargets.lastSyncedAt} <= ${dueBefore.toISOString()}::timestamptz)`,
      ),
    )
    .returning({
      id: postTargets.id,
      profileName: postTargets.profileName,
      status: postTargets.status,
      postproxyPostId: postTargets.postproxyPostId,
      request: postTargets.request,
    });
  const staleBefore = new Date(input.now.getTime() - staleSendingMs);
  const abandoned = await ctx.db
    .select({ id: postTargets.id })
    .from(postTargets)
    .where(
      and(
        eq(postTargets.workspaceId, ctx.workspaceId),
        eq(postTargets.postId, postId),
        eq(postTargets.status, "sending"),
        sql`${postTargets.sentAt} <= ${staleBefore.toISOString()}::timestamptz`,
      ),
    );
  return {
    toSync: toSync.map((t) => ({ ...t, postproxyPostId: t.postproxyPostId! })),
    abandoned,
  };
}

/**
 * Writes what Postproxy answered for each target sent, and the post's status (given, or derived
 * from its targets), atomically. When the status is known it is one statement (one round trip).
 */
export async function recordSendResults(
  ctx: WorkspaceCtx,
  postId: string,
  results: { targetId: string; patch: TargetPatch }[],
  options: { status?: LocalPostStatus; usageBefore?: MediaUsageStatus } = {},
): Promise<LocalPostStatus> {
  requireRole(ctx, "editor");
  const now = new Date();
  const write = async (db: Db, status: LocalPostStatus) => {
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
    const usage =
      usageOf[status] === options.usageBefore
        ? []
        : [
            db.$with("usage").as(
              db
                .update(mediaUsages)
                .set({ status: usageOf[status], updatedAt: now })
                .where(
                  and(eq(mediaUsages.workspaceId, ctx.workspaceId), eq(mediaUsages.postId, postId)),
                )
                .returning({ id: mediaUsages.id }),
            ),
          ];
    await db
      .with(...targetUpdates, ...usage)
      .update(posts)
      .set({ status, updatedAt: now })
      .where(and(eq(posts.id, postId), eq(posts.workspaceId, ctx.workspaceId)));
  };
  if (options.status) {
    await write(ctx.db, options.status);
    return options.status;
  }
  return ctx.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    for (const { targetId, patch } of results)
      await tx
        .update(postTargets)
        .set({ ...patch, updatedAt: now })
        .where(and(eq(postTargets.id, targetId), eq(postTargets.workspaceId, ctx.workspaceId)));
    const rows = await tx
      .select({ status: postTargets.status })
      .from(postTargets)
      .where(and(eq(postTargets.workspaceId, ctx.workspaceId), eq(postTargets.postId, postId)));
    const status = derivePostStatus(rows.map((r) => r.status));
    await tx
      .update(posts)
      .set({ status, updatedAt: now })
      .where(and(eq(posts.id, postId), eq(posts.workspaceId, ctx.workspaceId)));
    await setMediaUsageStatus(tx, ctx.workspaceId, postId, usageOf[status]);
    return status;
  });
}
