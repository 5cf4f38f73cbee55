import { z } from "zod";
import {
  localPostStatuses,
  type LocalPostStatus,
  type PostFormat,
  type TargetStatus,
} from "./post-view";

/**
 * The posts list's filters, one schema for the page (URL search params), the JSON route
 * (/api/posts) and the react-query keys. Client-safe: no server imports.
 */

export const postsTabs = ["posts", "drafts"] as const;
export type PostsTab = (typeof postsTabs)[number];

/** Statuses the Posts tab filters by: every post status but "draft" (drafts have their own tab). */
export const postsListStatuses = localPostStatuses.filter(
  (s): s is Exclude<LocalPostStatus, "draft"> => s !== "draft",
);
export type PostsListStatus = (typeof postsListStatuses)[number];

export const postsQueryTextMax = 100;
export const postsPageSize = 20;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: string) => {
  if (!dayPattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

export const postsQueryTexts = {
  status: "Choose a status from the list.",
  profile: "Choose a profile from the list.",
  day: "Enter a date as YYYY-MM-DD.",
  range: "The start date is after the end date.",
  q: `Search with at most ${postsQueryTextMax} characters.`,
} as const;

const optionalText = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const fields = {
  tab: z.enum(postsTabs).default("posts"),
  status: z.preprocess(optionalText, z.enum(postsListStatuses, postsQueryTexts.status).optional()),
  /** A Postproxy profile id ("prof_acme_tiktok"). */
  profile: z.preprocess(
    optionalText,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,100}$/, postsQueryTexts.profile)
      .optional(),
  ),
  /** Days in the workspace's timezone, both included. */
  from: z.preprocess(optionalText, z.string().refine(isDay, postsQueryTexts.day).optional()),
  to: z.preprocess(optionalText, z.string().refine(isDay, postsQueryTexts.day).optional()),
  /** Words of the caption, matched as typed (case-insensitive). */
  q: z.preprocess(
    (v) => (typeof v === "string" ? optionalText(v.trim()) : v),
    z.string().max(postsQueryTextMax, postsQueryTexts.q).optional(),
  ),
};

export const postsQuerySchema = z.object(fields).refine((v) => !v.from || !v.to || v.from <= v.to, {
  path: ["to"],
  message: postsQueryTexts.range,
});
export type PostsQuery = z.output<typeof postsQuerySchema>;
export type PostsQueryField = Exclude<keyof PostsQuery, "tab">;

export const defaultPostsQuery: PostsQuery = { tab: "posts" };

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function readRaw(params: RawParams): Record<string, string | undefined> {
  const get = (name: string) => {
    const v = params instanceof URLSearchParams ? params.get(name) : params[name];
    return (Array.isArray(v) ? v[0] : v) ?? undefined;
  };
  return Object.fromEntries(
    ["tab", "status", "profile", "from", "to", "q"].map((k) => [k, get(k)]),
  );
}

/**
 * Reads the filters from a URL. A value that does not fit is dropped (the list shows what the
 * other filters select) and named in `problems`, so the form shows the message at its field.
 */
export function readPostsQuery(params: RawParams): {
  query: PostsQuery;
  problems: Partial<Record<PostsQueryField, string>>;
} {
  const raw = readRaw(params);
  if (raw.tab !== undefined && !(postsTabs as readonly string[]).includes(raw.tab))
    raw.tab = undefined;
  const problems: Partial<Record<PostsQueryField, string>> = {};
  for (let i = 0; i < 8; i++) {
    const parsed = postsQuerySchema.safeParse(raw);
    if (parsed.success) {
      // The Drafts tab has no status: drafts are one status.
      const query =
        parsed.data.tab === "drafts" ? { ...parsed.data, status: undefined } : parsed.data;
      return { query: compact(query), problems };
    }
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as PostsQueryField;
      problems[field] ??= issue.message;
      raw[field] = undefined;
    }
  }
  return { query: defaultPostsQuery, problems };
}

function compact(query: PostsQuery): PostsQuery {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as PostsQuery;
}

/** The filters as search params, defaults left out (so `/posts` is the unfiltered Posts tab). */
export function postsQueryToSearchParams(query: PostsQuery): URLSearchParams {
  const out = new URLSearchParams();
  if (query.tab !== "posts") out.set("tab", query.tab);
  for (const k of ["status", "profile", "from", "to", "q"] as const) {
    const v = query[k];
    if (v) out.set(k, v);
  }
  return out;
}

export function postsQueryHref(query: PostsQuery): string {
  const params = postsQueryToSearchParams(query).toString();
  return params ? `/posts?${params}` : "/posts";
}

export function hasPostsFilters(query: PostsQuery): boolean {
  return Boolean(query.status || query.profile || query.from || query.to || query.q);
}

/** When a row's time is, in words the row puts before it. */
export const postsRowTimeKinds = [
  "scheduled",
  "sent",
  "published",
  "failed",
  "cancelled",
  "edited",
] as const;
export type PostsRowTimeKind = (typeof postsRowTimeKinds)[number];

export type PostsListRow = {
  id: string;
  status: LocalPostStatus;
  /** The caption's start only (the row shows an excerpt). */
  caption: string;
  format: PostFormat | null;
  mediaCount: number;
  thumbnailMediaId: string | null;
  /** Drafts: the chosen profiles, no status yet (status null). */
  profiles: {
    profileId: string;
    profileName: string;
    status: TargetStatus | null;
    /** Still to go out to it, and its connection is expired or inactive in the mirror. */
    needsReconnect?: boolean;
  }[];
  /** The time that matters for the post's status. */
  time: { kind: PostsRowTimeKind; at: string } | null;
  /** Imported: the workspace's Postproxy account made it outside Postdeck (read-only here). */
  madeElsewhere?: boolean;
};

export type PostsListPage = { items: PostsListRow[]; nextCursor: string | null };

/** A profile the list can filter by: one the workspace has posted to. */
export type PostsProfileOption = { profileId: string; profileName: string };
