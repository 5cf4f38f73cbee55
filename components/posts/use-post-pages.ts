"use client";

import { useInfiniteQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { queryKeys } from "@/lib/hooks/query-keys";
import {
  postsQueryToSearchParams,
  type PostsListPage,
  type PostsQuery,
} from "@/lib/validation/posts-query";
import { PostFetchError, shouldRetryPostFetch } from "./polling";

async function fetchPostPage(
  workspaceId: string,
  query: PostsQuery,
  cursor: string,
): Promise<PostsListPage> {
  const params = postsQueryToSearchParams(query);
  params.set("workspaceId", workspaceId);
  params.set("cursor", cursor);
  const res = await fetch(`/api/posts?${params}`, {
    cache: "no-store",
    headers: { accept: "application/json" },
  });
  if (!res.ok) throw new PostFetchError(res.status, `GET /api/posts answered ${res.status}`);
  return (await res.json()) as PostsListPage;
}

/**
 * One tab of the posts list with its filters: the first page from the server, "Load more" pages
 * by keyset cursor through /api/posts (the same query schema). Dropped from the cache once the
 * list unmounts, so coming back always starts from the server's fresh first page.
 */
export function usePostPages(workspaceId: string, query: PostsQuery, first: PostsListPage) {
  const queryClient = useQueryClient();
  const key = queryKeys.posts.list(workspaceId, query);
  const result = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchPostPage(workspaceId, query, pageParam),
    initialPageParam: "",
    getNextPageParam: (last: PostsListPage) => last.nextCursor ?? undefined,
    initialData: { pages: [first], pageParams: [""] },
    // The server rendered the first page just now; later pages load only when asked.
    staleTime: Infinity,
    gcTime: 0,
    retry: shouldRetryPostFetch,
  });
  const items = result.data.pages.flatMap((p) => p.items);
  const removeItem = (id: string) =>
    queryClient.setQueryData<InfiniteData<PostsListPage, string>>(key, (data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((p) => ({ ...p, items: p.items.filter((i) => i.id !== id) })),
          }
        : data,
    );
  return { ...result, items, removeItem };
}
