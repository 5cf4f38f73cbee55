import { toIso } from "../core/clock";
import type { SandboxContext } from "../core/context";
import type { ProfileGroupRecord, ProfileRecord } from "../store/types";

export function serializeGroup(ctx: SandboxContext, group: ProfileGroupRecord) {
  return {
    id: group.id,
    name: group.name,
    profiles_count: ctx.store.profilesOf(group.id).length,
  };
}

export function serializeProfile(ctx: SandboxContext, profile: ProfileRecord) {
  return {
    id: profile.id,
    name: profile.name,
    status: profile.status,
    platform: profile.platform,
    profile_group_id: profile.groupId,
    expires_at: toIso(profile.expiresAt),
    post_count: ctx.store.postCount(profile.id),
    avatar_url: `${ctx.config.publicUrl}/__sandbox/avatars/${profile.id}.svg`,
    username: profile.username,
  };
}
