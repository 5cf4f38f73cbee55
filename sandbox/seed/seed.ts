import { publicIdFor } from "../lifecycle/public-id";
import { buildPlatformPost } from "../posts/build";
import type {
  MediaRecord,
  PlatformPostRecord,
  PostRecord,
  ProfileRecord,
  SandboxState,
} from "../store/types";
import { emptyState } from "../store/types";
import { PUBLISH_ERRORS } from "../tiktok/publish-errors";
import { SEED_GROUPS, SEED_POSTS, SEED_PROFILES, type SeedPost } from "./seed-data";

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * PRODUCT.md §9 demo data, with fixed ids and every time relative to `now` (the sandbox clock
 * at start or reset), so the same seed always gives the same picture.
 */
export function buildSeedState(now: number): SandboxState {
  const state = emptyState();
  state.seededAt = now;
  state.groups = SEED_GROUPS.map((g) => ({
    id: g.id,
    name: g.name,
    createdAt: now - g.ageDays * DAY,
  }));
  state.profiles = SEED_PROFILES.map((p): ProfileRecord => ({
    id: p.id,
    groupId: p.groupId,
    platform: p.platform,
    name: `@${p.username}`,
    username: p.username,
    uid: p.uid,
    status: p.expiredDaysAgo === undefined ? "active" : "expired",
    expiresAt:
      p.expiredDaysAgo === undefined ? now + p.expiresInDays * DAY : now - p.expiredDaysAgo * DAY,
    disconnectedAt: null,
    createdAt: now - 120 * DAY,
    statsAnchor: now - 90 * DAY,
  }));
  state.posts = SEED_POSTS.map((p) => seedPost(p, now));
  return state;
}

function seedPost(seed: SeedPost, now: number): PostRecord {
  const at = now + seed.daysFromNow * DAY;
  const isFuture = seed.kind === "scheduled" || seed.kind === "draft";
  const createdAt = isFuture ? now - 2 * DAY : at - 3 * DAY;
  return {
    id: seed.id,
    groupId: seed.groupId,
    body: seed.body,
    status: seed.kind === "draft" ? "draft" : seed.kind === "scheduled" ? "scheduled" : "processed",
    draft: seed.kind === "draft",
    scheduledAt: seed.kind === "draft" ? null : at - 2 * MINUTE,
    createdAt,
    updatedAt: isFuture ? createdAt : at,
    queueId: null,
    queuePriority: null,
    profileIds: seed.profileIds,
    media: seed.assets.map((asset, i): MediaRecord => ({
      id: `${seed.id.replace("post_", "med_")}_${i}`,
      status: seed.kind === "draft" ? "pending" : "processed",
      errorMessage: null,
      contentType: asset.endsWith(".mp4") ? "video/mp4" : "image/jpeg",
      sourceUrl: null,
      fileName: null,
      asset,
      probe: null,
      ingestError: null,
    })),
    platformParams: seed.platforms,
    thread: [],
    platformPosts: seed.profileIds.map((profileId, i) => seedPlatformPost(seed, profileId, i, at)),
  };
}

function seedPlatformPost(
  seed: SeedPost,
  profileId: string,
  index: number,
  at: number,
): PlatformPostRecord {
  const id = `${seed.id.replace("post_", "ppost_")}_${index}`;
  const platform = SEED_PROFILES.find((p) => p.id === profileId)?.platform ?? "tiktok";
  const base: PlatformPostRecord = { ...buildPlatformPost({ id: profileId, platform }), id };
  if (seed.kind === "published") {
    return {
      ...base,
      status: "published",
      attemptedAt: at - MINUTE,
      publishedAt: at,
      publicId: publicIdFor(id),
      publicIdAt: at + MINUTE,
      attempts: 1,
    };
  }
  if (seed.kind === "failed") {
    const failure = PUBLISH_ERRORS.expired;
    return {
      ...base,
      status: "failed",
      attemptedAt: at - MINUTE,
      error: failure.error,
      errorDetails: failure.details,
      attempts: 1,
    };
  }
  return base;
}
