import "server-only";
// Drizzle select skeletons (select, from, where and(workspaceId, …)) repeat across lib/data:
// each query names its own columns and workspace scope (STYLE.md); a shared builder hides both.
import { TZDate } from "@date-fns/tz";
import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, sql, type SQL } from "drizzle-orm";
import { importedPosts, posts, postTargets, profiles, workspaces } from "@/lib/db/schema";
import { isFinalTargetStatus, type TargetStatus } from "@/lib/validation/post-view";
import {
  postsPageSize,
  type PostsListPage,
  type PostsListRow,
  type PostsProfileOption,
  type PostsQuery,
  type PostsRowTimeKind,
} from "@/lib/validation/posts-query";
import { requireRole, type WorkspaceCtx } from "./context";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const captionStartLength = 200;

/** The keyset position of a row: its sort time (ms precision is kept as ISO) and id. */
type Cursor = { at: string; id: string };

export function encodePostsCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.at, c.id])).toString("base64url");
}

function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(value, "base64url").toString());
    if (typeof at === "string" && !Number.isNaN(Date.parse(at)) && uuidPattern.test(id))
      return { at, id };
  } catch {
    // A malformed cursor starts from the top.
  }
  return null;
}

/** `%`, `_` and `\` typed in a search are matched as themselves. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The first instant of a YYYY-MM-DD day in the workspace's timezone. */
function startOfDay(day: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, timeZone).getTime());
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

type TargetFacts = {
  postId: string;
  profileId: string;
  profileName: string;
  status: TargetStatus;
  publishedAt: Date | null;
  updatedAt: Date;
};

/**
 * The time a row shows for its status: a published post when it went live (never "Scheduled
 * for"), a failed or cancelled one when that happened, a scheduled one its time, a draft its last
 * edit.
 */
export function rowTime(
  post: {
    status: PostsListRow["status"];
    scheduledAt: Date | null;
    submittedAt: Date | null;
    updatedAt: Date;
  },
  targets: Pick<TargetFacts, "status" | "publishedAt" | "updatedAt">[],
): { kind: PostsRowTimeKind; at: string } | null {
  const latest = (dates: (Date | null)[]) => {
    const times = dates.filter((d): d is Date => d !== null).map((d) => d.getTime());
    return times.length ? new Date(Math.max(...times)).toISOString() : null;
  };
  const of = (kind: PostsRowTimeKind, at: string | null) => (at ? { kind, at } : null);
  switch (post.status) {
    case "draft":
      return of("edited", post.updatedAt.toISOString());
    case "published":
    case "partially_published":
      return of(
        "published",
        latest(
          targets.filter((t) => t.status === "published").map((t) => t.publishedAt ?? t.updatedAt),
        ),
      );
    case "failed":
      return of(
        "failed",
        latest(targets.filter((t) => t.status === "failed").map((t) => t.updatedAt)),
      );
    case "cancelled":
      return of(
        "cancelled",
        latest(targets.filter((t) => t.status === "cancelled").map((t) => t.updatedAt)),
      );
    default:
      return post.scheduledAt
        ? of("scheduled", post.scheduledAt.toISOString())
        : of("sent", (post.submittedAt ?? post.updatedAt).toISOString());
  }
}

/** The timezone the list's date filter reads days in. */
export async function workspaceTimeZone(ctx: WorkspaceCtx): Promise<string> {
  const [row] = await ctx.db
    .select({ timezone: workspaces.timezone })
    .from(workspaces)
    .where(eq(workspaces.id, ctx.workspaceId));
  return row?.timezone ?? "UTC";
}

/**
 * One keyset page of the posts list. The Posts tab: every sent post, newest list time first
 * (scheduled time, else when sent); the Drafts tab: drafts, last edited first. Filters: status,
 * profile, a date range (days in the workspace's timezone, on the list time; a draft's last edit)
 * and caption text.
 */
export async function listPostsPage(
  ctx: WorkspaceCtx,
  query: PostsQuery,
  options: { cursor?: string; limit?: number; timeZone?: string } = {},
): Promise<PostsListPage> {
  requireRole(ctx, "viewer");
  const limit = Math.min(Math.max(1, options.limit ?? postsPageSize), 100);
  const isDrafts = query.tab === "drafts";
  const sortAt = isDrafts ? posts.updatedAt : posts.listAt;
  const conditions: SQL[] = [eq(posts.workspaceId, ctx.workspaceId)];
  if (isDrafts) conditions.push(eq(posts.status, "draft"));
  else if (query.status) conditions.push(eq(posts.status, query.status));
  else conditions.push(ne(posts.status, "draft"));
  if (query.profile) {
    conditions.push(
      isDrafts
        ? sql`${posts.profileIds} @> ${JSON.stringify([query.profile])}::jsonb`
        : sql`exists (select 1 from ${postTargets} where ${postTargets.postId} = ${posts.id} and ${postTargets.profileId} = ${query.profile} and ${postTargets.workspaceId} = ${ctx.workspaceId})`,
    );
  }
  if (query.from || query.to) {
    const timeZone = options.timeZone ?? (await workspaceTimeZone(ctx));
    if (query.from) conditions.push(gte(sortAt, startOfDay(query.from, timeZone)));
    if (query.to) conditions.push(lt(sortAt, startOfDay(nextDay(query.to), timeZone)));
  }
  if (query.q) conditions.push(sql`${posts.caption} ilike ${likePattern(query.q)}`);
  const cursor = decodeCursor(options.cursor);
  if (cursor)
    conditions.push(
      sql`(${sortAt}, ${posts.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`,
    );
  const rows = await ctx.db
    .select({
      id: posts.id,
      status: posts.status,
      caption: sql<string>`left(${posts.caption}, ${captionStartLength})`,
      format: posts.format,
      media: posts.media,
      profileIds: posts.profileIds,
      scheduledAt: posts.scheduledAt,
      submittedAt: posts.submittedAt,
      updatedAt: posts.updatedAt,
      madeElsewhere: sql<boolean>`exists (select 1 from ${importedPosts} where ${importedPosts.postId} = ${posts.id})`,
      // As text, so the cursor keeps PostgreSQL's microseconds (a JS Date would drop them).
      sortAt: sql<string>`${sortAt}::text`,
    })
    .from(posts)
    .where(and(...conditions))
    .orderBy(desc(sortAt), desc(posts.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const targets: TargetFacts[] = page.length
    ? await ctx.db
        .select({
          postId: postTargets.postId,
          profileId: postTargets.profileId,
          profileName: postTargets.profileName,
          status: postTargets.status,
          publishedAt: postTargets.publishedAt,
          updatedAt: postTargets.updatedAt,
        })
        .from(postTargets)
        .where(
          and(
            eq(postTargets.workspaceId, ctx.workspaceId),
            inArray(
              postTargets.postId,
              page.map((p) => p.id),
            ),
          ),
        )
        .orderBy(asc(postTargets.profileName), asc(postTargets.id))
    : [];
  // Profiles whose connection the mirror says is gone: posts still to go out to them will fail.
  const pageProfileIds = [
    ...new Set([...targets.map((t) => t.profileId), ...page.flatMap((p) => p.profileIds)]),
  ];
  const disconnected = new Set(
    pageProfileIds.length
      ? (
          await ctx.db
            .select({ postproxyId: profiles.postproxyId })
            .from(profiles)
            .where(
              and(
                eq(profiles.workspaceId, ctx.workspaceId),
                inArray(profiles.postproxyId, pageProfileIds),
                isNull(profiles.removedAt),
                ne(profiles.status, "active"),
              ),
            )
        ).map((r) => r.postproxyId)
      : [],
  );
  const byPost = new Map<string, TargetFacts[]>();
  for (const t of targets) byPost.set(t.postId, [...(byPost.get(t.postId) ?? []), t]);
  const names = isDrafts
    ? await profileNames(
        ctx,
        page.flatMap((p) => p.profileIds),
      )
    : new Map();
  const items = page.map((p): PostsListRow => {
    const mine = byPost.get(p.id) ?? [];
    const profiles =
      p.status === "draft" && mine.length === 0
        ? p.profileIds.map((id) => ({
            profileId: id,
            profileName: names.get(id) ?? id,
            status: null,
            ...(disconnected.has(id) ? { needsReconnect: true } : {}),
          }))
        : mine.map((t) => ({
            profileId: t.profileId,
            profileName: t.profileName,
            status: t.status,
            ...(disconnected.has(t.profileId) && !isFinalTargetStatus(t.status)
              ? { needsReconnect: true }
              : {}),
          }));
    return {
      id: p.id,
      status: p.status,
      caption: p.caption,
      format: p.format,
      mediaCount: p.media.length,
      thumbnailMediaId: p.media[0]?.id ?? null,
      profiles,
      time: rowTime(p, mine),
      madeElsewhere: Boolean(p.madeElsewhere),
    };
  });
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last ? encodePostsCursor({ at: last.sortAt, id: last.id }) : null;
  return { items, nextCursor };
}

/** Names of profiles the workspace has posted to (a draft stores only the ids). */
async function profileNames(ctx: WorkspaceCtx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  // One index probe per profile id (a DISTINCT over every target of the profile would read them all).
  const result = await ctx.db.execute<{ profile_id: string; profile_name: string | null }>(sql`
    select u.id as profile_id,
      (select t.profile_name from post_targets t
        where t.workspace_id = ${ctx.workspaceId} and t.profile_id = u.id
        order by t.scheduled_at desc limit 1) as profile_name
    from jsonb_array_elements_text(${JSON.stringify(unique)}::jsonb) as u(id)`);
  const rows = rowsOf<{ profile_id: string; profile_name: string | null }>(result).flatMap((r) =>
    r.profile_name ? [{ profileId: r.profile_id, profileName: r.profile_name }] : [],
  );
  return new Map(rows.map((r) => [r.profileId, r.profileName]));
}

/**
 * The profiles the list's filter offers: every profile the workspace has sent a post to, read by
 * a skip scan over (workspace, profile) so it stays quick with many posts.
 */
export async function listPostsProfileOptions(ctx: WorkspaceCtx): Promise<PostsProfileOption[]> {
  requireRole(ctx, "viewer");
  const result = await ctx.db.execute<{ profile_id: string; profile_name: string }>(sql`
    with recursive ids(profile_id) as (
      (select profile_id from post_targets where workspace_id = ${ctx.workspaceId}
        order by profile_id limit 1)
      union all
      select (select t.profile_id from post_targets t
               where t.workspace_id = ${ctx.workspaceId} and t.profile_id > ids.profile_id
               order by t.profile_id limit 1)
      from ids where ids.profile_id is not null
    )
    select ids.profile_id,
      (select t.profile_name from post_targets t
        where t.workspace_id = ${ctx.workspaceId} and t.profile_id = ids.profile_id
        order by t.scheduled_at desc limit 1) as profile_name
    from ids where ids.profile_id is not null
    limit 200`);
  return rowsOf<{ profile_id: string; profile_name: string }>(result)
    .map((r) => ({ profileId: r.profile_id, profileName: r.profile_name }))
    .sort((a, b) => a.profileName.localeCompare(b.profileName));
}

/** postgres.js answers an array of rows, PGlite an object with `rows`. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? result : (result as { rows: T[] }).rows;
}
