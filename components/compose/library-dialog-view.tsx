"use client";

// MediaThumbnail's props and the dialog frame match media-tile.tsx and media-details-dialog.tsx in
// shape only: sizes, fit, z-order and layout differ per place, so each call spells them out.

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { Film, Image as ImageIcon, X } from "lucide-react";
import { Dialog } from "radix-ui";
import { useDeferredValue, useState } from "react";
import { fetchMediaPage } from "@/components/media/fetch-media-page";
import { FileNameSearch } from "@/components/media/file-name-search";
import { MediaThumbnail } from "@/components/media/media-thumbnail";
import type { MediaCardData } from "@/components/media/types";
import { Button, buttonVariants } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { queryKeys } from "@/lib/hooks/query-keys";
import { formatBytes, formatDuration, mediaVerdict } from "@/lib/tiktok";
import { mediaLibraryQuerySchema, type MediaLibraryQuery } from "@/lib/validation/media-library";

function detail(m: MediaCardData) {
  const dims = m.width && m.height ? `${m.width}×${m.height}` : null;
  const length = m.durationSec !== null ? formatDuration(m.durationSec) : null;
  return [formatBytes(m.size), length, dims].filter(Boolean).join(" · ");
}

export type LibraryDialogViewProps = {
  workspaceId: string;
  chosenIds: string[];
  onAdd(items: MediaCardData[]): void;
  onClose(): void;
};

/**
 * The library's modal (Radix dialog), loaded when "Choose from library" is first pressed: ready
 * videos and photos, searched by name, paged; ticked files are added in the order ticked.
 */
export function LibraryDialogView({
  workspaceId,
  chosenIds,
  onAdd,
  onClose,
}: LibraryDialogViewProps) {
  const [text, setText] = useState("");
  const [kind, setKind] = useState<MediaLibraryQuery["kind"]>("all");
  const [sort, setSort] = useState<MediaLibraryQuery["sort"]>("newest");
  const q = useDeferredValue(text.trim());
  const query = mediaLibraryQuerySchema.parse({ q, kind, sort });
  const library = useInfiniteQuery({
    queryKey: queryKeys.media.library(workspaceId, query, "usable"),
    queryFn: ({ pageParam }) => fetchMediaPage(workspaceId, query, pageParam, { usable: true }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // The previous results stay while the next search loads, instead of blanking the list.
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const [picked, setPicked] = useState<MediaCardData[]>([]);
  const toggle = (m: MediaCardData) =>
    setPicked((list) =>
      list.some((p) => p.id === m.id) ? list.filter((p) => p.id !== m.id) : [...list, m],
    );
  const items = library.data?.pages.flatMap((p) => p.items) ?? [];
  const confirm = () => {
    onAdd(picked);
    onClose();
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-gray-950/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 flex max-h-[85vh] w-[calc(100vw-2rem)] max-w-3xl -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg bg-white shadow-xl">
          <div className="flex items-start justify-between gap-4 border-b border-gray-200 p-5">
            <div>
              <Dialog.Title className="text-base font-semibold text-gray-900">
                Choose from library
              </Dialog.Title>
              <Dialog.Description className="mt-1 text-sm text-gray-600">
                Tick the videos or photos to add; files already in the post are marked.
              </Dialog.Description>
            </div>
            <Dialog.Close className={buttonVariants({ variant: "ghost", size: "sm" })}>
              <X className="size-4" aria-hidden />
              <span className="sr-only">Close</span>
            </Dialog.Close>
          </div>
          <div
            role="search"
            aria-label="Search the library"
            className="grid grid-cols-2 gap-3 border-b border-gray-200 px-5 py-3 sm:grid-cols-4"
          >
            <FileNameSearch value={text} onChange={setText} />
            <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-gray-700">
              Kind
              <Select
                value={kind}
                onChange={(e) => setKind(e.target.value as MediaLibraryQuery["kind"])}
              >
                <option value="all">All</option>
                <option value="video">Videos</option>
                <option value="image">Photos</option>
              </Select>
            </label>
            <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-gray-700">
              Sort
              <Select
                value={sort}
                onChange={(e) => setSort(e.target.value as MediaLibraryQuery["sort"])}
              >
                <option value="newest">Newest first</option>
                <option value="name">Name (A–Z)</option>
                <option value="size">Largest first</option>
              </Select>
            </label>
          </div>
          <div
            className="min-h-40 flex-1 overflow-y-auto p-5"
            aria-busy={library.isPending || library.isPlaceholderData}
          >
            {library.isPending ? <p className="text-sm text-gray-600">Loading…</p> : null}
            {library.isError ? (
              <p role="alert" className="text-sm text-danger-700">
                {library.error.message}
              </p>
            ) : null}
            {library.isSuccess && items.length === 0 ? (
              <p className="text-sm text-gray-600">
                {q || kind !== "all"
                  ? "No ready video or photo matches this search."
                  : "No ready videos or photos yet. Upload files here or on the Media page."}
              </p>
            ) : null}
            <ul aria-label="Library files" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {items.map((m) => {
                const inPost = chosenIds.includes(m.id);
                const verdict = mediaVerdict(m);
                const Icon = m.kind === "video" ? Film : ImageIcon;
                return (
                  <li key={m.id}>
                    <label className="flex cursor-pointer gap-3 rounded-md border border-gray-200 p-2 has-checked:border-accent-600 has-checked:bg-accent-50 has-disabled:cursor-default has-disabled:opacity-70">
                      <input
                        type="checkbox"
                        className="mt-1 size-4 accent-accent-700"
                        checked={inPost || picked.some((p) => p.id === m.id)}
                        disabled={inPost}
                        onChange={() => toggle(m)}
                      />
                      <MediaThumbnail
                        media={m}
                        icon={Icon}
                        width={56}
                        height={56}
                        fit="cover"
                        className="size-14 shrink-0 rounded"
                        iconClassName="size-6"
                      />
                      <span className="min-w-0 text-sm">
                        <span
                          className="block font-medium [overflow-wrap:anywhere] text-gray-900"
                          title={m.name}
                        >
                          {m.name}
                        </span>
                        <span className="block text-xs text-gray-500">{detail(m)}</span>
                        <span
                          className={
                            verdict.passes ? "text-xs text-green-700" : "text-xs text-danger-700"
                          }
                        >
                          {inPost
                            ? "In this post"
                            : verdict.passes
                              ? "Ready for TikTok"
                              : verdict.reasons[0]}
                        </span>
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
            {library.hasNextPage ? (
              <div className="mt-4 flex justify-center">
                <Button
                  variant="secondary"
                  onClick={() => void library.fetchNextPage()}
                  disabled={library.isFetchingNextPage}
                >
                  {library.isFetchingNextPage ? "Loading more files…" : "Load more files"}
                </Button>
              </div>
            ) : null}
          </div>
          <div className="flex flex-col-reverse gap-2 border-t border-gray-200 p-4 sm:flex-row sm:justify-end">
            <Dialog.Close className={buttonVariants({ variant: "secondary" })}>Cancel</Dialog.Close>
            <Button onClick={confirm} disabled={picked.length === 0}>
              {picked.length === 1 ? "Add 1 file" : `Add ${picked.length} files`}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
