import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { posts, postTargets, type PostTargetRequest } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { publishTexts } from "@/lib/tiktok/texts";
import type { MediaUsageStatus } from "@/lib/validation/media";
import type { DraftInput } from "@/lib/validation/post";
import {
  derivePostStatus,
  type LocalPostStatus,
  type TargetErrorKind,
  type TargetStatus,
} from "@/lib/validation/post-view";
import { requireRole, type WorkspaceCtx } from "./context";
import { acceptedTargetStatuses, postColumnsOf, postNotFound } from "./posts";
import { setMediaUsageStatus, syncMediaUsages } from "./posts-media";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A target still "sending" after this long lost its sender (a crash); it may be claimed again. */
export const staleSendingMs = 15 * 60 * 1000;

export type ExistingTarget = {
  id: string;
  profileId: string;
  profileName: string;
  status: TargetStatus;
  errorKind: TargetErrorKind | null;
  postproxyPostId: string | null;
  revision: number;
  request: PostTargetRequest | null;
  sentAt: Date | null;
};

const existingColumns = {
  id: postTargets.id,
  profileId: postTargets.profileId,
  profileName: postTargets.profileName,
  status: postTargets.status,
  errorKind: postTargets.errorKind,
  postproxyPostId: postTargets.postproxyPostId,
  revision: postTargets.revision,
  request: postTargets.request,
  sentAt: postTargets.sentAt,
};

export function isAccepted(t: Pick<ExistingTarget, "status">): boolean {
  return (acceptedTargetStatuses as readonly TargetStatus[]).includes(t.status);
}

/** A target whose last send got no clear answer: it may exist on Postproxy. */
export function isUnknownOutcome(t: Pick<ExistingTarget, "status" | "errorKind">): boolean {
  return t.status === "failed" && t.errorKind === "retryable";
}

/** The targets of a post being submitted again (validation needs the accepted ones). */
export async function listPostTargetsForSubmit(
  ctx: WorkspaceCtx,
  postId: string,
): Promise<ExistingTarget[]> {
  requireRole(ctx, "editor");
  if (!uuidPattern.test(postId)) throw postNotFound();
  const [post] = await ctx.db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.workspaceId, ctx.workspaceId)));
  if (!post) throw postNotFound();
  return ctx.db
    .select(existingColumns)
    .from(postTargets)
    .where(and(eq(postTargets.workspaceId, ctx.workspaceId), eq(postTargets.postId, post.id)));
}

export type TargetProfile = { profileId: string; profileName: string; avatarUrl: string | null };

export type ClaimedTarget = {
  id: string;
  profileId: string;
  profileName: string;
  revision: number;
  request: PostTargetRequest;
};

/**
 * Writes the post and claims the targets to send, in one transaction: new profiles get a target,
 * refused ones a new revision, ones whose last send got no answer keep their exact request (the
 * same Idempotency-Key must carry the same request), accepted ones are left alone.
 */
export async function claimSubmission(
  ctx: WorkspaceCtx,
  input: {
    values: DraftInput;
    profiles: TargetProfile[];
    requestFor: (profileId: string) => PostTargetRequest;
    scheduledAt: Date | null;
    usageStatus: MediaUsageStatus;
    now: Date;
  },
): Promise<{ postId: string; claimed: ClaimedTarget[]; kept: TargetStatus[] }> {
  requireRole(ctx, "editor");
  const { values, now } = input;
  return ctx.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const columns = postColumnsOf(values, "UTC");
    let postId: string;
    if (values.postId) {
      const [row] = await tx
        .select({ id: posts.id })
        .from(posts)
        .where(and(eq(posts.id, values.postId), eq(posts.workspaceId, ctx.workspaceId)))
        .for("update");
      if (!row) throw postNotFound();
      postId = row.id;
      await tx
        .update(posts)
        .set({ ...columns, status: "submitting", submittedAt: now, updatedAt: now })
        .where(eq(posts.id, postId));
    } else {
      const [row] = await tx
        .insert(posts)
        .values({
          ...columns,
          workspaceId: ctx.workspaceId,
          createdById: ctx.user.id,
          status: "submitting",
          submittedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: posts.id });
      postId = row.id;
    }
    const isNewPost = !values.postId;
    const existing = isNewPost
      ? []
      : await tx
          .select(existingColumns)
          .from(postTargets)
          .where(and(eq(postTargets.workspaceId, ctx.workspaceId), eq(postTargets.postId, postId)));
    const byProfile = new Map(existing.map((e) => [e.profileId, e]));
    const claimed: ClaimedTarget[] = [];
    const inserts: (typeof postTargets.$inferInsert)[] = [];
    const targetTime = input.scheduledAt ?? now;
    for (const profile of input.profiles) {
      const current = byProfile.get(profile.profileId);
      if (current && isAccepted(current)) continue;
      if (
        current?.status === "sending" &&
        now.getTime() - (current.sentAt?.getTime() ?? 0) < staleSendingMs
      )
        throw new AppError("conflict", publishTexts.inFlight(current.profileName));
      const keepsRequest =
        current && (isUnknownOutcome(current) || current.status === "sending") && current.request;
      const request = keepsRequest ? current.request! : input.requestFor(profile.profileId);
      // A new revision (a new Idempotency-Key) only once the previous one is known to be refused
      // or failed; an unanswered one is resent as it was.
      const revision =
        current && !keepsRequest && (current.status === "failed" || current.postproxyPostId)
          ? current.revision + 1
          : (current?.revision ?? 0);
      const set = {
        profileName: profile.profileName,
        profileAvatarUrl: profile.avatarUrl,
        status: "sending" as const,
        error: null,
        errorKind: null,
        revision,
        request,
        sentAt: now,
        scheduledAt: targetTime,
        postproxyPostId: keepsRequest ? current!.postproxyPostId : null,
        publishedAt: null,
        platformUrl: null,
        updatedAt: now,
      };
      if (current) {
        await tx
          .update(postTargets)
          .set({ ...set, attempts: sql`${postTargets.attempts} + 1` })
          .where(eq(postTargets.id, current.id));
        claimed.push({ id: current.id, ...pick(profile), revision, request });
      } else {
        // Ids made here so one insert writes every new target.
        const id = randomUUID();
        inserts.push({
          ...set,
          id,
          workspaceId: ctx.workspaceId,
          postId,
          profileId: profile.profileId,
          attempts: 1,
          createdAt: now,
        });
        claimed.push({ id, ...pick(profile), revision, request });
      }
    }
    if (inserts.length > 0) await tx.insert(postTargets).values(inserts);
    const chosen = input.profiles.map((p) => p.profileId);
    // Profiles taken off the post: only targets Postproxy never took can go.
    if (!isNewPost)
      await tx
        .delete(postTargets)
        .where(
          and(
            eq(postTargets.postId, postId),
            chosen.length ? notInArray(postTargets.profileId, chosen) : sql`true`,
            inArray(postTargets.status, ["pending", "failed", "cancelled"]),
            sql`not (${postTargets.status} = 'failed' and ${postTargets.errorKind} = 'retryable')`,
          ),
        );
    await syncMediaUsages(
      tx,
      ctx.workspaceId,
      postId,
      columns.media.map((m) => m.id),
      input.usageStatus,
      { verified: true, isNewPost },
    );
    const kept = existing.filter(
      (e) => chosen.includes(e.profileId) && !claimed.some((c) => c.id === e.id),
    );
    return { postId, claimed, kept: kept.map((k) => k.status) };
  });
}

function pick(p: TargetProfile) {
  return { profileId: p.profileId, profileName: p.profileName };
}

/** Claims one failed target for a retry; refused unless its failure is one a resend can fix. */
export async function claimRetry(
  ctx: WorkspaceCtx,
  input: {
    postId: string;
    targetId: string;
    now: Date;
    refresh: (r: PostTargetRequest) => PostTargetRequest;
  },
): Promise<ClaimedTarget> {
  requireRole(ctx, "editor");
  if (!uuidPattern.test(input.postId) || !uuidPattern.test(input.targetId)) throw postNotFound();
  return ctx.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [target] = await tx
      .select(existingColumns)
      .from(postTargets)
      .where(
        and(
          eq(postTargets.id, input.targetId),
          eq(postTargets.postId, input.postId),
          eq(postTargets.workspaceId, ctx.workspaceId),
        ),
      )
      .for("update");
    if (!target) throw postNotFound();
    if (!isUnknownOutcome(target) || !target.request)
      throw new AppError("conflict", publishTexts.notRetryable);
    // Postproxy took the last revision and it failed on TikTok: only a new post can go out now.
    const isNewPost = target.postproxyPostId !== null;
    const revision = isNewPost ? target.revision + 1 : target.revision;
    const request = isNewPost ? input.refresh(target.request) : target.request;
    await tx
      .update(postTargets)
      .set({
        status: "sending",
        error: null,
        errorKind: null,
        revision,
        request,
        sentAt: input.now,
        postproxyPostId: isNewPost ? null : target.postproxyPostId,
        attempts: sql`${postTargets.attempts} + 1`,
        updatedAt: input.now,
      })
      .where(eq(postTargets.id, target.id));
    await tx
      .update(posts)
      .set({ status: "submitting", updatedAt: input.now })
      .where(eq(posts.id, input.postId));
    return {
      id: target.id,
      profileId: target.profileId,
      profileName: target.profileName,
      revision,
      request,
    };
  });
}

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
 * Sets the post's status when the caller already knows every target's (just sent): the post row
 * and, when their status changes, its media usages, in parallel.
 */
export async function setPostStatus(
  ctx: WorkspaceCtx,
  postId: string,
  status: LocalPostStatus,
  usageBefore: MediaUsageStatus,
) {
  requireRole(ctx, "viewer");
  await Promise.all([
    ctx.db
      .update(posts)
      .set({ status, updatedAt: new Date() })
      .where(and(eq(posts.id, postId), eq(posts.workspaceId, ctx.workspaceId))),
    usageOf[status] === usageBefore
      ? null
      : setMediaUsageStatus(ctx.db, ctx.workspaceId, postId, usageOf[status]),
  ]);
}

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
