import { toIso } from "../core/clock";
import type { SandboxContext } from "../core/context";
import { latestInsights } from "../stats/post-stats";
import type { MediaRecord, PlatformPostRecord, PostRecord } from "../store/types";

function serializeMedia(ctx: SandboxContext, media: MediaRecord) {
  const hasBytes =
    media.status === "processed" && (media.fileName !== null || media.asset !== null);
  return {
    id: media.id,
    status: media.status,
    error_message: media.errorMessage,
    content_type: media.contentType,
    source_url: media.sourceUrl,
    url: hasBytes ? `${ctx.config.publicUrl}/__sandbox/media/${media.id}` : null,
  };
}

function serializePlatformPost(ctx: SandboxContext, post: PostRecord, pp: PlatformPostRecord) {
  const profile = ctx.store.profile(pp.profileId);
  return {
    id: pp.id,
    platform: pp.platform,
    profile_id: pp.profileId,
    status: pp.status,
    params: post.platformParams[pp.platform] ?? null,
    error: pp.error,
    error_details: pp.errorDetails,
    attempted_at: toIso(pp.attemptedAt),
    published_at: toIso(pp.publishedAt),
    // The public id arrives after publishing; stats exist only from then on.
    platform_id: pp.publicId,
    url: pp.publicId ? publicUrl(pp, post, profile?.username ?? "user") : null,
    insights: latestInsights(pp, ctx.clock.now()),
  };
}

function publicUrl(pp: PlatformPostRecord, post: PostRecord, username: string): string {
  if (pp.platform === "tiktok") {
    const kind = post.platformParams.tiktok?.format === "image" ? "photo" : "video";
    return `https://www.tiktok.com/@${username}/${kind}/${pp.publicId}`;
  }
  return `https://${pp.platform}.example/${username}/${pp.publicId}`;
}

export function serializePost(ctx: SandboxContext, post: PostRecord) {
  return {
    id: post.id,
    body: post.body,
    status: post.status,
    draft: post.draft,
    scheduled_at: toIso(post.scheduledAt),
    created_at: toIso(post.createdAt),
    updated_at: toIso(post.updatedAt),
    queue_id: post.queueId,
    queue_priority: post.queuePriority,
    media: post.media.map((m) => serializeMedia(ctx, m)),
    platforms: post.platformPosts.map((pp) => serializePlatformPost(ctx, post, pp)),
    thread: post.thread.map((child) => ({
      id: child.id,
      body: child.body,
      media: child.media.map((m) => serializeMedia(ctx, m)),
    })),
  };
}
