import { scaled, TIMINGS } from "../config";
import type { SandboxContext } from "../core/context";
import type { MediaRecord, PostRecord } from "../store/types";

export function allMedia(post: PostRecord): MediaRecord[] {
  return [...post.media, ...post.thread.flatMap((child) => child.media)];
}

function mediaDelay(ctx: SandboxContext, post: PostRecord): number {
  const media = allMedia(post);
  const kinds = media.map((m) => m.probe?.mime ?? m.contentType);
  const base = kinds.some((k) => k.startsWith("video/"))
    ? TIMINGS.mediaVideo
    : media.length > 0
      ? TIMINGS.mediaImage
      : TIMINGS.mediaNone;
  return scaled(base, ctx.config.timeScale);
}

export function cancelPostJobs(ctx: SandboxContext, postId: string): void {
  ctx.scheduler.cancel((job) => "postId" in job && job.postId === postId);
}

/** pending: media are fetched and judged; then scheduled → processing → processed. */
export function startPipeline(ctx: SandboxContext, post: PostRecord): void {
  cancelPostJobs(ctx, post.id);
  post.status = "pending";
  post.draft = false;
  for (const media of allMedia(post)) {
    media.status = "pending";
    media.errorMessage = null;
    void ctx.ingest.start(media);
  }
  for (const pp of post.platformPosts) {
    Object.assign(pp, { status: "pending", error: null, errorDetails: null, attemptedAt: null });
  }
  ctx.scheduler.schedule({ kind: "media.process", postId: post.id }, mediaDelay(ctx, post));
}

export function scheduleDispatch(ctx: SandboxContext, post: PostRecord): void {
  ctx.scheduler.cancel((job) => job.kind === "post.dispatch" && job.postId === post.id);
  const dueAt = Math.max(ctx.clock.now(), post.scheduledAt ?? 0);
  ctx.scheduler.scheduleAt({ kind: "post.dispatch", postId: post.id }, dueAt);
}

/** Drafts keep their media untouched until published; only ingest starts early. */
export function prefetchMedia(ctx: SandboxContext, post: PostRecord): void {
  for (const media of allMedia(post)) void ctx.ingest.start(media);
}
