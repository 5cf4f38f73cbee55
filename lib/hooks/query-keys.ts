/** Every react-query key of the app, from one place, so invalidations always match. */
export const queryKeys = {
  posts: {
    all: ["posts"] as const,
    list: (status: string) => ["posts", "list", status] as const,
    detail: (postId: string) => ["posts", "detail", postId] as const,
  },
  stats: {
    post: (workspaceId: string, postId: string) => [workspaceId, "post-stats", postId] as const,
  },
} as const;
