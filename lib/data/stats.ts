import "server-only";
// Drizzle select skeletons (select, from, where and(workspaceId, …)) repeat across lib/data:
// each query names its own columns and workspace scope (STYLE.md); a shared builder hides both.
import { and, asc, eq, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import {
  postStatSnapshots,
  postStatStates,
  postTargets,
  posts,
  profileGroups,
  profiles,
  profileMirrorStates,
  profileStatSnapshots,
  workspaces,
} from "@/lib/db/schema";
import type { Db } from "@/lib/db/client";
import { topPostsPageSize, type TopPostSort } from "@/lib/validation/top-posts";
import { AppError } from "@/lib/errors";
import { requireRole, type WorkspaceCtx } from "./context";
import { mirrorStateColumns, toMirrorState } from "./profiles";

export type ProfileSnapshot = {
  recordedAt: string;
  followerCount: number | null;
  followingCount: number | null;
  likesCount: number | null;
  videoCount: number | null;
};
export type PostSnapshot = {
  recordedAt: string;
  impressions: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);
/** A time as a raw-SQL parameter (postgres.js takes no Date inside a plain sql template). */
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Stores snapshots of a mirrored profile; one already stored (same recorded_at) is left alone. */
export async function insertProfileSnapshots(
  ctx: WorkspaceCtx,
  profilePostproxyId: string,
  records: ProfileSnapshot[],
): Promise<number> {
  requireRole(ctx, "viewer");
  const profile = await findProfileRow(ctx, profilePostproxyId);
  if (!profile || records.length === 0) return 0;
  const inserted = await ctx.db
    .insert(profileStatSnapshots)
    .values(
      records.map((r) => ({
        workspaceId: ctx.workspaceId,
        profileId: profile.id,
        recordedAt: new Date(r.recordedAt),
        followerCount: r.followerCount,
        followingCount: r.followingCount,
        likesCount: r.likesCount,
        videoCount: r.videoCount,
      })),
    )
    .onConflictDoNothing()
    .returning({ at: profileStatSnapshots.recordedAt });
  return inserted.length;
}

/** Stores snapshots of one of the workspace's post targets; duplicates change nothing. */
export async function insertPostSnapshots(
  ctx: WorkspaceCtx,
  targetId: string,
  records: PostSnapshot[],
): Promise<number> {
  requireRole(ctx, "viewer");
  if (records.length === 0) return 0;
  const [target] = await ctx.db
    .select({ id: postTargets.id })
    .from(postTargets)
    .where(and(eq(postTargets.id, targetId), eq(postTargets.workspaceId, ctx.workspaceId)));
  if (!target) return 0;
  const inserted = await ctx.db
    .insert(postStatSnapshots)
    .values(
      records.map((r) => ({
        workspaceId: ctx.workspaceId,
        postTargetId: target.id,
        recordedAt: new Date(r.recordedAt),
        impressions: r.impressions,
        likes: r.likes,
        comments: r.comments,
        shares: r.shares,
      })),
    )
    .onConflictDoNothing()
    .returning({ at: postStatSnapshots.recordedAt });
  if (inserted.length) await refreshLatestSnapshots(ctx.db, ctx.workspaceId, [target.id]);
  return inserted.length;
}

/**
 * Copies each target's latest snapshot, and its engagement 7 days after publishing, onto its
 * post_stat_states row (the Stats page reads them there instead of looking up every target's
 * snapshots); all of the workspace's targets when `targetIds` is not given.
 */
export async function refreshLatestSnapshots(db: Db, workspaceId: string, targetIds?: string[]) {
  if (targetIds && targetIds.length === 0) return;
  await db.execute(sql`
    insert into ${postStatStates} (post_target_id, workspace_id, latest_recorded_at,
      latest_impressions, latest_likes, latest_comments, latest_shares, week_engagement)
    select t.id, t.workspace_id, l.recorded_at, l.impressions, l.likes, l.comments, l.shares,
      (select coalesce(w.likes, 0) + coalesce(w.comments, 0) + coalesce(w.shares, 0)
       from ${postStatSnapshots} w
       where w.post_target_id = t.id and w.recorded_at <= t.published_at + interval '7 days'
       order by w.recorded_at desc limit 1)
    from ${postTargets} t
    cross join lateral (
      select s.recorded_at, s.impressions, s.likes, s.comments, s.shares
      from ${postStatSnapshots} s where s.post_target_id = t.id
      order by s.recorded_at desc limit 1
    ) l
    where t.workspace_id = ${workspaceId} ${targetIds ? sql`and t.id in ${targetIds}` : sql``}
    on conflict (post_target_id) do update set
      latest_recorded_at = excluded.latest_recorded_at,
      latest_impressions = excluded.latest_impressions,
      latest_likes = excluded.latest_likes,
      latest_comments = excluded.latest_comments,
      latest_shares = excluded.latest_shares,
      week_engagement = excluded.week_engagement`);
}

async function findProfileRow(ctx: WorkspaceCtx, postproxyId: string) {
  const [row] = await ctx.db
    .select({ id: profiles.id })
    .from(profiles)
    .where(and(eq(profiles.workspaceId, ctx.workspaceId), eq(profiles.postproxyId, postproxyId)));
  return row ?? null;
}

/** Profiles whose stats were last read before `before` (or never), with their last snapshot. */
export async function listProfilesDueForStats(ctx: WorkspaceCtx, before: Date) {
  requireRole(ctx, "viewer");
  return ctx.db
    .select({
      postproxyId: profiles.postproxyId,
      groupId: profileGroups.postproxyId,
      lastRecordedAt:
        sql<Date | null>`(select max(${profileStatSnapshots.recordedAt}) from ${profileStatSnapshots} where ${profileStatSnapshots.profileId} = ${profiles.id})`.mapWith(
          (v) => (v ? new Date(v) : null),
        ),
    })
    .from(profiles)
    .innerJoin(profileGroups, eq(profileGroups.id, profiles.groupId))
    .where(
      and(
        eq(profiles.workspaceId, ctx.workspaceId),
        eq(profiles.platform, "tiktok"),
        isNull(profiles.removedAt),
        or(isNull(profiles.statsFetchedAt), lt(profiles.statsFetchedAt, before)),
      ),
    );
}

export async function markProfileStatsFetched(ctx: WorkspaceCtx, postproxyId: string, at: Date) {
  requireRole(ctx, "viewer");
  await ctx.db
    .update(profiles)
    .set({ statsFetchedAt: at, lastSuccessAt: at })
    .where(and(eq(profiles.workspaceId, ctx.workspaceId), eq(profiles.postproxyId, postproxyId)));
}

/** Fresh posts are read hourly in their first three days, older ones daily. */
export const freshPostAgeMs = 3 * 24 * 3600_000;

/**
 * Published targets whose stats are due: never read, read over an hour ago (first three days)
 * or over a day ago (later); targets Postproxy no longer has are skipped.
 */
export async function listTargetsDueForStats(
  ctx: WorkspaceCtx,
  options: { now?: Date; targetIds?: string[]; limit?: number; force?: boolean } = {},
) {
  requireRole(ctx, "viewer");
  const now = options.now ?? new Date();
  const hourAgo = new Date(now.getTime() - 3600_000);
  const dayAgo = new Date(now.getTime() - 24 * 3600_000);
  const freshSince = new Date(now.getTime() - freshPostAgeMs);
  const rows = await ctx.db
    .select({
      targetId: postTargets.id,
      postproxyPostId: postTargets.postproxyPostId,
      profileId: postTargets.profileId,
      groupId: sql<
        string | null
      >`coalesce(${postTargets.request}->>'profileGroupId', ${profileGroups.postproxyId})`,
      lastRecordedAt:
        sql<Date | null>`(select max(${postStatSnapshots.recordedAt}) from ${postStatSnapshots} where ${postStatSnapshots.postTargetId} = ${postTargets.id})`.mapWith(
          (v) => (v ? new Date(v) : null),
        ),
    })
    .from(postTargets)
    .leftJoin(postStatStates, eq(postStatStates.postTargetId, postTargets.id))
    .leftJoin(
      profiles,
      and(
        eq(profiles.workspaceId, postTargets.workspaceId),
        eq(profiles.postproxyId, postTargets.profileId),
      ),
    )
    .leftJoin(profileGroups, eq(profileGroups.id, profiles.groupId))
    .where(
      and(
        eq(postTargets.workspaceId, ctx.workspaceId),
        eq(postTargets.status, "published"),
        sql`${postTargets.postproxyPostId} is not null`,
        isNull(postStatStates.goneAt),
        options.targetIds ? inArray(postTargets.id, options.targetIds) : undefined,
        options.force
          ? undefined
          : sql`(${postStatStates.fetchedAt} is null
          or (${postTargets.publishedAt} >= ${ts(freshSince)} and ${postStatStates.fetchedAt} < ${ts(hourAgo)})
          or ${postStatStates.fetchedAt} < ${ts(dayAgo)})`,
      ),
    )
    .limit(options.limit ?? 1000);
  return rows.map((r) => ({ ...r, postproxyPostId: r.postproxyPostId! }));
}

export async function markTargetsStatsFetched(
  ctx: WorkspaceCtx,
  targetIds: string[],
  at: Date,
  gone = false,
) {
  requireRole(ctx, "viewer");
  if (targetIds.length === 0) return;
  await ctx.db
    .insert(postStatStates)
    .values(
      targetIds.map((id) => ({
        postTargetId: id,
        workspaceId: ctx.workspaceId,
        fetchedAt: at,
        goneAt: gone ? at : null,
      })),
    )
    .onConflictDoUpdate({
      target: postStatStates.postTargetId,
      set: gone ? { fetchedAt: at, goneAt: at } : { fetchedAt: at },
      setWhere: eq(postStatStates.workspaceId, ctx.workspaceId),
    });
}

/** The workspace's target with this Postproxy post and profile (webhooks name them so). */
export async function findTargetByPostproxyIds(
  ctx: WorkspaceCtx,
  postproxyPostId: string,
  profileId: string | null,
) {
  requireRole(ctx, "viewer");
  const rows = await ctx.db
    .select({ id: postTargets.id, profileId: postTargets.profileId })
    .from(postTargets)
    .where(
      and(
        eq(postTargets.workspaceId, ctx.workspaceId),
        eq(postTargets.postproxyPostId, postproxyPostId),
        profileId ? eq(postTargets.profileId, profileId) : undefined,
      ),
    );
  return rows[0] ?? null;
}

/**
 * Per profile: snapshots in [from, to), ascending (a null metric is a gap, not a 0), and how many
 * there are. With `bucketMs`, the range's first snapshot and then the last snapshot of each
 * bucket of that width (UTC-aligned) — a long range of frequent snapshots is drawn from a few
 * hundred points, bucketed in the database rather than shipped whole.
 */
export async function getProfileSeries(
  ctx: WorkspaceCtx,
  input: { profileIds: string[]; from: Date; to: Date; bucketMs?: number },
): Promise<{ profileId: string; points: ProfileSnapshot[]; snapshots: number }[]> {
  requireRole(ctx, "viewer");
  if (input.profileIds.length === 0) return [];
  const seconds = input.bucketMs ? Math.max(1, Math.round(input.bucketMs / 1000)) : null;
  const lastInBucket = seconds
    ? sql`row_number() over (partition by s.profile_id, date_bin(make_interval(secs => ${seconds}), s.recorded_at, ${ts(new Date(0))}) order by s.recorded_at desc)`
    : sql`1`;
  const result = await ctx.db.execute(sql`
    select profile_id, recorded_at, follower_count, following_count, likes_count, video_count, n
    from (
      select p.postproxy_id as profile_id, s.recorded_at, s.follower_count, s.following_count,
             s.likes_count, s.video_count,
             ${lastInBucket} as in_bucket,
             min(s.recorded_at) over (partition by s.profile_id) as first_at,
             count(*) over (partition by s.profile_id) as n
      from ${profileStatSnapshots} s
      join ${profiles} p on p.id = s.profile_id and p.workspace_id = ${ctx.workspaceId}
      where s.workspace_id = ${ctx.workspaceId} and p.postproxy_id in ${input.profileIds}
        and s.recorded_at >= ${ts(input.from)} and s.recorded_at < ${ts(input.to)}
    ) x
    where in_bucket = 1 or recorded_at = first_at
    order by recorded_at`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<
    string,
    unknown
  >[];
  return input.profileIds.map((profileId) => {
    const own = rows.filter((r) => r.profile_id === profileId);
    return {
      profileId,
      snapshots: own.length ? Number(own[0].n) : 0,
      points: own.map((r) => ({
        recordedAt: new Date(r.recorded_at as string).toISOString(),
        followerCount: num(r.follower_count),
        followingCount: num(r.following_count),
        likesCount: num(r.likes_count),
        videoCount: num(r.video_count),
      })),
    };
  });
}

/** The latest snapshot of each profile at or before `at` (the previous period's ends). */
export async function getProfileValuesAt(
  ctx: WorkspaceCtx,
  profileIds: string[],
  at: Date,
): Promise<Map<string, ProfileSnapshot>> {
  requireRole(ctx, "viewer");
  if (profileIds.length === 0) return new Map();
  const rows = await ctx.db.execute<{
    profile_id: string;
    recorded_at: string | Date;
    follower_count: number | null;
    following_count: number | null;
    likes_count: number | null;
    video_count: number | null;
  }>(sql`
    select p.postproxy_id as profile_id, s.recorded_at, s.follower_count, s.following_count,
           s.likes_count, s.video_count
    from ${profiles} p
    cross join lateral (
      select * from ${profileStatSnapshots} s
      where s.profile_id = p.id and s.workspace_id = ${ctx.workspaceId} and s.recorded_at <= ${ts(at)}
      order by s.recorded_at desc limit 1
    ) s
    where p.workspace_id = ${ctx.workspaceId} and p.postproxy_id in ${profileIds}`);
  const list = (Array.isArray(rows) ? rows : (rows as { rows: typeof rows }).rows) as unknown as {
    profile_id: string;
    recorded_at: string | Date;
    follower_count: unknown;
    following_count: unknown;
    likes_count: unknown;
    video_count: unknown;
  }[];
  return new Map(
    list.map((r) => [
      r.profile_id,
      {
        recordedAt: new Date(r.recorded_at).toISOString(),
        followerCount: num(r.follower_count),
        followingCount: num(r.following_count),
        likesCount: num(r.likes_count),
        videoCount: num(r.video_count),
      },
    ]),
  );
}

/** Each target of a post with its snapshots, ascending. */
export async function getPostSeries(ctx: WorkspaceCtx, postId: string) {
  requireRole(ctx, "viewer");
  const targets = await ctx.db
    .select({
      targetId: postTargets.id,
      profileId: postTargets.profileId,
      profileName: postTargets.profileName,
      status: postTargets.status,
      postproxyPostId: postTargets.postproxyPostId,
      publishedAt: postTargets.publishedAt,
      fetchedAt: postStatStates.fetchedAt,
      goneAt: postStatStates.goneAt,
    })
    .from(postTargets)
    .leftJoin(postStatStates, eq(postStatStates.postTargetId, postTargets.id))
    .where(and(eq(postTargets.postId, postId), eq(postTargets.workspaceId, ctx.workspaceId)))
    .orderBy(asc(postTargets.profileName));
  if (targets.length === 0) return [];
  const points = await ctx.db
    .select({
      targetId: postStatSnapshots.postTargetId,
      recordedAt: postStatSnapshots.recordedAt,
      impressions: postStatSnapshots.impressions,
      likes: postStatSnapshots.likes,
      comments: postStatSnapshots.comments,
      shares: postStatSnapshots.shares,
    })
    .from(postStatSnapshots)
    .where(
      and(
        eq(postStatSnapshots.workspaceId, ctx.workspaceId),
        inArray(
          postStatSnapshots.postTargetId,
          targets.map((t) => t.targetId),
        ),
      ),
    )
    .orderBy(asc(postStatSnapshots.recordedAt));
  return targets.map((t) => ({
    ...t,
    publishedAt: iso(t.publishedAt),
    fetchedAt: iso(t.fetchedAt),
    goneAt: iso(t.goneAt),
    points: points
      .filter((p) => p.targetId === t.targetId)
      .map((p) => ({
        recordedAt: p.recordedAt.toISOString(),
        impressions: num(p.impressions),
        likes: num(p.likes),
        comments: num(p.comments),
        shares: num(p.shares),
      })),
  }));
}

export type TopPostRow = {
  targetId: string;
  postId: string;
  caption: string;
  profileId: string;
  profileName: string;
  publishedAt: string;
  mediaId: string | null;
  format: "video" | "image" | null;
  mediaCount: number;
  recordedAt: string | null;
  impressions: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
};

/** Per column of the table: its order in SQL, highest first, a missing value last (never 0). */
const topPostOrder: Record<TopPostSort, SQL> = {
  impressions: sql`s.latest_impressions desc nulls last`,
  likes: sql`s.latest_likes desc nulls last`,
  comments: sql`s.latest_comments desc nulls last`,
  shares: sql`s.latest_shares desc nulls last`,
  engagement: sql`(coalesce(s.latest_likes, 0) + coalesce(s.latest_comments, 0) + coalesce(s.latest_shares, 0))::float8 / nullif(s.latest_impressions, 0) desc nulls last`,
  published: sql`t.published_at desc`,
};

/**
 * Targets published in [from, to), each with its latest snapshot (null metrics when none), in the
 * order of `sort` (impressions by default), ties newest first: `limit` rows from `offset` (one
 * page of the table), or every row when `limit` is null (the CSV: the whole ranking).
 */
export async function listTopPosts(
  ctx: WorkspaceCtx,
  input: {
    from: Date;
    to: Date;
    profileIds?: string[];
    sort?: TopPostSort;
    limit?: number | null;
    offset?: number;
  },
): Promise<TopPostRow[]> {
  requireRole(ctx, "viewer");
  const profileFilter =
    input.profileIds && input.profileIds.length
      ? sql`and t.profile_id in ${input.profileIds}`
      : sql``;
  // The latest snapshot is kept on post_stat_states at ingest: one row per target, no lookup
  // into the snapshots.
  const result = await ctx.db.execute(sql`
    select t.id as target_id, t.post_id, p.caption, t.profile_id, t.profile_name, t.published_at,
           p.media->0->>'id' as media_id, p.format, jsonb_array_length(p.media) as media_count,
           s.latest_recorded_at as recorded_at, s.latest_impressions as impressions,
           s.latest_likes as likes, s.latest_comments as comments, s.latest_shares as shares
    from ${postTargets} t
    join ${posts} p on p.id = t.post_id and p.workspace_id = ${ctx.workspaceId}
    left join ${postStatStates} s on s.post_target_id = t.id and s.workspace_id = ${ctx.workspaceId}
    where t.workspace_id = ${ctx.workspaceId} and t.status = 'published'
      and t.published_at >= ${ts(input.from)} and t.published_at < ${ts(input.to)} ${profileFilter}
    order by ${topPostOrder[input.sort ?? "impressions"]}, t.published_at desc, t.id
    ${input.limit === null ? sql`` : sql`limit ${input.limit ?? topPostsPageSize}`}
    offset ${input.offset ?? 0}`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<
    string,
    unknown
  >[];
  return rows.map((r) => ({
    targetId: String(r.target_id),
    postId: String(r.post_id),
    caption: String(r.caption ?? ""),
    profileId: String(r.profile_id),
    profileName: String(r.profile_name),
    publishedAt: new Date(r.published_at as string).toISOString(),
    mediaId: r.media_id ? String(r.media_id) : null,
    format: r.format === "video" || r.format === "image" ? r.format : null,
    mediaCount: Number(r.media_count ?? 0),
    recordedAt: r.recorded_at ? new Date(r.recorded_at as string).toISOString() : null,
    impressions: num(r.impressions),
    likes: num(r.likes),
    comments: num(r.comments),
    shares: num(r.shares),
  }));
}

export type BestTimeCell = { weekday: number; hour: number; posts: number; engagement: number };

/**
 * Per weekday (0 = Sunday) × hour in `timeZone`: how many published posts, and their mean
 * engagement 7 days after publishing (likes + comments + shares of the latest snapshot taken
 * within 7 days). Posts without such a snapshot are not counted.
 */
export async function getBestTimes(ctx: WorkspaceCtx, timeZone: string): Promise<BestTimeCell[]> {
  requireRole(ctx, "viewer");
  // Each target's engagement 7 days after publishing is kept on post_stat_states at ingest.
  const result = await ctx.db.execute(sql`
    select extract(dow from t.published_at at time zone ${timeZone})::int as weekday,
           extract(hour from t.published_at at time zone ${timeZone})::int as hour,
           count(*)::int as posts,
           avg(s.week_engagement)::float8 as engagement
    from ${postTargets} t
    join ${postStatStates} s on s.post_target_id = t.id and s.workspace_id = ${ctx.workspaceId}
    where t.workspace_id = ${ctx.workspaceId} and t.status = 'published' and t.published_at is not null
      and s.week_engagement is not null
    group by 1, 2`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<
    string,
    unknown
  >[];
  return rows.map((r) => ({
    weekday: Number(r.weekday),
    hour: Number(r.hour),
    posts: Number(r.posts),
    engagement: Number(r.engagement),
  }));
}

/** The newest stats reads of the workspace (profiles, posts), as subqueries of one select. */
const syncedAtColumns = (workspaceId: string) => ({
  profilesAt:
    sql`(select max(${profiles.statsFetchedAt}) from ${profiles} where ${profiles.workspaceId} = ${workspaceId})`.mapWith(
      profiles.statsFetchedAt,
    ),
  postsAt:
    sql`(select max(${postStatStates.fetchedAt}) from ${postStatStates} where ${postStatStates.workspaceId} = ${workspaceId})`.mapWith(
      postStatStates.fetchedAt,
    ),
});

function toSyncedAt(row: { profilesAt: Date | null; postsAt: Date | null } | undefined, now: Date) {
  const last = row?.profilesAt ?? row?.postsAt ?? null;
  return {
    profiles: iso(row?.profilesAt ?? null),
    posts: iso(row?.postsAt ?? null),
    /** Older than an hour (or never read): a chart asks for a background refresh. */
    isStale: !last || now.getTime() - last.getTime() > 3600_000,
  };
}

/** When the workspace's stats were last read from Postproxy (profiles and posts), or null. */
export async function getStatsSyncedAt(ctx: WorkspaceCtx, now = new Date()) {
  requireRole(ctx, "viewer");
  const [row] = await ctx.db
    .select(syncedAtColumns(ctx.workspaceId))
    .from(workspaces)
    .where(eq(workspaces.id, ctx.workspaceId));
  return toSyncedAt(row, now);
}

/**
 * What the Stats page reads before its charts, in one round trip: the profile mirror's state
 * (whether there is a key), the workspace's timezone and when stats were last synced.
 */
export async function getStatsPageState(ctx: WorkspaceCtx, now = new Date()) {
  requireRole(ctx, "viewer");
  const [row] = await ctx.db
    .select({
      ...mirrorStateColumns,
      timezone: workspaces.timezone,
      ...syncedAtColumns(ctx.workspaceId),
    })
    .from(workspaces)
    .leftJoin(profileMirrorStates, eq(profileMirrorStates.workspaceId, workspaces.id))
    .where(eq(workspaces.id, ctx.workspaceId));
  if (!row) throw new AppError("not_found", "Workspace not found.");
  return {
    mirror: toMirrorState(row, now),
    timezone: row.timezone,
    synced: toSyncedAt(row, now),
  };
}
