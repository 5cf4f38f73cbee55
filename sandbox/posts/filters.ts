import { badRequest } from "../http/errors";
import type { PostRecord } from "../store/types";

// Also in lib/postproxy/schemas.ts: the sandbox imports nothing of the app (STYLE.md).
const POST_STATUSES = new Set([
  "draft",
  "pending",
  "scheduled",
  "processing",
  "processed",
  "media_processing_failed",
]);

export interface PostFilters {
  status: string | null;
  platforms: string[] | null;
  scheduledAfter: number | null;
}

/**
 * `published` and `failed` are documented filter values but not post statuses: they look at
 * the per-platform outcomes.
 */
export function postMatches(post: PostRecord, filters: PostFilters): boolean {
  if (filters.status !== null && !statusMatches(post, filters.status)) return false;
  if (
    filters.platforms &&
    !post.platformPosts.some((pp) => filters.platforms?.includes(pp.platform))
  ) {
    return false;
  }
  if (filters.scheduledAfter !== null) {
    if (post.scheduledAt === null || post.scheduledAt <= filters.scheduledAfter) return false;
  }
  return true;
}

function statusMatches(post: PostRecord, status: string): boolean {
  if (status === "published") return post.platformPosts.some((pp) => pp.status === "published");
  if (status === "failed") {
    return (
      post.status === "media_processing_failed" ||
      post.platformPosts.some((pp) => pp.status === "failed")
    );
  }
  return post.status === status;
}

export function checkStatusFilter(status: string | undefined): string | null {
  if (status === undefined || status === "") return null;
  if (status === "published" || status === "failed" || POST_STATUSES.has(status)) return status;
  throw badRequest(`status must be one of ${[...POST_STATUSES, "published", "failed"].join(", ")}`);
}
