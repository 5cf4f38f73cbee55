import type { MediaLibraryQuery } from "@/lib/validation/media-library";

/** Every react-query key of the app, from one place, so invalidations always match. */
export const queryKeys = {
  posts: {
    all: ["posts"] as const,
    list: (status: string) => ["posts", "list", status] as const,
    detail: (postId: string) => ["posts", "detail", postId] as const,
  },
  media: {
    /** `query` is parsed by mediaLibraryQuerySchema (the page's and the route's schema). */
    library: (workspaceId: string, query: MediaLibraryQuery, scope: "all" | "usable") =>
      [workspaceId, "media", scope, query] as const,
    all: (workspaceId: string) => [workspaceId, "media"] as const,
  },
} as const;
