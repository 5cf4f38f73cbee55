"use client";

import { useInfiniteQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { queryKeys } from "@/lib/hooks/query-keys";
import type { PostListItem } from "@/lib/validation/post-view";
import { PostFetchError, shouldRetryPostFetch } from "./polling";

export type PostPage = { items: PostListItem[]; nextCursor: string | null };

async function fetchPostPage(
  workspaceId: string,
  status: string,
  cursor: string,
): Promise<PostPage> {
  const query = new URLSearchParams({ workspaceId, status, cursor });
  const res = await fetch(`/api/posts?${query}`, {
    cache: "no-store",
    headers: { accept: "application/json" },
  });
  if (!res.ok) throw new PostFetchError(res.status, `GET /api/posts answered ${res.status}`);
  return (await res.json()) as PostPage;
}

/**
 * One list of posts ("draft" or a status filter), first page from the server, "Load more" pages
 * by keyset cursor through /api/posts.
 */
export function usePostPages(workspaceId: string, status: string, first: PostPage) {
  const queryClient = useQueryClient();
  const key = queryKeys.posts.list(status);
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchPostPage(workspaceId, status, pageParam),
    initialPageParam: "",
    getNextPageParam: (last: PostPage) => last.nextCursor ?? undefined,
    initialData: { pages: [first], pageParams: [""] },
    // The server rendered the first page just now; later pages load only when asked.
    staleTime: Infinity,
    retry: shouldRetryPostFetch,
  });
  const items = query.data.pages.flatMap((p) => p.items);
  const removeItem = (id: string) =>
    queryClient.setQueryData<InfiniteData<PostPage, string>>(key, (data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((p) => ({ ...p, items: p.items.filter((i) => i.id !== id) })),
          }
        : data,
    );
  return { ...query, items, removeItem };
}
