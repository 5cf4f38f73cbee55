"use client";

import type { ReactNode } from "react";
import { LoadMore } from "./load-more";
import { DraftRow } from "./draft-row";
import { PostRow } from "./post-row";
import { usePostPages, type PostPage } from "./use-post-pages";

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `posts-section-${title.toLowerCase()}`;
  return (
    <section aria-labelledby={id} className="rounded-lg border border-gray-200 bg-white shadow-xs">
      <h2
        id={id}
        className="border-b border-gray-100 px-4 py-3 text-base font-semibold text-gray-900 sm:px-6"
      >
        {title}
      </h2>
      <div className="px-4 py-4 sm:px-6">{children}</div>
    </section>
  );
}

/**
 * The posts list as listPosts orders it: drafts first, then every other post, newest first. Pages
 * after the first load by keyset cursor with "Load more".
 */
export function PostsFeed({
  workspaceId,
  status,
  canEdit,
  first,
}: {
  workspaceId: string;
  status: string;
  canEdit: boolean;
  first: PostPage;
}) {
  const pages = usePostPages(workspaceId, status, first);
  const drafts = pages.items.filter((p) => p.status === "draft");
  const others = pages.items.filter((p) => p.status !== "draft");
  const hasMore = pages.hasNextPage;
  if (pages.items.length === 0 && !hasMore)
    return <p className="text-sm text-gray-600">Nothing left in this list.</p>;
  return (
    <div className="space-y-6">
      {drafts.length ? (
        <Section title="Drafts">
          <ul aria-label="Drafts" className="divide-y divide-gray-100">
            {drafts.map((d) => (
              <DraftRow
                key={d.id}
                draft={d}
                workspaceId={workspaceId}
                canEdit={canEdit}
                onDeleted={() => pages.removeItem(d.id)}
              />
            ))}
          </ul>
        </Section>
      ) : null}
      {others.length ? (
        <Section title="Posts">
          <ul aria-label="Posts" className="divide-y divide-gray-100">
            {others.map((p) => (
              <PostRow key={p.id} post={p} />
            ))}
          </ul>
        </Section>
      ) : null}
      <LoadMore
        hasMore={hasMore}
        isLoading={pages.isFetchingNextPage}
        error={pages.error}
        onLoad={() => void pages.fetchNextPage()}
        label="Load more"
      />
    </div>
  );
}
