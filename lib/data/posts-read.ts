import "server-only";
// Drizzle select skeletons (select, from, where and(workspaceId, …)) repeat across lib/data:
// each query names its own columns and workspace scope (STYLE.md); a shared builder hides both.
import type { NullableRow } from "./columns";
import { and, asc, eq, gte, inArray, isNull, lte } from "drizzle-orm";
import { posts, postTargets, profiles, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { publishTexts } from "@/lib/tiktok/texts";
import type { TikTokSettings } from "@/lib/tiktok/params";
import {
  isFinalTargetStatus,
  type PostTargetView,
  type PostView,
} from "@/lib/validation/post-view";
import { requireRole, type WorkspaceCtx } from "./context";
import { loadMediaCards } from "./posts-media";
import { targetProfileJoin } from "./profiles";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notFound = () => new AppError("not_found", "That post does not exist in this workspace.");
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const targetColumns = {
  id: postTargets.id,
  postId: postTargets.postId,
  profileId: postTargets.profileId,
  profileName: postTargets.profileName,
  profileAvatarUrl: postTargets.profileAvatarUrl,
  status: postTargets.status,
  error: postTargets.error,
  errorKind: postTargets.errorKind,
  postproxyPostId: postTargets.postproxyPostId,
  revision: postTargets.revision,
  attempts: postTargets.attempts,
  scheduledAt: postTargets.scheduledAt,
  publishedAt: postTargets.publishedAt,
  platformUrl: postTargets.platformUrl,
  lastSyncedAt: postTargets.lastSyncedAt,
  updatedAt: postTargets.updatedAt,
};

type TargetRow = NullableRow<typeof targetColumns> & {
  id: string;
  profileId: string;
  profileName: string;
  updatedAt: Date;
  /** The profile's connection in the mirror (null: not mirrored). */
  profileStatus?: string | null;
};

/** A published post is looked up for its TikTok link this long (the status core's window). */
const linkWindowMs = 48 * 60 * 60 * 1000;

export function toTargetView(t: TargetRow, now = Date.now()): PostTargetView {
  const isFailed = t.status === "failed";
  const status = t.status ?? "pending";
  const isLinkOverdue =
    t.status === "published" &&
    !t.platformUrl &&
    t.publishedAt !== null &&
    now - t.publishedAt.getTime() > linkWindowMs;
  return {
    id: t.id,
    profileId: t.profileId,
    profileName: t.profileName,
    profileAvatarUrl: t.profileAvatarUrl,
    status,
    // A post still to go out to a profile whose connection expired (or was disconnected) will fail.
    profileNeedsReconnect:
      !isFinalTargetStatus(status) && !!t.profileStatus && t.profileStatus !== "active",
    error: isLinkOverdue ? publishTexts.noLinkYet : t.error,
    canRetry: isFailed && t.errorKind === "retryable",
    needsEdit: isFailed && t.errorKind === "needs_edit",
    postproxyPostId: t.postproxyPostId,
    scheduledAt: iso(t.scheduledAt),
    publishedAt: iso(t.publishedAt),
    platformUrl: t.platformUrl,
    updatedAt: t.updatedAt.toISOString(),
  };
}

/** The post page's data; another workspace's post is not found. */
export async function getPostView(ctx: WorkspaceCtx, postId: string): Promise<PostView> {
  requireRole(ctx, "viewer");
  if (!uuidPattern.test(postId)) throw notFound();
  const [post] = await ctx.db
    .select({
      id: posts.id,
      workspaceId: posts.workspaceId,
      status: posts.status,
      caption: posts.caption,
      format: posts.format,
      media: posts.media,
      settings: posts.settings,
      scheduleMode: posts.scheduleMode,
      scheduledAt: posts.scheduledAt,
      timeZone: posts.timeZone,
      createdAt: posts.createdAt,
      updatedAt: posts.updatedAt,
      submittedAt: posts.submittedAt,
      createdByName: users.name,
    })
    .from(posts)
    .leftJoin(users, eq(users.id, posts.createdById))
    .where(and(eq(posts.id, postId), eq(posts.workspaceId, ctx.workspaceId)));
  if (!post) throw notFound();
  const [media, targets] = await Promise.all([
    loadMediaCards(ctx.db, ctx.workspaceId, post.media),
    ctx.db
      .select({ ...targetColumns, profileStatus: profiles.status })
      .from(postTargets)
      .leftJoin(profiles, targetProfileJoin(isNull(profiles.removedAt)))
      .where(and(eq(postTargets.workspaceId, ctx.workspaceId), eq(postTargets.postId, post.id)))
      .orderBy(asc(postTargets.profileName), asc(postTargets.id)),
  ]);
  const views = targets.map(toTargetView);
  return {
    id: post.id,
    workspaceId: post.workspaceId,
    status: post.status,
    caption: post.caption,
    format: post.format,
    media,
    settings: post.settings as TikTokSettings,
    scheduleMode: post.scheduleMode,
    scheduledAt: iso(post.scheduledAt),
    timeZone: post.timeZone,
    createdAt: post.createdAt.toISOString(),
    updatedAt: post.updatedAt.toISOString(),
    submittedAt: iso(post.submittedAt),
    createdByName: post.createdByName,
    targets: views,
    isFinal: post.status === "draft" || views.every((t) => isFinalTargetStatus(t.status)),
  };
}

/**
 * When each profile posts (scheduled and published targets, 1 day ago to 60 days ahead), for the
 * composer's 15-a-day warning.
 */
export async function listProfilePostTimes(
  ctx: WorkspaceCtx,
  profileIds: string[],
  now = new Date(),
): Promise<Record<string, string[]>> {
  requireRole(ctx, "viewer");
  const out: Record<string, string[]> = Object.fromEntries(profileIds.map((id) => [id, []]));
  if (profileIds.length === 0) return out;
  const day = 24 * 60 * 60 * 1000;
  const rows = await ctx.db
    .select({ profileId: postTargets.profileId, at: postTargets.scheduledAt })
    .from(postTargets)
    .where(
      and(
        eq(postTargets.workspaceId, ctx.workspaceId),
        inArray(postTargets.profileId, profileIds),
        inArray(postTargets.status, ["scheduled", "processing", "published"]),
        gte(postTargets.scheduledAt, new Date(now.getTime() - day)),
        lte(postTargets.scheduledAt, new Date(now.getTime() + 60 * day)),
      ),
    )
    .orderBy(asc(postTargets.scheduledAt));
  for (const r of rows) if (r.at) out[r.profileId]?.push(r.at.toISOString());
  return out;
}
