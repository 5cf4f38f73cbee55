import "server-only";
import { and, asc, desc, eq, exists, gte, ilike, ne, not, sql, type SQL } from "drizzle-orm";
import { mediaFiles, mediaUsages, memberships, users } from "@/lib/db/schema";
import type { MediaCardData } from "@/lib/validation/media";
import {
  mediaLibraryPageSize,
  sinceDays,
  type MediaLibraryQuery,
} from "@/lib/validation/media-library";
import { requireRole, type WorkspaceCtx } from "./context";
import { mediaColumns } from "./media";
import { toMediaCards } from "./media-cards";

export type MediaLibraryPage = { items: MediaCardData[]; nextCursor: string | null };

type Cursor = { v: string | number; id: string };

const nameKey = sql`lower(${mediaFiles.name})`;

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

/** A cursor the server did not write (or of another sort) reads as "from the start". */
function decodeCursor(raw: string | undefined, sort: MediaLibraryQuery["sort"]): Cursor | null {
  if (!raw) return null;
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Partial<Cursor>;
    if (typeof c.id !== "string" || !/^[0-9a-f-]{36}$/.test(c.id)) return null;
    if (sort === "name" && typeof c.v === "string") return { v: c.v, id: c.id };
    if (sort === "size" && typeof c.v === "number" && Number.isSafeInteger(c.v)) return c as Cursor;
    if (sort === "newest" && typeof c.v === "string" && c.v.length < 60)
      return { v: c.v, id: c.id };
    return null;
  } catch {
    return null;
  }
}

/** Escapes LIKE's wildcards so a search for "50%_off" finds that text. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * One page of the workspace's library, keyset-paged (a deep page costs what the first does):
 * newest first (created_at, id desc), by name (lower(name), id asc) or largest first (size, id
 * desc). `since` counts days back from `now`.
 */
export async function listMediaPage(
  ctx: WorkspaceCtx,
  query: MediaLibraryQuery & { cursor?: string; limit?: number; readyOnly?: boolean },
  now: Date = new Date(),
): Promise<MediaLibraryPage> {
  requireRole(ctx, "viewer");
  const limit = Math.min(Math.max(query.limit ?? mediaLibraryPageSize, 1), 100);
  const where: SQL[] = [
    eq(mediaFiles.workspaceId, ctx.workspaceId),
    ne(mediaFiles.status, "uploading"),
  ];
  if (query.q) where.push(ilike(mediaFiles.name, likePattern(query.q)));
  if (query.kind !== "all") where.push(eq(mediaFiles.kind, query.kind));
  if (query.verdict === "ready") where.push(eq(mediaFiles.status, "ready"));
  if (query.verdict === "refused") where.push(eq(mediaFiles.status, "rejected"));
  if (query.readyOnly) {
    where.push(eq(mediaFiles.status, "ready"), ne(mediaFiles.kind, "other"));
  }
  if (query.by) where.push(eq(mediaFiles.uploadedById, query.by));
  const days = sinceDays[query.since];
  if (days !== null) where.push(gte(mediaFiles.createdAt, new Date(now.getTime() - days * 864e5)));
  if (query.use !== "all") {
    const used = exists(
      ctx.db
        .select({ one: sql`1` })
        .from(mediaUsages)
        .where(eq(mediaUsages.mediaId, mediaFiles.id)),
    );
    where.push(query.use === "used" ? used : not(used));
  }
  const cursor = decodeCursor(query.cursor, query.sort);
  if (cursor && query.sort === "newest")
    where.push(
      sql`(${mediaFiles.createdAt}, ${mediaFiles.id}) < (${cursor.v}::timestamptz, ${cursor.id}::uuid)`,
    );
  if (cursor && query.sort === "name")
    where.push(sql`(${nameKey}, ${mediaFiles.id}) > (${cursor.v}, ${cursor.id}::uuid)`);
  if (cursor && query.sort === "size")
    where.push(
      sql`(${mediaFiles.size}, ${mediaFiles.id}) < (${cursor.v}::bigint, ${cursor.id}::uuid)`,
    );
  const order =
    query.sort === "name"
      ? [asc(nameKey), asc(mediaFiles.id)]
      : query.sort === "size"
        ? [desc(mediaFiles.size), desc(mediaFiles.id)]
        : [desc(mediaFiles.createdAt), desc(mediaFiles.id)];
  const rows = await ctx.db
    .select({
      ...mediaColumns,
      nameKey: sql<string>`${nameKey}`,
      // Microseconds kept: a cursor cut to milliseconds would repeat rows of the same millisecond.
      createdKey: sql<string>`${mediaFiles.createdAt}::text`,
    })
    .from(mediaFiles)
    .leftJoin(users, eq(users.id, mediaFiles.uploadedById))
    .where(and(...where))
    .orderBy(...order)
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({
          v:
            query.sort === "name"
              ? last.nameKey
              : query.sort === "size"
                ? last.size
                : last.createdKey,
          id: last.id,
        })
      : null;
  return {
    items: await toMediaCards(
      ctx.db,
      ctx.workspaceId,
      page.map(({ nameKey: _n, createdKey: _c, ...m }) => m),
    ),
    nextCursor,
  };
}

/** Who can appear in the "Uploaded by" filter: the workspace's members, by name. */
export async function listMediaUploaders(ctx: WorkspaceCtx) {
  return (await listMediaLibraryLists(ctx, { withUnfinished: false })).uploaders;
}

export type UnfinishedUpload = { id: string; name: string; size: number; createdAt: Date };

/**
 * The library page's two short lists in one round trip: the uploader filter (the workspace's
 * members by name) and, when asked, the uploads left unfinished (newest first). Each part is
 * numbered in its own order, and the rows are put back in that order here.
 */
export async function listMediaLibraryLists(
  ctx: WorkspaceCtx,
  { withUnfinished }: { withUnfinished: boolean },
): Promise<{ uploaders: { id: string; name: string }[]; unfinished: UnfinishedUpload[] }> {
  requireRole(ctx, "viewer");
  const uploaders = ctx.db
    .select({
      isUpload: sql<boolean>`false`,
      ord: sql<number>`row_number() over (order by ${users.name})`.mapWith(Number),
      id: users.id,
      name: users.name,
      size: sql<number | null>`null::bigint`.mapWith(Number),
      createdAt: sql<Date | null>`null::timestamptz`.mapWith(mediaFiles.createdAt),
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, ctx.workspaceId));
  const rows = withUnfinished
    ? await uploaders.unionAll(
        ctx.db
          .select({
            isUpload: sql<boolean>`true`,
            ord: sql<number>`row_number() over (order by ${mediaFiles.createdAt} desc)`,
            id: mediaFiles.id,
            name: mediaFiles.name,
            size: mediaFiles.size,
            createdAt: mediaFiles.createdAt,
          })
          .from(mediaFiles)
          .where(
            and(eq(mediaFiles.workspaceId, ctx.workspaceId), eq(mediaFiles.status, "uploading")),
          ),
      )
    : await uploaders;
  const inOrder = (isUpload: boolean) =>
    rows.filter((r) => r.isUpload === isUpload).sort((a, b) => a.ord - b.ord);
  return {
    uploaders: inOrder(false).map((r) => ({ id: r.id, name: r.name })),
    unfinished: inOrder(true).map((r) => ({
      id: r.id,
      name: r.name,
      size: r.size!,
      createdAt: r.createdAt!,
    })),
  };
}
