import type { LocalPostStatus } from "./post-view";

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

/** Posts per page of the list (and per "Load more"). */
export const postsPageSize = 20;

/** The status listPosts takes for a filter tab ("all" lists every post, drafts first). */
export function toListStatus(filter: PostStatusFilter): LocalPostStatus | undefined {
  return filter === "all" ? undefined : filter;
}
