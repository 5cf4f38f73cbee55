"use client";

import type { PostsListPage, PostsQuery } from "@/lib/validation/posts-query";
import { LoadMore } from "./load-more";
import { PostRow } from "./post-row";
import { usePostPages } from "./use-post-pages";

/** One tab of the posts list, newest first; pages after the first load by keyset cursor. */
export function PostsFeed({
  workspaceId,
  query,
  canEdit,
  first,
}: {
  workspaceId: string;
  query: PostsQuery;
  canEdit: boolean;
  first: PostsListPage;
}) {
  const pages = usePostPages(workspaceId, query, first);
  const label = query.tab === "drafts" ? "Drafts" : "Posts";
  if (pages.items.length === 0 && !pages.hasNextPage)
    return <p className="text-sm text-gray-600">Nothing left in this list.</p>;
  return (
    <section
      aria-label={label}
      className="rounded-lg border border-gray-200 bg-white px-4 py-4 shadow-xs sm:px-6"
    >
      <ul aria-label={label} className="divide-y divide-gray-100">
        {pages.items.map((p) => (
          <PostRow
            key={p.id}
            post={p}
            workspaceId={workspaceId}
            canEdit={canEdit}
            onDeleted={() => pages.removeItem(p.id)}
          />
        ))}
      </ul>
      <LoadMore
        hasMore={pages.hasNextPage}
        isLoading={pages.isFetchingNextPage}
        error={pages.error}
        onLoad={() => void pages.fetchNextPage()}
        label="Load more"
      />
    </section>
  );
}
