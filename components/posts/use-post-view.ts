"use client";

import { useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { queryKeys } from "@/lib/hooks/query-keys";
import type { PostView } from "@/lib/validation/post-view";
import { pollIntervalMs, PostFetchError, shouldRetryPostFetch } from "./polling";

async function fetchPostView(postId: string, workspaceId: string): Promise<PostView> {
  const res = await fetch(`/api/posts/${postId}?workspaceId=${encodeURIComponent(workspaceId)}`, {
    cache: "no-store",
    headers: { accept: "application/json" },
  });
  if (!res.ok) throw new PostFetchError(res.status, `GET /api/posts answered ${res.status}`);
  return (await res.json()) as PostView;
}

/**
 * The post as the server last saw it, refreshed while any profile's status is not final: every
 * 3 s for a minute, then every 10 s. `restartPolling` goes back to the fast pace (after a retry).
 */
export function usePostView(initial: PostView) {
  const startedAt = useRef<number | null>(null);
  const query = useQuery({
    queryKey: queryKeys.posts.detail(initial.id),
    queryFn: () => fetchPostView(initial.id, initial.workspaceId),
    initialData: initial,
    retry: shouldRetryPostFetch,
    refetchInterval: (q) => {
      // Signed out, or the post is gone: asking again cannot help.
      if (!shouldRetryPostFetch(0, q.state.error)) return false;
      const isFinal = q.state.data?.isFinal ?? false;
      startedAt.current ??= Date.now();
      return pollIntervalMs(isFinal, Date.now() - startedAt.current);
    },
    refetchIntervalInBackground: false,
  });
  const restartPolling = () => {
    startedAt.current = Date.now();
    return query.refetch();
  };
  return { ...query, restartPolling };
}
