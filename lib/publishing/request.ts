import "server-only";
import type { PostTargetRequest } from "@/lib/db/schema";
import type { MediaItem } from "@/lib/data/media";
import type { MediaFileRef, PostproxyClient } from "@/lib/postproxy";
import { getMediaStorage, type MediaStorage } from "@/lib/media/server/storage";
import { signedMediaUrl } from "@/lib/media/server/signed-url";
import { mediaSubmitTexts } from "@/lib/tiktok/texts";
import type { ComposePostInput } from "@/lib/validation/post";
import { toPostproxyTikTokParams } from "@/lib/validation/post";
import { MediaUnavailableError } from "./outcome";

/** Stable per (target, revision): every retry of one send carries the same key. */
export function idempotencyKeyOf(target: { id: string; revision: number }): string {
  return `postdeck-${target.id}-r${target.revision}`;
}

/** Signed links when PUBLIC_BASE_URL is set, else null (the files go as multipart). */
function mediaUrlsOf(mediaIds: string[], now: number): string[] | null {
  const urls = mediaIds.map((id) => signedMediaUrl(id, now));
  return urls.every((u): u is string => u !== null) ? urls : null;
}

/** What one profile's Postproxy post is made of (the same for every profile of the post). */
export function buildTargetRequest(
  input: ComposePostInput,
  scheduledAt: Date | null,
  now: Date,
  profileGroupId: string | null,
): PostTargetRequest {
  const mediaIds = input.media.map((m) => m.id);
  return {
    profileGroupId,
    body: input.caption,
    scheduledAt: scheduledAt?.toISOString() ?? null,
    platforms: { tiktok: toPostproxyTikTokParams(input) },
    mediaIds,
    mediaUrls: mediaUrlsOf(mediaIds, now.getTime()),
  };
}

/** For a new revision: signed links are made again, so they outlive the resend. */
export function refreshTargetRequest(request: PostTargetRequest, now: Date): PostTargetRequest {
  return { ...request, mediaUrls: mediaUrlsOf(request.mediaIds, now.getTime()) };
}

async function fileRefs(
  mediaIds: string[],
  media: Map<string, MediaItem>,
  storage: MediaStorage,
): Promise<MediaFileRef[]> {
  return mediaIds.map((id) => {
    const item = media.get(id);
    if (!item) throw new MediaUnavailableError(mediaSubmitTexts.notFound, false);
    const path = storage.localPath(id);
    if (!path) throw new MediaUnavailableError(mediaSubmitTexts.needsPublicUrl, true);
    return {
      path,
      filename: item.name,
      contentType: item.mime ?? "application/octet-stream",
      size: item.size,
    };
  });
}

/**
 * The stored request comes back from jsonb with its keys reordered; a multipart body lists fields
 * in key order, so a fixed order keeps a retry byte-for-byte the request its key was first used for.
 */
function inKeyOrder<T extends object>(params: T): T {
  return Object.fromEntries(
    Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ) as T;
}

/** Creates the profile's Postproxy post: JSON with signed links, or the files streamed. */
export async function sendTargetRequest(
  client: PostproxyClient,
  target: { id: string; revision: number; profileId: string; request: PostTargetRequest },
  media: Map<string, MediaItem>,
) {
  const { request } = target;
  const options = {
    idempotencyKey: idempotencyKeyOf(target),
    profileGroupId: request.profileGroupId ?? undefined,
  };
  const common = {
    body: request.body,
    profiles: [target.profileId],
    scheduledAt: request.scheduledAt ?? undefined,
    platforms: { tiktok: inKeyOrder(request.platforms.tiktok) },
  };
  if (request.mediaUrls) {
    return client.posts.create({ ...common, media: request.mediaUrls }, options);
  }
  const refs = await fileRefs(request.mediaIds, media, await getMediaStorage());
  return client.posts.createMultipart({ ...common, media: refs }, options);
}
