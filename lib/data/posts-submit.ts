import "server-only";
// Drizzle select skeletons (select, from, where and(workspaceId, …)) repeat across lib/data:
// each query names its own columns and workspace scope (STYLE.md); a shared builder hides both.
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import {
  mediaFiles,
  mediaUsages,
  posts,
  postTargets,
  type PostTargetRequest,
} from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { publishTexts } from "@/lib/tiktok/texts";
import type { MediaUsageStatus } from "@/lib/validation/media";
import type { DraftInput } from "@/lib/validation/post";
import {
  isSentTargetStatus,
  type TargetErrorKind,
  type TargetStatus,
} from "@/lib/validation/post-view";
import { requireRole, type WorkspaceCtx } from "./context";
import { staleSendingMs } from "./posts-targets";
import { mediaIdsOf, postRows } from "./post-rows";
import { postNotFound } from "./posts";
import { syncMediaUsages } from "./posts-media";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  return isSentTargetStatus(t.status);
}

/** A failure a resend (a new revision, a new Idempotency-Key) can fix: 429, 401, 403. */
export function isRetryableFailure(t: Pick<ExistingTarget, "status" | "errorKind">): boolean {
  return t.status === "failed" && t.errorKind === "retryable";
}

/** Sent posts are changed on their page (never by the composer's create path). */
export const alreadySent = () => new AppError("conflict", publishTexts.alreadySent);

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
    /** Built by publishing for each profile (the request a new revision sends). */
    requests: Map<string, PostTargetRequest>;
    apiKeyFingerprint: string | null;
    scheduledAt: Date | null;
    usageStatus: MediaUsageStatus;
    now: Date;
  },
): Promise<{ postId: string; claimed: ClaimedTarget[]; kept: TargetStatus[] }> {
  requireRole(ctx, "editor");
  const { values, now } = input;
  const existingId = values.postId;
  if (!existingId) return claimNewPost(ctx, input);
  return ctx.db.transaction(async (tx) => {
    const row = await postRows.lockForUpdate(tx, ctx, existingId);
    if (!row) throw postNotFound();
    // Only a draft (never sent, or refused by every profile) goes through the composer again.
    if (row.status !== "draft") throw alreadySent();
    const postId = row.id;
    await postRows.update(tx, ctx, postId, {
      input: values,
      status: "submitting",
      now,
      fallbackTimeZone: "UTC",
    });
    const existing = await tx
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
      const keepsRequest = current?.status === "sending" && current.request;
      const request = keepsRequest ? current.request! : input.requests.get(profile.profileId)!;
      // Each attempt has its own key: a resend after a refusal is a new revision.
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
        apiKeyFingerprint: input.apiKeyFingerprint,
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
    await tx
      .delete(postTargets)
      .where(
        and(
          eq(postTargets.postId, postId),
          chosen.length ? notInArray(postTargets.profileId, chosen) : sql`true`,
          inArray(postTargets.status, ["pending", "failed", "cancelled"]),
        ),
      );
    await syncMediaUsages(tx, ctx.workspaceId, postId, mediaIdsOf(values), input.usageStatus, {
      verified: true,
      isNewPost: false,
    });
    const kept = existing.filter(
      (e) => chosen.includes(e.profileId) && !claimed.some((c) => c.id === e.id),
    );
    return { postId, claimed, kept: kept.map((k) => k.status) };
  });
}

/**
 * A new post, its targets and its media usages in one statement (data-modifying CTEs): one round
 * trip and one commit, which must be durable before Postproxy is called.
 */
async function claimNewPost(
  ctx: WorkspaceCtx,
  input: Parameters<typeof claimSubmission>[1],
): Promise<{ postId: string; claimed: ClaimedTarget[]; kept: TargetStatus[] }> {
  const { values, now } = input;
  const db = ctx.db;
  // Validation requires a profile; one insert of targets needs at least one row.
  if (input.profiles.length === 0)
    throw new AppError("invalid_input", "Choose at least one profile to post to.");
  const postId = randomUUID();
  const claimed: ClaimedTarget[] = input.profiles.map((profile) => ({
    id: randomUUID(),
    ...pick(profile),
    revision: 0,
    request: input.requests.get(profile.profileId)!,
  }));
  const mediaIds = mediaIdsOf(values);
  const post = db.$with("new_post").as(
    postRows.insert(db, ctx, {
      id: postId,
      input: values,
      status: "submitting",
      now,
      fallbackTimeZone: "UTC",
    }),
  );
  const usages = db.$with("new_usages").as(
    db
      .insert(mediaUsages)
      .values(
        mediaIds.map((mediaId, position) => ({
          workspaceId: ctx.workspaceId,
          mediaId,
          postId,
          status: input.usageStatus,
          position,
        })),
      )
      .returning({ id: mediaUsages.id }),
  );
  const firstUse = db.$with("first_use").as(
    db
      .update(mediaFiles)
      .set({ firstAttachedAt: sql`now()` })
      .where(
        and(
          eq(mediaFiles.workspaceId, ctx.workspaceId),
          inArray(mediaFiles.id, mediaIds),
          isNull(mediaFiles.firstAttachedAt),
        ),
      )
      .returning({ id: mediaFiles.id }),
  );
  const ctes = mediaIds.length > 0 ? [post, usages, firstUse] : [post];
  await db
    .with(...ctes)
    .insert(postTargets)
    .values(
      claimed.map((target, i) => ({
        id: target.id,
        workspaceId: ctx.workspaceId,
        postId,
        profileId: target.profileId,
        profileName: target.profileName,
        profileAvatarUrl: input.profiles[i].avatarUrl,
        status: "sending" as const,
        revision: 0,
        attempts: 1,
        request: target.request,
        sentAt: now,
        scheduledAt: input.scheduledAt ?? now,
        apiKeyFingerprint: input.apiKeyFingerprint,
        createdAt: now,
        updatedAt: now,
      })),
    );
  return { postId, claimed, kept: [] };
}

function pick(p: TargetProfile) {
  return { profileId: p.profileId, profileName: p.profileName };
}

/**
 * Claims one failed target for a retry, as a new revision (a new Idempotency-Key) with fresh
 * links; refused unless its failure is one a resend can fix. Unknown outcomes are never resent
 * by hand: only the status core's replay under the same key may resend them.
 */
export async function claimRetry(
  ctx: WorkspaceCtx,
  input: {
    postId: string;
    targetId: string;
    now: Date;
    refresh: (r: PostTargetRequest) => PostTargetRequest;
    apiKeyFingerprint: string | null;
  },
): Promise<ClaimedTarget> {
  requireRole(ctx, "editor");
  if (!uuidPattern.test(input.postId) || !uuidPattern.test(input.targetId)) throw postNotFound();
  return ctx.db.transaction(async (tx) => {
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
    if (!isRetryableFailure(target) || !target.request)
      throw new AppError("conflict", publishTexts.notRetryable);
    const revision = target.revision + 1;
    const request = input.refresh(target.request);
    await tx
      .update(postTargets)
      .set({
        status: "sending",
        error: null,
        errorKind: null,
        revision,
        request,
        sentAt: input.now,
        apiKeyFingerprint: input.apiKeyFingerprint,
        postproxyPostId: null,
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
