import { CADENCE } from "../config";
import type { SandboxContext } from "../core/context";
import { toIso } from "../core/clock";
import { unprocessable } from "../http/errors";
import {
  cancelPostJobs,
  prefetchMedia,
  scheduleDispatch,
  startPipeline,
} from "../lifecycle/pipeline";
import type { MediaRecord, PostRecord } from "../store/types";
import { buildMedia, buildPlatformPost, buildThread } from "./build";
import type { PostInput } from "./input";
import { parseScheduledAt, resolveProfiles, urlsOf, validateCandidate } from "./validate";

/** Drafts, or scheduled posts more than 5 minutes before they go out. */
function isEditable(post: PostRecord, now: number): boolean {
  if (post.status === "draft") return true;
  return (
    post.status === "scheduled" &&
    post.scheduledAt !== null &&
    post.scheduledAt - now > CADENCE.editLock
  );
}

/**
 * PATCH semantics: `post.*` merges; `profiles`, `media`, `thread` replace when present
 * (`[]` clears); `platforms` replaces the params of each network it names.
 */
export async function updatePost(
  ctx: SandboxContext,
  post: PostRecord,
  input: PostInput,
): Promise<void> {
  if (!isEditable(post, ctx.clock.now())) throw unprocessable(["Post cannot be edited"]);
  const resolved = input.profiles
    ? resolveProfiles(ctx.store, post.groupId, input.profiles)
    : { profiles: post.profileIds.flatMap((id) => ctx.store.profile(id) ?? []), errors: [] };
  const platforms = { ...post.platformParams, ...(input.platforms ?? {}) };
  const body = input.post?.body ?? post.body;
  const scheduledAt =
    input.post?.scheduled_at !== undefined ? input.post.scheduled_at : toIso(post.scheduledAt);
  const errors = [
    ...resolved.errors,
    ...validateCandidate({
      body,
      scheduledAt,
      profiles: resolved.profiles,
      mediaCount: (input.media ?? post.media).length,
      mediaUrls: [...urlsOf(input.media), ...(input.thread ?? []).flatMap((c) => urlsOf(c.media))],
      platforms,
      threadCount: (input.thread ?? post.thread).length,
      queueId: input.queue_id ?? null,
      queuePriority: input.queue_priority ?? post.queuePriority,
    }),
  ];
  if (errors.length > 0) throw unprocessable(errors);

  const wasDraft = post.status === "draft";
  const mediaChanged = input.media !== undefined || input.thread !== undefined;
  if (input.media) {
    await removeMediaFiles(ctx, post.media);
    post.media = await buildMedia(ctx, input.media);
  }
  if (input.thread) {
    await removeMediaFiles(
      ctx,
      post.thread.flatMap((c) => c.media),
    );
    post.thread = await buildThread(ctx, input.thread);
  }
  if (input.profiles) {
    post.profileIds = resolved.profiles.map((p) => p.id);
    post.platformPosts = resolved.profiles.map(
      (p) => post.platformPosts.find((pp) => pp.profileId === p.id) ?? buildPlatformPost(p),
    );
  }
  post.body = body;
  post.platformParams = platforms;
  post.scheduledAt = parseScheduledAt(scheduledAt);
  if (input.queue_priority !== undefined) post.queuePriority = input.queue_priority;
  post.updatedAt = ctx.clock.now();

  // Per the lifecycle docs, giving a draft a scheduled_at schedules it unless draft stays true.
  const setsTime = input.post?.scheduled_at !== undefined && input.post.scheduled_at !== null;
  const draft = input.post?.draft ?? (wasDraft && !setsTime);
  if (draft) {
    cancelPostJobs(ctx, post.id);
    post.status = "draft";
    post.draft = true;
    prefetchMedia(ctx, post);
  } else if (wasDraft || mediaChanged) {
    startPipeline(ctx, post);
  } else {
    scheduleDispatch(ctx, post);
  }
}

export async function removeMediaFiles(ctx: SandboxContext, media: MediaRecord[]): Promise<void> {
  for (const item of media) if (item.fileName) await ctx.storage.removeFile(item.fileName);
}
