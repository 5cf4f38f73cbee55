import { toIso } from "../core/clock";
import type { SandboxContext } from "../core/context";
import type { StatsRecord } from "../stats/profile-stats";
import type { MediaRecord, PlatformPostRecord, PostRecord, ProfileRecord } from "../store/types";

/** Resource shapes of the event `data` (N 1.12 types). */
export function postProcessedPayload(ctx: SandboxContext, post: PostRecord) {
  return {
    id: post.id,
    body: post.body,
    status: post.status,
    scheduled_at: toIso(post.scheduledAt),
    created_at: toIso(post.createdAt),
    platforms: post.platformPosts.map((pp) => ({
      id: pp.profileId,
      platform: pp.platform,
      name: ctx.store.profile(pp.profileId)?.name ?? null,
    })),
  };
}

export function platformPostPayload(ctx: SandboxContext, post: PostRecord, pp: PlatformPostRecord) {
  return {
    id: pp.id,
    post_id: post.id,
    platform: pp.platform,
    profile_id: pp.profileId,
    profile_name: ctx.store.profile(pp.profileId)?.name ?? null,
    status: pp.status,
    error: pp.error,
    error_details: pp.errorDetails,
    platform_id: pp.publicId,
  };
}

export function insightsPayload(
  ctx: SandboxContext,
  post: PostRecord,
  pp: PlatformPostRecord,
  record: StatsRecord,
) {
  return {
    ...platformPostPayload(ctx, post, pp),
    insights: record.stats,
    recorded_at: record.recorded_at,
  };
}

export function mediaFailedPayload(post: PostRecord, media: MediaRecord) {
  return {
    id: media.id,
    post_id: post.id,
    content_type: media.contentType,
    status: "failed",
    error_message: media.errorMessage,
  };
}

export function profilePayload(profile: ProfileRecord, status: "active" | "disconnected") {
  return {
    id: profile.id,
    name: profile.name,
    platform: profile.platform,
    profile_group_id: profile.groupId,
    status,
    uid: profile.uid,
    username: profile.username,
  };
}

export function profileStatsPayload(profile: ProfileRecord, record: StatsRecord) {
  return {
    profile_id: profile.id,
    platform: profile.platform,
    placement_id: null,
    stats: record.stats,
    recorded_at: record.recorded_at,
  };
}
