import "server-only";
import { TZDate } from "@date-fns/tz";
import { and, eq, gte, inArray, lt, or, isNotNull, ne, sql } from "drizzle-orm";
import { posts, postTargets, profiles } from "@/lib/db/schema";
import {
  calendarMaxEntries,
  type CalendarData,
  type CalendarEntry,
  type CalendarQuery,
} from "@/lib/validation/calendar";
import { isInsideEditLock } from "@/lib/validation/post-manage";
import { requireRole, type WorkspaceCtx } from "./context";
import { workspaceTimeZone } from "./posts-list";

const captionStartLength = 80;

/** The first instant of a YYYY-MM-DD day in a timezone. */
function startOfDay(day: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, timeZone).getTime());
}

/**
 * Every post in [from, to) (days in the workspace's timezone), one entry per profile: sent posts
 * by their targets, drafts that carry a time by their chosen profiles. Read over the posts list's
 * (workspace, list_at) index; profile and status filters apply to the entries.
 */
export async function listCalendarEntries(
  ctx: WorkspaceCtx,
  query: CalendarQuery,
  options: { now?: Date; timeZone?: string } = {},
): Promise<CalendarData> {
  requireRole(ctx, "viewer");
  const now = options.now ?? new Date();
  const timeZone = options.timeZone ?? (await workspaceTimeZone(ctx));
  const rows = await ctx.db
    .select({
      id: posts.id,
      status: posts.status,
      version: posts.version,
      caption: sql<string>`left(${posts.caption}, ${captionStartLength})`,
      timeZone: posts.timeZone,
      scheduledAt: posts.scheduledAt,
      listAt: posts.listAt,
      profileIds: posts.profileIds,
    })
    .from(posts)
    .where(
      and(
        eq(posts.workspaceId, ctx.workspaceId),
        gte(posts.listAt, startOfDay(query.from, timeZone)),
        lt(posts.listAt, startOfDay(query.to, timeZone)),
        or(ne(posts.status, "draft"), isNotNull(posts.scheduledAt)),
      ),
    )
    .orderBy(posts.listAt, posts.id)
    .limit(calendarMaxEntries + 1);
  const page = rows.slice(0, calendarMaxEntries);
  const sentIds = page.filter((p) => p.status !== "draft").map((p) => p.id);
  const targets = sentIds.length
    ? await ctx.db
        .select({
          id: postTargets.id,
          postId: postTargets.postId,
          profileId: postTargets.profileId,
          profileName: postTargets.profileName,
          avatarUrl: postTargets.profileAvatarUrl,
          status: postTargets.status,
          postproxyPostId: postTargets.postproxyPostId,
          scheduledAt: postTargets.scheduledAt,
          publishedAt: postTargets.publishedAt,
        })
        .from(postTargets)
        .where(
          and(eq(postTargets.workspaceId, ctx.workspaceId), inArray(postTargets.postId, sentIds)),
        )
    : [];
  const draftProfileIds = [
    ...new Set(page.filter((p) => p.status === "draft").flatMap((p) => p.profileIds)),
  ];
  const known = draftProfileIds.length
    ? await ctx.db
        .select({ id: profiles.postproxyId, name: profiles.name, avatarUrl: profiles.avatarUrl })
        .from(profiles)
        .where(
          and(
            eq(profiles.workspaceId, ctx.workspaceId),
            inArray(profiles.postproxyId, draftProfileIds),
          ),
        )
    : [];
  const profileById = new Map(known.map((p) => [p.id, p]));
  const byPost = new Map<string, typeof targets>();
  for (const t of targets) byPost.set(t.postId, [...(byPost.get(t.postId) ?? []), t]);

  const entries: CalendarEntry[] = [];
  for (const p of page) {
    const base = {
      postId: p.id,
      postStatus: p.status,
      version: p.version,
      timeZone: p.timeZone,
      caption: p.caption,
    };
    if (p.status === "draft") {
      for (const profileId of p.profileIds) {
        const profile = profileById.get(profileId);
        entries.push({
          ...base,
          id: `draft:${p.id}:${profileId}`,
          profileId,
          profileName: profile?.name ?? profileId,
          avatarUrl: profile?.avatarUrl ?? null,
          status: "draft",
          at: p.listAt.toISOString(),
          isMovable: false,
        });
      }
      continue;
    }
    for (const t of byPost.get(p.id) ?? []) {
      const at = t.publishedAt ?? t.scheduledAt ?? p.listAt;
      entries.push({
        ...base,
        id: t.id,
        profileId: t.profileId,
        profileName: t.profileName,
        avatarUrl: t.avatarUrl,
        status: t.status,
        at: at.toISOString(),
        isMovable:
          t.status === "scheduled" &&
          t.postproxyPostId !== null &&
          t.scheduledAt !== null &&
          !isInsideEditLock(t.scheduledAt, now),
      });
    }
  }
  const profileSet = new Set(query.profiles);
  const statusSet = new Set<string>(query.statuses);
  const filtered = entries.filter(
    (e) =>
      (profileSet.size === 0 || profileSet.has(e.profileId)) &&
      (statusSet.size === 0 || statusSet.has(e.status)),
  );
  filtered.sort((a, b) => a.at.localeCompare(b.at) || a.profileName.localeCompare(b.profileName));
  return { timeZone, entries: filtered, isTruncated: rows.length > calendarMaxEntries };
}
