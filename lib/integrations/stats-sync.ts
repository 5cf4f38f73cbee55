import "server-only";
import { randomUUID } from "node:crypto";
import type { WorkspaceCtx } from "@/lib/data/context";
import { releaseWorkspaceLease, takeWorkspaceLease } from "@/lib/data/job-leases";
import {
  findTargetByPostproxyIds,
  insertPostSnapshots,
  insertProfileSnapshots,
  listProfilesDueForStats,
  listTargetsDueForStats,
  markProfileStatsFetched,
  markTargetsStatsFetched,
  type PostSnapshot,
  type ProfileSnapshot,
} from "@/lib/data/stats";
import { isAppError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { withAppErrors, type StatsRecord } from "@/lib/postproxy";
import { getWorkspacePostproxy } from "./postproxy";

/** Stored stats older than this are read again when a chart is opened. */
export const statsMaxAgeMs = 3600_000;
/** The first read of a timeseries goes this far back. */
const backfillMs = 90 * 24 * 3600_000;
/** Postproxy takes at most 50 post ids per stats request. */
const postBatch = 50;
const syncDeadlineMs = 30_000;
/**
 * The workspace's stats claim: longer than a run takes (each request is bounded by the deadline);
 * a server that dies mid-run frees it after this.
 */
const statsLeaseMs = 5 * 60_000;

/** A metric Postproxy left out or sent as text is a gap (null), never a 0. */
const metric = (stats: Record<string, unknown>, key: string) => {
  const v = stats[key];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
};

export function toProfileSnapshot(r: Pick<StatsRecord, "stats" | "recorded_at">): ProfileSnapshot {
  return {
    recordedAt: r.recorded_at,
    followerCount: metric(r.stats, "follower_count"),
    followingCount: metric(r.stats, "following_count"),
    likesCount: metric(r.stats, "likes_count"),
    videoCount: metric(r.stats, "video_count"),
  };
}

export function toPostSnapshot(r: Pick<StatsRecord, "stats" | "recorded_at">): PostSnapshot {
  return {
    recordedAt: r.recorded_at,
    impressions: metric(r.stats, "impressions"),
    likes: metric(r.stats, "likes"),
    comments: metric(r.stats, "comments"),
    shares: metric(r.stats, "shares"),
  };
}

const fromFor = (last: Date | null, now: Date) =>
  last ? last.toISOString() : new Date(now.getTime() - backfillMs).toISOString();

export type StatsSyncResult = {
  profiles: number;
  targets: number;
  snapshots: number;
  gone: number;
  errors: string[];
  /** Another request or server was reading this workspace's stats: nothing was read. */
  busy?: true;
};

/**
 * Reads what is due from Postproxy into the snapshot tables: profile timeseries not read within
 * the hour, and published targets by age (hourly for three days, then daily). Each read starts
 * at the last stored snapshot (90 days back the first time); storing is idempotent.
 */
export async function syncStats(
  ctx: WorkspaceCtx,
  opts: {
    now?: Date;
    scope?: "all" | "profiles" | "posts";
    targetIds?: string[];
    /** Read even what was read within the hour (the sync route's forced run). */
    force?: boolean;
  } = {},
): Promise<StatsSyncResult> {
  const now = opts.now ?? new Date();
  const result: StatsSyncResult = { profiles: 0, targets: 0, snapshots: 0, gone: 0, errors: [] };
  const client = await getWorkspacePostproxy(ctx, { deadlineMs: syncDeadlineMs });
  if (!client) return result;
  // One reader per workspace at a time (two app servers, the sync route and a chart's refresh).
  const holder = randomUUID();
  if (!(await takeWorkspaceLease(ctx, { job: "stats", holder, ms: statsLeaseMs, now })))
    return { ...result, busy: true };
  try {
    return await readDueStats(ctx, client, opts, now, result);
  } finally {
    await releaseWorkspaceLease(ctx, { job: "stats", holder });
  }
}

async function readDueStats(
  ctx: WorkspaceCtx,
  client: NonNullable<Awaited<ReturnType<typeof getWorkspacePostproxy>>>,
  opts: Parameters<typeof syncStats>[1] & object,
  now: Date,
  result: StatsSyncResult,
): Promise<StatsSyncResult> {
  const scope = opts.scope ?? "all";
  const fail = (where: string, error: unknown) => {
    result.errors.push(
      isAppError(error) ? error.message : `error ${logError(`stats:${where}`, error)}`,
    );
  };

  if (scope !== "posts") {
    const before = opts.force ? now : new Date(now.getTime() - statsMaxAgeMs);
    for (const profile of await listProfilesDueForStats(ctx, before)) {
      try {
        const read = await withAppErrors(
          () =>
            client.profiles.stats(
              profile.postproxyId,
              { from: fromFor(profile.lastRecordedAt, now) },
              { profileGroupId: profile.groupId },
            ),
          "stats:profile",
        );
        result.snapshots += await insertProfileSnapshots(
          ctx,
          profile.postproxyId,
          read.data.records.map(toProfileSnapshot),
        );
        await markProfileStatsFetched(ctx, profile.postproxyId, now);
        result.profiles += 1;
      } catch (error) {
        fail("profile", error);
      }
    }
  }

  if (scope !== "profiles") {
    const due = await listTargetsDueForStats(ctx, {
      now,
      force: opts.force,
      targetIds: opts.targetIds,
    });
    // Postproxy scopes posts by group: one batch of at most 50 ids per group.
    const byGroup = new Map<string, typeof due>();
    for (const t of due) {
      const key = t.groupId ?? "";
      byGroup.set(key, [...(byGroup.get(key) ?? []), t]);
    }
    for (const [groupId, targets] of byGroup) {
      for (let i = 0; i < targets.length; i += postBatch) {
        const batch = targets.slice(i, i + postBatch);
        // One read covers the batch: from its oldest last snapshot (a new target: 90 days).
        const lasts = batch.map((t) => t.lastRecordedAt);
        const earliest = lasts.some((d) => d === null)
          ? null
          : new Date(Math.min(...lasts.map((d) => d!.getTime())));
        try {
          const read = await withAppErrors(
            () =>
              client.posts.stats(
                {
                  postIds: [...new Set(batch.map((t) => t.postproxyPostId))],
                  from: fromFor(earliest, now),
                },
                { profileGroupId: groupId || undefined },
              ),
            "stats:posts",
          );
          const gone: string[] = [];
          const fetched: string[] = [];
          for (const t of batch) {
            const post = read.data[t.postproxyPostId];
            // Postproxy leaves out posts it no longer has: keep the history, stop asking.
            if (!post) {
              gone.push(t.targetId);
              continue;
            }
            const platform = post.platforms.find((p) => p.profile_id === t.profileId);
            result.snapshots += await insertPostSnapshots(
              ctx,
              t.targetId,
              (platform?.records ?? []).map(toPostSnapshot),
            );
            fetched.push(t.targetId);
          }
          await markTargetsStatsFetched(ctx, fetched, now);
          await markTargetsStatsFetched(ctx, gone, now, true);
          result.targets += fetched.length;
          result.gone += gone.length;
        } catch (error) {
          fail("posts", error);
        }
      }
    }
  }
  return result;
}

/** `profile.stats` and `platform_post.insights` as the webhook receiver hands them over. */
export type StatsEvent =
  | {
      type: "profile.stats";
      data: {
        profile_id: string;
        stats: Record<string, unknown>;
        recorded_at: string;
        placement_id?: string | null;
      };
    }
  | {
      type: "platform_post.insights";
      data: { post_id: string; profile_id?: string | null; insights?: Record<string, unknown> };
    };

/**
 * A profile.stats event is a snapshot and is stored as is (twice is the same as once).
 * platform_post.insights carries no snapshot time: it triggers a read from the last stored
 * snapshot onward (a 90-day backfill the first time).
 */
export async function ingestStatsEvent(ctx: WorkspaceCtx, event: StatsEvent): Promise<number> {
  if (event.type === "profile.stats") {
    const stats = event.data.stats as StatsRecord["stats"];
    return insertProfileSnapshots(ctx, event.data.profile_id, [
      toProfileSnapshot({ stats, recorded_at: event.data.recorded_at }),
    ]);
  }
  const target = await findTargetByPostproxyIds(
    ctx,
    event.data.post_id,
    event.data.profile_id ?? null,
  );
  if (!target) return 0;
  const result = await syncStats(ctx, { scope: "posts", targetIds: [target.id], force: true });
  return result.snapshots;
}
