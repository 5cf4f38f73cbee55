import { targetStatusLooks } from "@/lib/format/status";
import type { LocalPostStatus, TargetStatus } from "@/lib/validation/post-view";

/** The filter tabs of the posts list, in the order a manager checks them. */
export const postStatusFilters = [
  { value: "all", label: "All" },
  { value: "draft", label: "Drafts" },
  { value: "scheduled", label: "Scheduled" },
  { value: "publishing", label: "Publishing" },
  { value: "published", label: "Published" },
  { value: "partially_published", label: "Partly published" },
  { value: "failed", label: "Failed" },
  { value: "cancelled", label: "Cancelled" },
] as const;
export type PostStatusFilter = (typeof postStatusFilters)[number]["value"];

/** `?status=` as a filter: anything unknown shows everything. */
export function readStatusFilter(value: string | string[] | undefined): PostStatusFilter {
  const raw = Array.isArray(value) ? value[0] : value;
  return postStatusFilters.find((f) => f.value === raw)?.value ?? "all";
}

/** Counts per status of a post's profiles, in words: "2 Published · 1 Failed". */
export function summarizeTargets(statuses: readonly TargetStatus[]): string {
  const counts = new Map<TargetStatus, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${n} ${targetStatusLooks[s].label}`).join(" · ");
}

/** A caption shortened for a list row, cut at a word where possible. */
export function excerptCaption(caption: string, max = 120): string {
  // By code points, so an emoji is never cut in half.
  const chars = Array.from(caption.replace(/\s+/g, " ").trim());
  if (chars.length <= max) return chars.join("");
  const cut = chars.slice(0, max).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Posts per page of the list (and per "Load more"). */
export const postsPageSize = 20;

/** The status listPosts takes for a filter tab ("all" lists every post, drafts first). */
export function toListStatus(filter: PostStatusFilter): LocalPostStatus | undefined {
  return filter === "all" ? undefined : filter;
}
