import type { Context } from "hono";
import type { SandboxContext } from "../core/context";
import type { App, AppEnv } from "../http/app-env";
import { notFound } from "../http/errors";
import { requireScopeGroup } from "../http/query";
import { serializeProfile } from "../serialize/profile";
import { profileRecords } from "../stats/profile-stats";
import { emitEvent } from "../webhooks/events";
import { profilePayload } from "../webhooks/payloads";

export function registerProfileRoutes(app: App, ctx: SandboxContext): void {
  const { store } = ctx;
  const findProfile = (c: Context<AppEnv>) => {
    const group = requireScopeGroup(c, store);
    const profile = store.profile(c.req.param("id") ?? "");
    if (!profile || profile.groupId !== group.id) throw notFound();
    return profile;
  };

  // Newer docs: without profile_group_id this lists the profiles of every group.
  app.get("/api/profiles", (c) => {
    const groupId = c.req.query("profile_group_id");
    if (groupId && !store.group(groupId)) throw notFound();
    const profiles = groupId ? store.profilesOf(groupId) : store.state.profiles;
    return c.json({ data: profiles.map((p) => serializeProfile(ctx, p)) });
  });

  app.get("/api/profiles/:id", (c) => {
    const profile = findProfile(c);
    const latest = profileRecords(store, profile, ctx.clock.now()).at(-1);
    return c.json({
      ...serializeProfile(ctx, profile),
      latest_stats: latest
        ? [{ placement_id: null, stats: latest.stats, recorded_at: latest.recorded_at }]
        : [],
      // Sums across placements; TikTok and Instagram have none.
      summary_stats: null,
    });
  });

  app.get("/api/profiles/:id/placements", (c) => {
    findProfile(c);
    return c.json({ data: [] });
  });

  app.delete("/api/profiles/:id", (c) => {
    const profile = findProfile(c);
    store.state.profiles = store.state.profiles.filter((p) => p !== profile);
    ctx.scheduler.cancel((job) => job.kind === "profile.stats" && job.profileId === profile.id);
    emitEvent(ctx, "profile.disconnected", profilePayload(profile, "disconnected"));
    return c.json({ success: true });
  });
}
