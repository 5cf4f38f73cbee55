import "server-only";
import { and, asc, eq, gte, inArray, isNull, lt, max, or, sql } from "drizzle-orm";
import {
  postStatSnapshots,
  postStatStates,
  postTargets,
  posts,
  profileGroups,
  profiles,
  profileStatSnapshots,
} from "@/lib/db/schema";
import { requireRole, type WorkspaceCtx } from "./context";

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
  return inserted.length;
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

/** Per profile: snapshots in [from, to), ascending (a null metric is a gap, not a 0). */
export async function getProfileSeries(
  ctx: WorkspaceCtx,
  input: { profileIds: string[]; from: Date; to: Date },
): Promise<{ profileId: string; points: ProfileSnapshot[] }[]> {
  requireRole(ctx, "viewer");
  if (input.profileIds.length === 0) return [];
  const rows = await ctx.db
    .select({
      profileId: profiles.postproxyId,
      recordedAt: profileStatSnapshots.recordedAt,
      followerCount: profileStatSnapshots.followerCount,
      followingCount: profileStatSnapshots.followingCount,
      likesCount: profileStatSnapshots.likesCount,
      videoCount: profileStatSnapshots.videoCount,
    })
    .from(profileStatSnapshots)
    .innerJoin(profiles, eq(profiles.id, profileStatSnapshots.profileId))
    .where(
      and(
        eq(profileStatSnapshots.workspaceId, ctx.workspaceId),
        eq(profiles.workspaceId, ctx.workspaceId),
        inArray(profiles.postproxyId, input.profileIds),
        gte(profileStatSnapshots.recordedAt, input.from),
        lt(profileStatSnapshots.recordedAt, input.to),
      ),
    )
    .orderBy(asc(profileStatSnapshots.recordedAt));
  return input.profileIds.map((profileId) => ({
    profileId,
    points: rows
      .filter((r) => r.profileId === profileId)
      .map((r) => ({
        recordedAt: r.recordedAt.toISOString(),
        followerCount: num(r.followerCount),
        followingCount: num(r.followingCount),
        likesCount: num(r.likesCount),
        videoCount: num(r.videoCount),
      })),
  }));
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

/** Targets published in [from, to), each with its latest snapshot (null metrics when none). */
export async function listTopPosts(
  ctx: WorkspaceCtx,
  input: { from: Date; to: Date; profileIds?: string[]; limit?: number },
): Promise<TopPostRow[]> {
  requireRole(ctx, "viewer");
  const profileFilter =
    input.profileIds && input.profileIds.length
      ? sql`and t.profile_id in ${input.profileIds}`
      : sql``;
  const result = await ctx.db.execute(sql`
    select t.id as target_id, t.post_id, p.caption, t.profile_id, t.profile_name, t.published_at,
           p.media->0->>'id' as media_id, p.format, jsonb_array_length(p.media) as media_count,
           s.recorded_at, s.impressions, s.likes, s.comments, s.shares
    from ${postTargets} t
    join ${posts} p on p.id = t.post_id and p.workspace_id = ${ctx.workspaceId}
    left join lateral (
      select * from ${postStatSnapshots} s
      where s.post_target_id = t.id and s.workspace_id = ${ctx.workspaceId}
      order by s.recorded_at desc limit 1
    ) s on true
    where t.workspace_id = ${ctx.workspaceId} and t.status = 'published'
      and t.published_at >= ${ts(input.from)} and t.published_at < ${ts(input.to)} ${profileFilter}
    order by s.impressions desc nulls last, t.published_at desc
    limit ${input.limit ?? 200}`);
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
  const result = await ctx.db.execute(sql`
    select extract(dow from t.published_at at time zone ${timeZone})::int as weekday,
           extract(hour from t.published_at at time zone ${timeZone})::int as hour,
           count(*)::int as posts,
           avg(coalesce(s.likes, 0) + coalesce(s.comments, 0) + coalesce(s.shares, 0))::float8 as engagement
    from ${postTargets} t
    join lateral (
      select * from ${postStatSnapshots} s
      where s.post_target_id = t.id and s.workspace_id = ${ctx.workspaceId}
        and s.recorded_at <= t.published_at + interval '7 days'
      order by s.recorded_at desc limit 1
    ) s on true
    where t.workspace_id = ${ctx.workspaceId} and t.status = 'published' and t.published_at is not null
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

/** When the workspace's stats were last read from Postproxy (profiles and posts), or null. */
export async function getStatsSyncedAt(ctx: WorkspaceCtx, now = new Date()) {
  requireRole(ctx, "viewer");
  const [p] = await ctx.db
    .select({ at: max(profiles.statsFetchedAt) })
    .from(profiles)
    .where(eq(profiles.workspaceId, ctx.workspaceId));
  const [t] = await ctx.db
    .select({ at: max(postStatStates.fetchedAt) })
    .from(postStatStates)
    .where(eq(postStatStates.workspaceId, ctx.workspaceId));
  const last = p?.at ?? t?.at ?? null;
  return {
    profiles: iso(p?.at ?? null),
    posts: iso(t?.at ?? null),
    /** Older than an hour (or never read): a chart asks for a background refresh. */
    isStale: !last || now.getTime() - last.getTime() > 3600_000,
  };
}
