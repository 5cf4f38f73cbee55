import { MAX_PLATFORM_ATTEMPTS, scaled, TIMINGS } from "../config";
import type { SandboxContext } from "../core/context";
import { postRecords, postSnapshotTimes } from "../stats/post-stats";
import { profileRecords, profileSnapshotTime } from "../stats/profile-stats";
import { attemptDelivery } from "../webhooks/deliver";
import { emitEvent } from "../webhooks/events";
import {
  insightsPayload,
  platformPostPayload,
  postProcessedPayload,
  profileStatsPayload,
} from "../webhooks/payloads";
import type { Job, JobHandlers, JobOf } from "./jobs";
import { runMediaStep } from "./media-step";
import { publicIdFor } from "./public-id";
import { decidePublish } from "./publish";

export function createJobRunner(ctx: SandboxContext): (job: Job) => Promise<void> {
  const handlers: JobHandlers = {
    "media.process": (job) => runMediaStep(ctx, job.postId),
    "post.dispatch": (job) => dispatch(ctx, job),
    "post.processed": (job) => processed(ctx, job),
    "platform.publish": (job) => publish(ctx, job),
    "platform.public_id": (job) => assignPublicId(ctx, job),
    "platform.delete": (job) => finishDelete(ctx, job),
    "post.insights": (job) => insights(ctx, job),
    "profile.stats": (job) => profileStats(ctx, job),
    "webhook.attempt": (job) => attemptDelivery(ctx, job),
  };
  return async (job) => {
    const handler = handlers[job.kind] as (job: Job) => Promise<void> | void;
    await handler(job);
  };
}

function dispatch(ctx: SandboxContext, job: JobOf<"post.dispatch">): void {
  const post = ctx.store.post(job.postId);
  if (!post || post.status !== "scheduled") return;
  post.status = "processing";
  ctx.scheduler.schedule(
    { kind: "post.processed", postId: post.id },
    scaled(TIMINGS.processing, ctx.config.timeScale),
  );
}

function processed(ctx: SandboxContext, job: JobOf<"post.processed">): void {
  const post = ctx.store.post(job.postId);
  if (!post || post.status !== "processing") return;
  post.status = "processed";
  emitEvent(ctx, "post.processed", postProcessedPayload(ctx, post));
  for (const pp of post.platformPosts) {
    pp.status = "processing";
    pp.attemptedAt = ctx.clock.now();
    pp.attempts = 1;
    ctx.scheduler.schedule(
      { kind: "platform.publish", postId: post.id, platformPostId: pp.id },
      scaled(TIMINGS.platformPublish, ctx.config.timeScale),
    );
  }
}

function publish(ctx: SandboxContext, job: JobOf<"platform.publish">): void {
  const found = ctx.store.platformPost(job.postId, job.platformPostId);
  if (!found) return;
  const { post, platformPost: pp } = found;
  if (pp.status === "failed_waiting_for_retry") {
    pp.attempts += 1;
    pp.attemptedAt = ctx.clock.now();
  } else if (pp.status !== "processing") {
    return;
  }
  const outcome = decidePublish(ctx, post, pp);
  if (outcome.kind === "published") {
    Object.assign(pp, { status: "published", error: null, errorDetails: null });
    pp.publishedAt = ctx.clock.now();
    emitEvent(ctx, "platform_post.published", platformPostPayload(ctx, post, pp));
    ctx.scheduler.schedule(
      { kind: "platform.public_id", postId: post.id, platformPostId: pp.id },
      scaled(TIMINGS.publicId, ctx.config.timeScale),
    );
    return;
  }
  pp.error = outcome.failure.error;
  pp.errorDetails = outcome.failure.details;
  if (outcome.kind === "retry" && pp.attempts < MAX_PLATFORM_ATTEMPTS) {
    pp.status = "failed_waiting_for_retry";
    emitEvent(ctx, "platform_post.failed_waiting_for_retry", platformPostPayload(ctx, post, pp));
    ctx.scheduler.schedule(job, scaled(TIMINGS.platformRetry, ctx.config.timeScale));
    return;
  }
  pp.status = "failed";
  emitEvent(ctx, "platform_post.failed", platformPostPayload(ctx, post, pp));
}

function assignPublicId(ctx: SandboxContext, job: JobOf<"platform.public_id">): void {
  const found = ctx.store.platformPost(job.postId, job.platformPostId);
  if (!found || found.platformPost.status !== "published") return;
  const pp = found.platformPost;
  pp.publicId = publicIdFor(pp.id);
  pp.publicIdAt = ctx.clock.now();
  ctx.scheduler.schedule({ ...job, kind: "post.insights", index: 0 }, 0);
}

function finishDelete(ctx: SandboxContext, job: JobOf<"platform.delete">): void {
  const found = ctx.store.platformPost(job.postId, job.platformPostId);
  if (found?.platformPost.status === "pending_deletion") found.platformPost.status = "deleted";
}

function insights(ctx: SandboxContext, job: JobOf<"post.insights">): void {
  const found = ctx.store.platformPost(job.postId, job.platformPostId);
  if (!found || found.platformPost.status !== "published") return;
  const { post, platformPost: pp } = found;
  const record = postRecords(pp, ctx.clock.now())[job.index];
  if (record) emitEvent(ctx, "platform_post.insights", insightsPayload(ctx, post, pp, record));
  const next = postSnapshotTimes(pp.publicIdAt ?? 0)[job.index + 1];
  if (next !== undefined) ctx.scheduler.scheduleAt({ ...job, index: job.index + 1 }, next);
}

function profileStats(ctx: SandboxContext, job: JobOf<"profile.stats">): void {
  const profile = ctx.store.profile(job.profileId);
  if (!profile || profile.status !== "active") return;
  const record = profileRecords(ctx.store, profile, ctx.clock.now())[job.index];
  if (record) emitEvent(ctx, "profile.stats", profileStatsPayload(profile, record));
  ctx.scheduler.scheduleAt(
    { kind: "profile.stats", profileId: profile.id, index: job.index + 1 },
    profileSnapshotTime(profile, job.index + 1),
  );
}

/** After seeding, loading or connecting: queue the next snapshot of every active profile. */
export function scheduleProfileStats(ctx: SandboxContext, profileId: string): void {
  const profile = ctx.store.profile(profileId);
  if (!profile) return;
  ctx.scheduler.cancel((job) => job.kind === "profile.stats" && job.profileId === profileId);
  const now = ctx.clock.now();
  let index = 0;
  while (profileSnapshotTime(profile, index) <= now) index++;
  ctx.scheduler.scheduleAt(
    { kind: "profile.stats", profileId, index },
    profileSnapshotTime(profile, index),
  );
}
