import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { posts, postTargets, profiles, workspaces } from "@/lib/db/schema";
import {
  calendarMaxEntries,
  type CalendarData,
  type CalendarEntry,
  type CalendarQuery,
} from "@/lib/validation/calendar";
import { editLockMarginMs, postproxyEditLockMs } from "@/lib/validation/edit-lock";
import { requireRole, type WorkspaceCtx } from "./context";

const captionStartLength = 80;
/** A time as JavaScript's toISOString writes it (UTC, milliseconds, "Z"). */
const isoOf = (column: SQL) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** An entry as the statement sends it: its fields in CalendarEntry's order, without their names. */
type EntryRow = [
  id: string,
  postId: string,
  postStatus: string,
  version: number,
  profileId: string,
  profileName: string,
  avatarUrl: string | null,
  status: CalendarEntry["status"],
  at: string,
  timeZone: string,
  caption: string,
  isMovable: boolean,
];

/**
 * Every post in [from, to) (days in the workspace's timezone), one entry per profile: sent posts
 * by their targets, drafts that carry a time by their chosen profiles. One statement: the posts by
 * the (workspace, list_at) index, each joined to its targets by the (post, profile) index, the
 * entries built, filtered and ordered in PostgreSQL and sent back as one JSON text (a month of
 * 5,000 posts is ~10,000 entries: mapping them as rows in JavaScript cost most of the time).
 */
export async function listCalendarEntries(
  ctx: WorkspaceCtx,
  query: CalendarQuery,
  options: { now?: Date; timeZone?: string } = {},
): Promise<CalendarData> {
  requireRole(ctx, "viewer");
  const now = options.now ?? new Date();
  const ws = ctx.workspaceId;
  const zone = options.timeZone
    ? sql`${options.timeZone}::text`
    : sql`coalesce((select ${workspaces.timezone} from ${workspaces} where ${workspaces.id} = ${ws}), 'UTC')`;
  // A target is movable while it is scheduled on Postproxy and outside the 5-minute lock (plus a
  // minute's margin), as isInsideEditLock decides it.
  const movableAfter = new Date(now.getTime() + postproxyEditLockMs + editLockMarginMs);
  const profileFilter = query.profiles.length ? sql`and e.profile_id in ${query.profiles}` : sql``;
  const statusFilter = query.statuses.length ? sql`and e.status in ${query.statuses}` : sql``;
  const result = await ctx.db.execute(sql`
    with z as (select ${zone} as tz),
    p as (
      select p.id, p.status, p.version, p.time_zone, p.list_at, p.profile_ids,
        left(p.caption, ${captionStartLength}) as caption
      from ${posts} p, z
      where p.workspace_id = ${ws}
        and p.list_at >= (${query.from}::date::timestamp at time zone z.tz)
        and p.list_at < (${query.to}::date::timestamp at time zone z.tz)
        and (p.status <> 'draft' or p.scheduled_at is not null)
      order by p.list_at, p.id
      limit ${calendarMaxEntries + 1}
    ),
    shown as (select * from p order by list_at, id limit ${calendarMaxEntries}),
    e as (
      select t.id::text as id, s.id as post_id, s.status::text as post_status, s.version,
        s.time_zone, s.caption, s.list_at, t.profile_id, coalesce(t.profile_name, t.profile_id)
        as profile_name, t.profile_avatar_url as avatar_url, t.status::text as status,
        coalesce(t.published_at, t.scheduled_at, s.list_at) as at,
        (t.status = 'scheduled' and t.postproxy_post_id is not null
          and t.scheduled_at > ${movableAfter.toISOString()}::timestamptz) as is_movable
      from shown s
      join ${postTargets} t on t.post_id = s.id and t.workspace_id = ${ws}
      where s.status <> 'draft'
      union all
      select concat('draft:', s.id, ':', d.profile_id), s.id, s.status::text, s.version,
        s.time_zone, s.caption, s.list_at, d.profile_id, coalesce(pr.name, d.profile_id),
        pr.avatar_url, 'draft', s.list_at, false
      from shown s
      cross join lateral jsonb_array_elements_text(s.profile_ids) as d(profile_id)
      left join ${profiles} pr on pr.workspace_id = ${ws} and pr.postproxy_id = d.profile_id
      where s.status = 'draft'
    )
    select (select tz from z) as time_zone,
      (select count(*) from p) > ${calendarMaxEntries} as is_truncated,
      coalesce((
        select json_agg(json_build_array(e.id, e.post_id, e.post_status, e.version, e.profile_id,
          e.profile_name, e.avatar_url, e.status, ${isoOf(sql`e.at`)}, e.time_zone, e.caption,
          e.is_movable))
        from (
          select * from e where true ${profileFilter} ${statusFilter}
          order by e.at, e.profile_name collate "C", e.list_at, e.post_id, e.id
        ) e
      )::text, '[]') as entries`);
  const [row] = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    time_zone: string;
    is_truncated: boolean;
    entries: string;
  }[];
  const rows = JSON.parse(row.entries) as EntryRow[];
  return {
    timeZone: row.time_zone,
    entries: rows.map((r) => ({
      id: r[0],
      postId: r[1],
      postStatus: r[2],
      version: r[3],
      profileId: r[4],
      profileName: r[5],
      avatarUrl: r[6],
      status: r[7],
      at: r[8],
      timeZone: r[9],
      caption: r[10],
      isMovable: r[11],
    })),
    isTruncated: row.is_truncated,
  };
}
