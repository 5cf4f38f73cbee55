import type { SandboxContext } from "../core/context";
import { scheduleProfileStats } from "../lifecycle/handlers";
import { scheduleDispatch } from "../lifecycle/pipeline";
import { postSnapshotTimes } from "../stats/post-stats";

/** Seeded data starts mid-life: queue what would come next for each profile and post. */
export function scheduleSeedJobs(ctx: SandboxContext): void {
  const now = ctx.clock.now();
  for (const profile of ctx.store.state.profiles) {
    if (profile.status === "active") scheduleProfileStats(ctx, profile.id);
  }
  for (const post of ctx.store.state.posts) {
    if (post.status === "scheduled") scheduleDispatch(ctx, post);
    for (const pp of post.platformPosts) {
      if (pp.publicIdAt === null) continue;
      const times = postSnapshotTimes(pp.publicIdAt);
      const index = times.findIndex((t) => t > now);
      if (index < 0) continue;
      ctx.scheduler.scheduleAt(
        { kind: "post.insights", postId: post.id, platformPostId: pp.id, index },
        times[index] ?? now,
      );
    }
  }
}
