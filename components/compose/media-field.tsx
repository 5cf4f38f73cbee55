"use client";

import { UploadCloud } from "lucide-react";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useRef, useState, type DragEvent } from "react";
import type { MediaCardData } from "@/components/media/types";
import { MediaFileInput, UploadList } from "@/components/media/uploader";
import { useUploads, type UploadItem, type UploadOutcome } from "@/components/media/use-uploads";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { convertUploadToJpegAction } from "@/lib/actions/media";
import { interactionTexts, mediaVerdict } from "@/lib/tiktok";
import { cn } from "@/lib/utils";
import { fetchLibrary } from "./fetch-library";
import { LibraryDialog } from "./library-dialog";
import {
  addMediaInOrder,
  describeFormat,
  effectiveCover,
  moveMedia,
  removeMedia,
  selectMedia,
  type MediaState,
} from "./media-field-helpers";

export type MediaFieldProps = {
  items: MediaCardData[];
  onChange(items: MediaCardData[], coverIndex: number | null): void;
  coverIndex: number | null;
  onCoverChange(index: number): void;
  format: "video" | "image" | null;
  errors?: { top?: string; byIndex?: Record<number, string> };
  workspaceId: string;
  disabled?: boolean;
  onBusyChange?(busy: boolean): void;
  /** Put on the "Browse files" button, so a label or focusFirstInvalid can reach the field. */
  id?: string;
};

// Drag and drop (@dnd-kit) loads once the post has files to order.
const SortableMediaList = dynamic(
  () => import("./sortable-media-list").then((m) => m.SortableMediaList),
  { ssr: false, loading: () => <div className="h-48 animate-pulse rounded-lg bg-gray-100" /> },
);

const busyStates = new Set(["uploading", "paused", "processing", "converting"]);

/** The composer's media: upload or pick from the library, order photos, choose the cover. */
export function MediaField(props: MediaFieldProps) {
  const { items, coverIndex, workspaceId, disabled, onChange, onBusyChange } = props;
  // Uploads finish in any order, several per render: each change builds on the newest state, and
  // an older list the parent renders meanwhile (one this field sent) must not replace it.
  const latest = useRef<MediaState>({ items, coverIndex });
  const sent = useRef(new WeakSet<MediaCardData[]>());
  useEffect(() => {
    if (items === latest.current.items || !sent.current.has(items))
      latest.current = { items, coverIndex };
  }, [items, coverIndex]);
  const apply = useCallback(
    (next: MediaState) => {
      latest.current = next;
      sent.current.add(next.items);
      onChange(next.items, next.coverIndex);
    },
    [onChange],
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [placed, setPlaced] = useState<string[]>([]);
  // The post keeps the order files were picked in, whatever order their uploads finish in: each
  // upload (by key) and each card (by id) gets its pick number, and a late card goes before the
  // first card picked after it.
  const nextPick = useRef(0);
  const pickOfUpload = useRef(new Map<string, number>());
  const pickOfCard = useRef(new Map<string, number>());
  const place = useCallback(
    (cards: MediaCardData[], pick: number) => {
      for (const card of cards) pickOfCard.current.set(card.id, pick);
      apply(addMediaInOrder(latest.current, cards, pick, (id) => pickOfCard.current.get(id)));
    },
    [apply],
  );

  const convertInPlace = useCallback(
    async (card: MediaCardData) => {
      const converted = await convertUploadToJpegAction({ workspaceId, mediaId: card.id });
      if (!converted.ok)
        return setNotice(
          `${card.name} could not be converted to JPEG: ${converted.message} Remove it from the post, or convert it from the Media page.`,
        );
      const [jpeg] = await fetchLibrary(workspaceId, [converted.data.id]);
      if (!jpeg) throw new Error("The converted file is not in the library.");
      const { items: now, coverIndex: cover } = latest.current;
      // Removed from the post meanwhile: the JPEG stays in the library only.
      if (!now.some((m) => m.id === card.id)) return;
      pickOfCard.current.set(jpeg.id, pickOfCard.current.get(card.id) ?? nextPick.current++);
      apply({ items: now.map((m) => (m.id === card.id ? jpeg : m)), coverIndex: cover });
    },
    [workspaceId, apply],
  );

  const settleRef = useRef<(key: string, patch: Pick<UploadItem, "state" | "message">) => void>(
    () => {},
  );
  const onFinished = useCallback(
    (outcome: UploadOutcome) => {
      if (outcome.state !== "done" || !outcome.mediaId) return;
      const pick = pickOfUpload.current.get(outcome.key) ?? nextPick.current++;
      const settle = (patch: Pick<UploadItem, "state" | "message">) =>
        settleRef.current(outcome.key, patch);
      void (async () => {
        const [card] = await fetchLibrary(workspaceId, [outcome.mediaId!]);
        if (!card) throw new Error("The file is not in the library.");
        const verdict = mediaVerdict(card);
        if (verdict.canConvertToJpeg) {
          // PNG or WebP: its card says what it really is and that it becomes a JPEG, which then
          // takes its place in the post (the original stays in the library).
          place([card], pick);
          setPlaced((keys) => [...keys, outcome.key]);
          return convertInPlace(card);
        } else if (!verdict.passes) {
          // A file TikTok won't take stays out of the post; its row says why.
          return settle({
            state: "rejected",
            message: `TikTok won't take it: ${verdict.reasons.join("; ")}. It stays in the media library.`,
          });
        } else {
          place([card], pick);
        }
        // Its card now stands in the post; the finished upload row has nothing more to say.
        setPlaced((keys) => [...keys, outcome.key]);
      })().catch(() =>
        setNotice(
          `${outcome.name} was uploaded but could not be added here. Choose it from the library.`,
        ),
      );
    },
    [workspaceId, place, convertInPlace],
  );
  const uploads = useUploads(workspaceId, onFinished);
  useEffect(() => {
    settleRef.current = uploads.settle;
  }, [uploads.settle]);
  const rows = uploads.items.filter((u) => !placed.includes(u.key));
  const isBusy = uploads.items.some((u) => busyStates.has(u.state));
  useEffect(() => onBusyChange?.(isBusy), [isBusy, onBusyChange]);

  const input = useRef<HTMLInputElement>(null);
  const [isOver, setIsOver] = useState(false);
  const addFiles = (files: FileList | null) => {
    setNotice(null);
    // In the file picker's (or the drop's) order: that is the order the post keeps.
    for (const file of Array.from(files ?? []))
      pickOfUpload.current.set(uploads.add(file), nextPick.current++);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setIsOver(false);
    if (!disabled) addFiles(e.dataTransfer.files);
  };

  const selection = selectMedia(items);
  const format = props.format ?? selection.format;
  const summary = describeFormat(selection);
  const problem = items.length > 0 ? selection.problem : null;
  const top = props.errors?.top;
  const errorId = `${props.id ?? "media"}-error`;
  const shownCover = effectiveCover(items, coverIndex);

  return (
    <div className="space-y-4">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          if (!disabled) setIsOver(true);
        }}
        onDragLeave={() => setIsOver(false)}
        onDrop={onDrop}
        className={cn(
          "flex flex-col items-center rounded-lg border-2 border-dashed px-4 text-center",
          items.length ? "py-4" : "py-8",
          isOver ? "border-accent-600 bg-accent-50" : "border-gray-300 bg-white",
          top ? "border-danger-600" : null,
        )}
      >
        <UploadCloud className="size-7 text-accent-700" aria-hidden />
        <p className="mt-2 text-sm font-medium text-gray-900">
          Drop one video or up to 35 photos here
        </p>
        <p className="mt-1 text-xs text-gray-500">
          Videos up to 4 GB (MP4, MOV, AVI, WebM) · photos up to 20 MB (JPEG, GIF)
        </p>
        <div className="mt-3 flex flex-wrap justify-center gap-2">
          <Button
            id={props.id}
            variant="secondary"
            disabled={disabled}
            onClick={() => input.current?.click()}
            data-invalid={top ? "true" : undefined}
            aria-describedby={top ? errorId : undefined}
          >
            Browse files
          </Button>
          <LibraryDialog
            workspaceId={workspaceId}
            chosenIds={items.map((m) => m.id)}
            disabled={disabled}
            onAdd={(added) => place(added, nextPick.current++)}
          />
        </div>
        <MediaFileInput ref={input} onFiles={addFiles} tabIndex={-1} />
      </div>
      <div aria-live="polite" className="space-y-1 empty:hidden">
        {top ? (
          <p id={errorId} className="text-sm font-medium text-danger-700">
            {top}
          </p>
        ) : null}
        {notice ? <p className="text-sm text-danger-700">{notice}</p> : null}
      </div>
      <UploadList items={rows} controls={uploads} />
      {items.length > 0 ? (
        <div className="space-y-3">
          <p className="flex flex-wrap items-center gap-2 text-sm" aria-live="polite">
            {summary ? <Badge tone="accent">{summary}</Badge> : null}
            {problem && problem !== top ? (
              <span className="text-danger-700">{problem}</span>
            ) : format === "image" && items.length > 1 ? (
              <span className="text-gray-600">
                Drag photos, or use the arrows, to set their order. {interactionTexts.coverHelp}
              </span>
            ) : null}
          </p>
          <SortableMediaList
            items={items}
            isPhoto={format === "image"}
            coverIndex={shownCover}
            errors={props.errors?.byIndex}
            disabled={disabled}
            onMove={(from, to) => apply(moveMedia(latest.current, from, to))}
            onRemove={(index) => apply(removeMedia(latest.current, index))}
            onCover={props.onCoverChange}
          />
        </div>
      ) : null}
    </div>
  );
}
