import type { SandboxContext } from "../core/context";
import type { App } from "../http/app-env";
import { badRequest, missingParam, notFound } from "../http/errors";
import { listParam, requireScopeGroup, scopeGroup, timeParam } from "../http/query";
import type { StatsRecord } from "../stats/profile-stats";
import { profileRecords } from "../stats/profile-stats";
import { postRecords } from "../stats/post-stats";

const MAX_POST_IDS = 50;
const PLACEMENT_NETWORKS = new Set(["facebook", "linkedin", "telegram"]);

function inRange(records: StatsRecord[], from: number | null, to: number | null): StatsRecord[] {
  return records.filter((r) => {
    const t = Date.parse(r.recorded_at);
    return (from === null || t >= from) && (to === null || t <= to);
  });
}

export function registerStatsRoutes(app: App, ctx: SandboxContext): void {
  const { store } = ctx;

  app.get("/api/posts/stats", (c) => {
    const group = scopeGroup(c, store);
    const ids = listParam(c, "post_ids");
    if (!ids || ids.length === 0) throw missingParam("post_ids");
    if (ids.length > MAX_POST_IDS) throw badRequest(`post_ids accepts at most ${MAX_POST_IDS} ids`);
    const profiles = listParam(c, "profiles");
    const from = timeParam(c, "from");
    const to = timeParam(c, "to");
    const now = ctx.clock.now();
    const data: Record<string, unknown> = {};
    for (const id of ids) {
      const post = store.post(id);
      // Unknown posts, or posts of another group, are left out rather than failing the batch.
      if (!post || post.groupId !== group?.id) continue;
      const platforms = post.platformPosts
        .filter(
          (pp) => !profiles || profiles.includes(pp.profileId) || profiles.includes(pp.platform),
        )
        .map((pp) => ({
          profile_id: pp.profileId,
          platform: pp.platform,
          records: inRange(postRecords(pp, now), from, to),
        }));
      data[post.id] = { platforms };
    }
    return c.json({ data });
  });

  app.get("/api/profiles/:id/stats", (c) => {
    const group = requireScopeGroup(c, store);
    const profile = store.profile(c.req.param("id"));
    if (!profile || profile.groupId !== group.id) throw notFound();
    const placementId = c.req.query("placement_id") || null;
    if (PLACEMENT_NETWORKS.has(profile.platform) && !placementId) {
      throw missingParam("placement_id");
    }
    const records = profileRecords(store, profile, ctx.clock.now());
    return c.json({
      data: {
        profile_id: profile.id,
        platform: profile.platform,
        // Ignored for networks without placements, as documented.
        placement_id: PLACEMENT_NETWORKS.has(profile.platform) ? placementId : null,
        records: inRange(records, timeParam(c, "from"), timeParam(c, "to")),
      },
    });
  });
}
