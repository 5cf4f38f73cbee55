"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { ImageIcon } from "lucide-react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { queryKeys } from "@/lib/hooks/query-keys";
import { mediaLibrarySearch, type MediaLibraryQuery } from "@/lib/validation/media-library";
import { fetchMediaPage, type MediaPage } from "./fetch-media-page";
import { MediaSelectionBar } from "./media-selection-bar";
import { MediaTile } from "./media-tile";
import type { MediaCardData } from "./types";

// The details (TikTok's checks, conversion, delete) load with the first file opened.
const MediaDetailsDialog = dynamic(
  () => import("./media-details-dialog").then((m) => m.MediaDetailsDialog),
  { ssr: false },
);

/**
 * The library's grid: the server's first page, then more pages as the end comes into view (or
 * "Load more" is pressed), keyset-paged. Ticked files stay ticked across pages and filters.
 */
export function MediaGrid({
  workspaceId,
  canEdit,
  query,
  firstPage,
}: {
  workspaceId: string;
  canEdit: boolean;
  query: MediaLibraryQuery;
  firstPage: MediaPage;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const key = queryKeys.media.library(workspaceId, query, "all");
  const library = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchMediaPage(workspaceId, query, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [firstPage], pageParams: [null] },
  });
  const [selected, setSelected] = useState<MediaCardData[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const end = useRef<HTMLDivElement>(null);
  const items = library.data.pages.flatMap((p) => p.items);

  // The server rendered a newer first page (an upload finished, a file was converted): refetch
  // the pages already shown instead of dropping them, so the reader keeps their place.
  const shownQuery = useRef<string | null>(null);
  const queryText = JSON.stringify(query);
  useEffect(() => {
    const isSameQuery = shownQuery.current === queryText;
    shownQuery.current = queryText;
    if (isSameQuery) void queryClient.invalidateQueries({ queryKey: key });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the server sends a new first page
  }, [firstPage]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = library;
  useEffect(() => {
    const node = end.current;
    if (!node || !hasNextPage) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: "800px 0px" },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const toggle = (m: MediaCardData) =>
    setSelected((list) =>
      list.some((s) => s.id === m.id) ? list.filter((s) => s.id !== m.id) : [...list, m],
    );
  const onDeleted = (ids: string[]) => {
    setSelected((list) => list.filter((s) => !ids.includes(s.id)));
    void queryClient.invalidateQueries({ queryKey: queryKeys.media.all(workspaceId) });
    router.refresh();
  };
  const onChanged = () =>
    void queryClient.invalidateQueries({ queryKey: queryKeys.media.all(workspaceId) });
  const isFiltered = mediaLibrarySearch(query).toString() !== "";
  const open = items.find((m) => m.id === openId) ?? selected.find((m) => m.id === openId);

  return (
    <>
      <MediaSelectionBar
        workspaceId={workspaceId}
        canEdit={canEdit}
        selected={selected}
        onClear={() => setSelected([])}
        onDeleted={onDeleted}
      />
      {items.length === 0 ? (
        <EmptyState icon={ImageIcon} title={isFiltered ? "No files match" : "No media yet"}>
          {isFiltered
            ? "No file of this workspace matches this search and these filters. Change or clear them to see more."
            : canEdit
              ? "Upload videos and photos above; each file is checked against TikTok's rules as soon as it arrives."
              : "Editors and owners of this workspace upload videos and photos here."}
        </EmptyState>
      ) : (
        <ul
          aria-label="Media files"
          className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-5"
        >
          {items.map((m) => (
            <MediaTile
              key={m.id}
              media={m}
              order={selected.findIndex((s) => s.id === m.id) + 1}
              canSelect={canEdit}
              onToggle={() => toggle(m)}
              onOpen={() => setOpenId(m.id)}
            />
          ))}
        </ul>
      )}
      <div ref={end} className="mt-6 flex flex-col items-center gap-2" aria-live="polite">
        {library.isError && !library.isFetchingNextPage ? (
          <p role="alert" className="text-sm text-danger-700">
            {library.error.message}
          </p>
        ) : null}
        {hasNextPage ? (
          <Button
            variant="secondary"
            onClick={() => void fetchNextPage()}
            disabled={isFetchingNextPage}
          >
            {isFetchingNextPage ? "Loading more files…" : "Load more files"}
          </Button>
        ) : items.length > 0 ? (
          <p className="text-sm text-gray-500">
            {items.length === 1
              ? `The only ${isFiltered ? "matching " : ""}file is shown.`
              : `All ${items.length} ${isFiltered ? "matching " : ""}files are shown.`}
          </p>
        ) : null}
      </div>
      {open ? (
        <MediaDetailsDialog
          media={open}
          workspaceId={workspaceId}
          canEdit={canEdit}
          onClose={() => setOpenId(null)}
          onChanged={onChanged}
          onDeleted={onDeleted}
        />
      ) : null}
    </>
  );
}
