import type { SandboxContext } from "../core/context";
import type { MediaRecord, PostRecord } from "../store/types";
import { formatOf } from "../tiktok/validate-request";
import { genericMediaError, tiktokMediaError } from "../tiktok/validate-media";
import { emitEvent } from "../webhooks/events";
import { mediaFailedPayload } from "../webhooks/payloads";
import { allMedia, scheduleDispatch } from "./pipeline";

const INGEST_WAIT_MS = 5_000;
const INGEST_RECHECK_MS = 1_000;

/**
 * The end of `pending`: every media item is judged from its bytes. Any failure turns the
 * post into media_processing_failed and sends media.failed; otherwise it is scheduled.
 */
export async function runMediaStep(ctx: SandboxContext, postId: string): Promise<void> {
  const post = ctx.store.post(postId);
  if (!post || post.status !== "pending") return;
  const media = allMedia(post);
  if (!(await ctx.ingest.waitAll(media, INGEST_WAIT_MS))) {
    // A slow download keeps the post pending; look again shortly.
    ctx.scheduler.schedule({ kind: "media.process", postId }, INGEST_RECHECK_MS);
    return;
  }
  if (ctx.store.post(postId) !== post || post.status !== "pending") return;

  const failed: MediaRecord[] = [];
  for (const item of media) {
    item.errorMessage = judge(post, item);
    item.status = item.errorMessage ? "failed" : "processed";
    if (item.errorMessage) failed.push(item);
  }
  if (failed.length === 0) {
    post.status = "scheduled";
    scheduleDispatch(ctx, post);
    return;
  }
  post.status = "media_processing_failed";
  for (const pp of post.platformPosts) {
    pp.status = "failed";
    pp.error = `Media processing failed: ${failed[0]?.errorMessage ?? "unknown error"}`;
  }
  for (const item of failed) emitEvent(ctx, "media.failed", mediaFailedPayload(post, item));
}

function judge(post: PostRecord, media: MediaRecord): string | null {
  if (media.asset) return null;
  const isMain = post.media.includes(media);
  const targetsTikTok = post.platformPosts.some((pp) => pp.platform === "tiktok");
  if (isMain && targetsTikTok) {
    return tiktokMediaError(media, formatOf(post.platformParams.tiktok?.format) ?? "video");
  }
  return genericMediaError(media);
}
