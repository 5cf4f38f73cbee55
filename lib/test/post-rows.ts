import type { WorkspaceCtx } from "@/lib/data/context";
import type { Db } from "@/lib/db/client";
import { posts, postTargets } from "@/lib/db/schema";
import { defaultTikTokSettings } from "@/lib/tiktok/params";
import type { LocalPostStatus, TargetStatus } from "@/lib/validation/post-view";

export type PostRowTarget = {
  profileId: string;
  status: TargetStatus;
  publishedAt?: Date;
  updatedAt?: Date;
  scheduledAt?: Date | null;
  postproxyPostId?: string | null;
};

/**
 * A post row and its targets as the writers leave them, written directly: for tests of the
 * readers (posts list, calendar). Targets are named "Name of <profile>".
 */
export async function insertPostRow(
  db: Db,
  ctx: WorkspaceCtx,
  facts: {
    status: LocalPostStatus;
    caption?: string;
    scheduledAt?: Date | null;
    submittedAt?: Date | null;
    updatedAt?: Date;
    profileIds?: string[];
    targets?: PostRowTarget[];
  },
): Promise<string> {
  const [row] = await db
    .insert(posts)
    .values({
      workspaceId: ctx.workspaceId,
      status: facts.status,
      caption: facts.caption ?? "",
      settings: { ...defaultTikTokSettings },
      profileIds: facts.profileIds ?? facts.targets?.map((x) => x.profileId) ?? [],
      scheduledAt: facts.scheduledAt ?? null,
      submittedAt: facts.status === "draft" ? null : (facts.submittedAt ?? new Date()),
      updatedAt: facts.updatedAt ?? new Date(),
    })
    .returning({ id: posts.id });
  for (const target of facts.targets ?? [])
    await db.insert(postTargets).values({
      workspaceId: ctx.workspaceId,
      postId: row.id,
      profileId: target.profileId,
      profileName: `Name of ${target.profileId}`,
      status: target.status,
      publishedAt: target.publishedAt ?? null,
      updatedAt: target.updatedAt ?? new Date(),
      scheduledAt: target.scheduledAt ?? null,
      postproxyPostId: target.postproxyPostId ?? null,
    });
  return row.id;
}

/**
 * One post with one target on Acme's TikTok profile, as a submission leaves it (a Postproxy id, the
 * key's fingerprint): for tests of what arrives afterwards (webhooks, alerts, stats).
 */
export async function insertTargetRow(
  db: Db,
  ctx: WorkspaceCtx,
  target: {
    status: TargetStatus;
    postproxyPostId: string;
    profileName: string;
    caption?: string;
    apiKeyFingerprint?: string;
    scheduledAt?: Date;
    publishedAt?: Date;
  },
): Promise<{ postId: string; targetId: string }> {
  const [post] = await db
    .insert(posts)
    .values({
      workspaceId: ctx.workspaceId,
      status: target.status === "published" ? "published" : "scheduled",
      caption: target.caption ?? "",
      settings: { ...defaultTikTokSettings },
    })
    .returning({ id: posts.id });
  const [row] = await db
    .insert(postTargets)
    .values({
      workspaceId: ctx.workspaceId,
      postId: post.id,
      profileId: "prof_acme_tiktok",
      profileName: target.profileName,
      status: target.status,
      postproxyPostId: target.postproxyPostId,
      apiKeyFingerprint: target.apiKeyFingerprint ?? null,
      scheduledAt: target.scheduledAt ?? null,
      publishedAt: target.publishedAt ?? null,
    })
    .returning({ id: postTargets.id });
  return { postId: post.id, targetId: row.id };
}
