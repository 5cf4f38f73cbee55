import type { CalendarQuery } from "@/lib/validation/calendar";
import type { MediaLibraryQuery } from "@/lib/validation/media-library";
import type { PostsQuery } from "@/lib/validation/posts-query";

/**
 * Every react-query key of the app, from one place, so invalidations always match. Keys name the
 * workspace: the dashboard has one query client.
 */
export const queryKeys = {
  posts: {
    all: ["posts"] as const,
    lists: (workspaceId: string) => ["posts", "list", workspaceId] as const,
    list: (workspaceId: string, query: PostsQuery) =>
      ["posts", "list", workspaceId, { ...query }] as const,
    detail: (postId: string) => ["posts", "detail", postId] as const,
    manage: (postId: string) => ["posts", "manage", postId] as const,
  },
  calendar: {
    all: (workspaceId: string) => [workspaceId, "calendar"] as const,
    /** `query` is parsed by calendarQuerySchema (the page's and the route's schema). */
    range: (workspaceId: string, query: CalendarQuery) =>
      [workspaceId, "calendar", { ...query }] as const,
  },
  stats: {
    post: (workspaceId: string, postId: string) => [workspaceId, "post-stats", postId] as const,
  },
  alerts: (workspaceId: string) => [workspaceId, "alerts"] as const,
  media: {
    /** `query` is parsed by mediaLibraryQuerySchema (the page's and the route's schema). */
    library: (workspaceId: string, query: MediaLibraryQuery, scope: "all" | "usable") =>
      [workspaceId, "media", scope, query] as const,
    all: (workspaceId: string) => [workspaceId, "media"] as const,
  },
} as const;
