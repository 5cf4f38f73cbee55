import { z } from "zod";

/**
 * The media library's query, shared by the Media page (its URL), the library route and the
 * react-query keys. Unknown or malformed values fall back to the default, so a hand-edited URL
 * shows the library instead of an error.
 */
export const mediaSorts = ["newest", "name", "size"] as const;
export type MediaSort = (typeof mediaSorts)[number];
export const mediaLibraryKinds = ["all", "video", "image", "other"] as const;
export const mediaVerdictFilters = ["all", "ready", "refused"] as const;
export const mediaUseFilters = ["all", "used", "unused"] as const;
/** Uploaded within the last N days ("any": no limit). */
export const mediaSinceFilters = ["any", "7d", "30d", "90d", "365d"] as const;
export type MediaSince = (typeof mediaSinceFilters)[number];

export const mediaLibraryPageSize = 48;
export const mediaSearchMax = 200;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const mediaLibraryQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .transform((s) => s.slice(0, mediaSearchMax))
    .catch("")
    .default(""),
  kind: z.enum(mediaLibraryKinds).catch("all").default("all"),
  verdict: z.enum(mediaVerdictFilters).catch("all").default("all"),
  use: z.enum(mediaUseFilters).catch("all").default("all"),
  /** Uploader's user id; anything that is not an id means "anyone". */
  by: z
    .string()
    .regex(uuid)
    .transform((s) => s.toLowerCase())
    .or(z.literal(""))
    .catch("")
    .default(""),
  since: z.enum(mediaSinceFilters).catch("any").default("any"),
  sort: z.enum(mediaSorts).catch("newest").default("newest"),
});
export type MediaLibraryQuery = z.infer<typeof mediaLibraryQuerySchema>;

/** The cursor is opaque to the browser: the last row's sort value and id, base64url JSON. */
export const mediaCursorSchema = z.string().max(600).optional().catch(undefined);

export const sinceDays: Record<MediaSince, number | null> = {
  any: null,
  "7d": 7,
  "30d": 30,
  "90d": 90,
  "365d": 365,
};

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;
const read = (source: ParamSource, key: string) => {
  if (source instanceof URLSearchParams) return source.get(key) ?? undefined;
  const v = source[key];
  return Array.isArray(v) ? v[0] : v;
};

/** Reads the query from a URL's search params (page or route), never throwing. */
export function parseMediaLibraryQuery(source: ParamSource): MediaLibraryQuery {
  const keys = ["q", "kind", "verdict", "use", "by", "since", "sort"] as const;
  return mediaLibraryQuerySchema.parse(Object.fromEntries(keys.map((k) => [k, read(source, k)])));
}

/** The URL search params of a query: defaults left out, so the plain page is `/media`. */
export function mediaLibrarySearch(query: MediaLibraryQuery): URLSearchParams {
  const params = new URLSearchParams();
  const defaults = mediaLibraryQuerySchema.parse({});
  for (const [k, v] of Object.entries(query) as [keyof MediaLibraryQuery, string][]) {
    if (v !== defaults[k]) params.set(k, v);
  }
  return params;
}

export const deleteMediaFilesSchema = z.object({
  workspaceId: z.uuid({ error: "Invalid id." }),
  mediaIds: z
    .array(z.uuid({ error: "Invalid id." }))
    .min(1, "Choose at least one file.")
    .max(200, "Delete at most 200 files at once."),
  /** The user saw which drafts use some of the files and still wants them gone. */
  confirmDrafts: z.boolean().default(false),
});
export type DeleteMediaFilesInput = z.input<typeof deleteMediaFilesSchema>;

/** Ids of `/compose?media=a,b` (or repeated `media=`), in order, without repeats; at most 35. */
export function parseComposeMediaParam(value: string | string[] | undefined): string[] {
  const raw = (Array.isArray(value) ? value : value ? [value] : []).flatMap((v) => v.split(","));
  const ids = raw.map((s) => s.trim().toLowerCase()).filter((s) => uuid.test(s));
  return ids.filter((id, i) => ids.indexOf(id) === i).slice(0, 35);
}
