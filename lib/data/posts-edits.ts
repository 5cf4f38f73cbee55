import "server-only";
// Drizzle select skeletons (select, from, where and(workspaceId, …)) repeat across lib/data:
// each query names its own columns and workspace scope (STYLE.md); a shared builder hides both.
import { and, asc, desc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { postEvents, posts, postTargets, users, type PostTargetRequest } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { TikTokSettings } from "@/lib/tiktok/params";
import type { PostEventView } from "@/lib/validation/post-manage";
import type { LocalPostStatus, PostEventSource, TargetStatus } from "@/lib/validation/post-view";
import { isUuid } from "@/lib/validation/uuid";
import { requireRole, type WorkspaceCtx } from "./context";
import { raiseAlertForChangeIn } from "./alerts";
import { postNotFound } from "./posts";
import { lockPost, postEventRow, refreshPostStatusIn } from "./posts-status";

export type ManagedPost = {
  id: string;
  status: LocalPostStatus;
  version: number;
  caption: string;
  settings: TikTokSettings;
  profileIds: string[];
  media: { id: string; kind: "video" | "image" }[];
  scheduleMode: "now" | "schedule" | "draft";
  scheduleAt: string | null;
  timeZone: string;
  scheduledAt: Date | null;
};

export type ManagedTarget = {
  id: string;
  profileId: string;
  profileName: string;
  status: TargetStatus;
  postproxyPostId: string | null;
  editRevision: number;
  request: PostTargetRequest | null;
  scheduledAt: Date | null;
  settings: TikTokSettings | null;
};

const targetFields = {
  id: postTargets.id,
  profileId: postTargets.profileId,
  profileName: postTargets.profileName,
  status: postTargets.status,
  postproxyPostId: postTargets.postproxyPostId,
  editRevision: postTargets.editRevision,
  request: postTargets.request,
  scheduledAt: postTargets.scheduledAt,
  settings: postTargets.settings,
};

/** The post and its targets as edit, cancel and the timeline need them; any member may read. */
export async function loadManagedPost(
  ctx: WorkspaceCtx,
  postId: string,
): Promise<{ post: ManagedPost; targets: ManagedTarget[] }> {
  requireRole(ctx, "viewer");
  if (!isUuid(postId)) throw postNotFound();
  const [post] = await ctx.db
    .select({
      id: posts.id,
      status: posts.status,
      version: posts.version,
      caption: posts.caption,
      settings: posts.settings,
      profileIds: posts.profileIds,
      media: posts.media,
      scheduleMode: posts.scheduleMode,
      scheduleAt: posts.scheduleAt,
      timeZone: posts.timeZone,
      scheduledAt: posts.scheduledAt,
    })
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.workspaceId, ctx.workspaceId)));
  if (!post) throw postNotFound();
  const targets = await ctx.db
    .select(targetFields)
    .from(postTargets)
    .where(and(eq(postTargets.workspaceId, ctx.workspaceId), eq(postTargets.postId, postId)))
    .orderBy(asc(postTargets.createdAt), asc(postTargets.profileName));
  return { post, targets };
}

/**
 * Claims an edit: the post's version moves from `version` to `version + 1` (or `conflict` when
 * someone else moved it first), and each target to edit gets a new edit revision for its key.
 */
export async function claimEdit(
  ctx: WorkspaceCtx,
  input: { postId: string; version: number; targetIds: string[]; now: Date },
): Promise<{ version: number; revisions: Map<string, number> } | null> {
  requireRole(ctx, "editor");
  return ctx.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [claimed] = await tx
      .update(posts)
      .set({ version: sql`${posts.version} + 1` })
      .where(
        and(
          eq(posts.id, input.postId),
          eq(posts.workspaceId, ctx.workspaceId),
          eq(posts.version, input.version),
        ),
      )
      .returning({ version: posts.version });
    if (!claimed) return null;
    const rows = await tx
      .update(postTargets)
      .set({ editRevision: sql`${postTargets.editRevision} + 1` })
      .where(
        and(
          eq(postTargets.workspaceId, ctx.workspaceId),
          eq(postTargets.postId, input.postId),
          inArray(postTargets.id, input.targetIds),
        ),
      )
      .returning({ id: postTargets.id, editRevision: postTargets.editRevision });
    return {
      version: claimed.version,
      revisions: new Map(rows.map((r) => [r.id, r.editRevision])),
    };
  });
}

/** Gives the version back when Postproxy took nothing: no one else sees a change that did not happen. */
export async function releaseEdit(ctx: WorkspaceCtx, postId: string, claimedVersion: number) {
  requireRole(ctx, "editor");
  await ctx.db
    .update(posts)
    .set({ version: claimedVersion - 1 })
    .where(
      and(
        eq(posts.id, postId),
        eq(posts.workspaceId, ctx.workspaceId),
        eq(posts.version, claimedVersion),
      ),
    );
}

/** The post's own fields after an edit Postproxy accepted for at least one profile. */
export async function applyPostEdit(
  ctx: WorkspaceCtx,
  postId: string,
  fields: {
    caption: string;
    settings: TikTokSettings;
    scheduleAt: string;
    timeZone: string;
    scheduledAt: Date;
  },
) {
  requireRole(ctx, "editor");
  await ctx.db
    .update(posts)
    .set({ ...fields, updatedAt: new Date() })
    .where(and(eq(posts.id, postId), eq(posts.workspaceId, ctx.workspaceId)));
}

export type TargetChange = {
  kind: string;
  /** Only what Postproxy confirmed; absent: the target row is not touched (a refusal). */
  patch?: {
    status?: TargetStatus;
    request?: PostTargetRequest;
    scheduledAt?: Date | null;
    settings?: TikTokSettings | null;
    error?: string | null;
  };
  fromStatus?: TargetStatus | null;
  /** For an event about a status someone else wrote (no patch here). */
  toStatus?: TargetStatus | null;
  detail?: Record<string, unknown>;
};

/**
 * THE one place where post management writes a target and its timeline: the target's confirmed
 * change (if any), the post's status derived again when the status moved, and one event. At merge
 * this is the function to route through the publishing status core.
 */
export async function recordTargetChange(
  ctx: WorkspaceCtx,
  ref: { postId: string; targetId: string | null },
  change: TargetChange,
  source: PostEventSource,
  derive: (statuses: TargetStatus[]) => LocalPostStatus,
): Promise<void> {
  requireRole(ctx, "viewer");
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    await lockPost(tx, ctx, ref.postId);
    if (ref.targetId && change.patch) {
      await tx
        .update(postTargets)
        .set({ ...change.patch, updatedAt: now })
        .where(
          and(
            eq(postTargets.id, ref.targetId),
            eq(postTargets.postId, ref.postId),
            eq(postTargets.workspaceId, ctx.workspaceId),
          ),
        );
      if (change.patch.status) await refreshPostStatusIn(tx, ctx, ref.postId, derive);
      if (change.patch.status && change.fromStatus)
        await raiseAlertForChangeIn(
          tx,
          ctx.workspaceId,
          { id: ref.targetId, status: change.fromStatus },
          { ...change.patch, status: change.patch.status },
        );
    }
    await tx.insert(postEvents).values(
      postEventRow(
        ctx,
        {
          postId: ref.postId,
          targetId: ref.targetId,
          kind: change.kind,
          fromStatus: change.fromStatus ?? null,
          toStatus: change.patch?.status ?? change.toStatus ?? null,
          source,
          detail: change.detail,
        },
        now,
      ),
    );
  });
}

/** The latest accepted edit after `version`, for the conflict message: who, when, what. */
export async function latestEditAfter(
  ctx: WorkspaceCtx,
  postId: string,
  since: Date | null,
): Promise<{ actorName: string | null; fields: string[]; at: Date } | null> {
  requireRole(ctx, "viewer");
  const rows = await ctx.db
    .select({ name: users.name, detail: postEvents.detail, at: postEvents.createdAt })
    .from(postEvents)
    .leftJoin(users, eq(users.id, postEvents.actorId))
    .where(
      and(
        eq(postEvents.workspaceId, ctx.workspaceId),
        eq(postEvents.postId, postId),
        eq(postEvents.kind, "edited"),
        since ? gt(postEvents.createdAt, since) : undefined,
      ),
    )
    .orderBy(desc(postEvents.createdAt))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  const fields = Array.isArray(row.detail.fields) ? (row.detail.fields as string[]) : [];
  return { actorName: row.name, fields, at: row.at };
}

/** The post's timeline, oldest first, scoped to the workspace. */
export async function listPostEvents(ctx: WorkspaceCtx, postId: string): Promise<PostEventView[]> {
  requireRole(ctx, "viewer");
  if (!isUuid(postId)) throw postNotFound();
  const rows = await ctx.db
    .select({
      id: postEvents.id,
      kind: postEvents.kind,
      targetId: postEvents.targetId,
      profileName: postTargets.profileName,
      fromStatus: postEvents.fromStatus,
      toStatus: postEvents.toStatus,
      source: postEvents.source,
      actorName: users.name,
      detail: postEvents.detail,
      createdAt: postEvents.createdAt,
    })
    .from(postEvents)
    .leftJoin(users, eq(users.id, postEvents.actorId))
    .leftJoin(postTargets, eq(postTargets.id, postEvents.targetId))
    .where(and(eq(postEvents.workspaceId, ctx.workspaceId), eq(postEvents.postId, postId)))
    .orderBy(asc(postEvents.createdAt), asc(postEvents.id))
    .limit(500);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export function conflictError(message: string) {
  return new AppError("conflict", message);
}
