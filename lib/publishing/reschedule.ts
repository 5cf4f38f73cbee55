import "server-only";
import type { WorkspaceCtx } from "@/lib/data/context";
import { getPostView, listProfilePostTimes } from "@/lib/data/posts";
import { AppError } from "@/lib/errors";
import { findProfilesOverDailyCap } from "@/lib/tiktok/daily-cap";
import { scheduleTexts } from "@/lib/tiktok/texts";
import { editValuesOf } from "@/lib/validation/edit-values";
import { editPostSchema } from "@/lib/validation/post-manage";
import type { ReschedulePostInput, RescheduleResult } from "@/lib/validation/reschedule";
import { resolveWallClock, toWallClock } from "@/lib/validation/wall-clock";
import { editPost, type ManageDeps } from "./manage";

/**
 * A calendar move: the post's own fields with a new time, through the same edit path as the post
 * page (lock, past and version checks before any call, then a Postproxy PATCH per profile). A
 * time the clocks skip is refused; a repeated one takes its first occurrence and says so.
 */
export async function reschedulePost(
  ctx: WorkspaceCtx,
  input: ReschedulePostInput,
  deps: ManageDeps = {},
): Promise<RescheduleResult> {
  const resolved = resolveWallClock(input.at, input.timeZone);
  if (!resolved.ok)
    throw new AppError("invalid_input", resolved.message, { at: [resolved.message] });
  const post = await getPostView(ctx, input.postId);
  // Sent to the edit path in the post's own zone, so its time keeps reading as the post's.
  const at = toWallClock(resolved.instant, post.timeZone);
  const values = editValuesOf(post, at);
  const profileIds = post.targets.map((t) => t.profileId);
  const times = await listProfilePostTimes(ctx, profileIds);
  const own = post.scheduledAt ? new Date(post.scheduledAt).getTime() : null;
  const others = Object.fromEntries(
    Object.entries(times).map(([id, list]) => [
      id,
      list.map((t) => new Date(t)).filter((d) => d.getTime() !== own),
    ]),
  );
  const result = await editPost(
    ctx,
    editPostSchema.parse({ ...values, version: input.version }),
    deps,
  );
  const names = new Map(post.targets.map((t) => [t.profileId, t.profileName]));
  const warnings = findProfilesOverDailyCap(others, resolved.instant).map((p) =>
    scheduleTexts.dailyCapWarning(names.get(p.profileId) ?? p.profileId, p.count),
  );
  const after = await getPostView(ctx, input.postId);
  const scheduledOf = new Map(after.targets.map((t) => [t.id, t.scheduledAt ?? null]));
  return {
    version: result.version,
    scheduledAt: resolved.instant.toISOString(),
    note: resolved.note,
    warnings,
    outcomes: result.outcomes.map((o) => ({
      ...o,
      scheduledAt: scheduledOf.get(o.targetId) ?? null,
    })),
  };
}
