"use client";

import { Pause, Play, UploadCloud, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useCallback, useRef, useState, type DragEvent, type Ref } from "react";
import { Button } from "@/components/ui/button";
import { formatBytes } from "@/lib/tiktok";
import { cn } from "@/lib/utils";
import type { UnfinishedUpload } from "./types";
import { useUploads, type UploadItem } from "./use-uploads";

/** What the file pickers offer: TikTok's types, plus PNG and WebP (convertible to JPEG). */
export const acceptedMediaTypes =
  "video/mp4,video/quicktime,video/webm,video/x-msvideo,.avi,image/jpeg,image/gif,image/png,image/webp";

function timeLeft(item: UploadItem): string {
  if (item.speed <= 0) return "estimating…";
  const seconds = Math.ceil((item.size - item.sent) / item.speed);
  if (seconds < 60) return `${seconds} s left`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60
    ? `${minutes} min ${seconds % 60} s left`
    : `${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}

const stateText: Record<UploadItem["state"], string> = {
  uploading: "Uploading",
  paused: "Paused",
  processing: "Checking the file…",
  converting: "Converting to JPEG…",
  done: "Uploaded",
  rejected: "Refused",
  failed: "Failed",
  cancelled: "Cancelled",
};

/**
 * The hidden file picker behind "Browse files" (the button clicks it through `ref`); emptied after
 * each pick, so picking the same file again uploads it again.
 */
export function MediaFileInput({
  ref,
  onFiles,
  tabIndex,
}: {
  ref: Ref<HTMLInputElement>;
  onFiles: (files: FileList | null) => void;
  tabIndex?: number;
}) {
  return (
    <input
      ref={ref}
      type="file"
      multiple
      accept={acceptedMediaTypes}
      className="sr-only"
      tabIndex={tabIndex}
      aria-label="Choose files to upload"
      onChange={(e) => {
        onFiles(e.target.files);
        e.target.value = "";
      }}
    />
  );
}

/** The uploads in flight (or just refused), one row each; nothing when there are none. */
export function UploadList({
  items,
  controls,
  className,
}: {
  items: UploadItem[];
  controls: Pick<ReturnType<typeof useUploads>, "pause" | "resume" | "cancel" | "dismiss">;
  className?: string;
}) {
  if (items.length === 0) return null;
  return (
    <ul className={cn("space-y-2", className)} aria-label="Uploads">
      {items.map((item) => (
        <UploadRow
          key={item.key}
          item={item}
          onPause={() => controls.pause(item.key)}
          onResume={() => controls.resume(item.key)}
          onCancel={() => void controls.cancel(item.key)}
          onDismiss={() => controls.dismiss(item.key)}
        />
      ))}
    </ul>
  );
}

/** One upload's name, state, progress bar and pause/resume/cancel buttons. */
function UploadRow({
  item,
  onPause,
  onResume,
  onCancel,
  onDismiss,
}: {
  item: UploadItem;
  onPause: () => void;
  onResume: () => void;
  onCancel: () => void;
  onDismiss: () => void;
}) {
  const percent = item.size ? Math.floor((item.sent / item.size) * 100) : 0;
  const isActive = item.state === "uploading" || item.state === "paused" || item.state === "failed";
  // A refused or finished file has nothing left to transfer: its row says what happened instead.
  const hasBar = isActive || item.state === "processing";
  return (
    <li
      className="rounded-md border border-gray-200 bg-white p-3"
      aria-label={`Upload of ${item.name}`}
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="truncate text-sm font-medium text-gray-900">{item.name}</p>
          <p className="text-xs text-gray-500">
            <span className={item.state === "rejected" ? "font-medium text-danger-700" : undefined}>
              {stateText[item.state]}
            </span>
            {hasBar ? (
              <>
                {item.resumed && item.state === "uploading" ? " (resumed)" : ""} ·{" "}
                {formatBytes(item.sent)} of {formatBytes(item.size)} · {percent}%
                {item.state === "uploading"
                  ? ` · ${formatBytes(item.speed)}/s · ${timeLeft(item)}`
                  : ""}
              </>
            ) : (
              ` · ${formatBytes(item.size)}`
            )}
          </p>
        </div>
        <div className="flex shrink-0 gap-1">
          {item.state === "uploading" ? (
            <Button size="sm" variant="ghost" onClick={onPause} aria-label={`Pause ${item.name}`}>
              <Pause className="size-4" aria-hidden /> Pause
            </Button>
          ) : null}
          {item.state === "paused" || item.state === "failed" ? (
            <Button size="sm" variant="ghost" onClick={onResume} aria-label={`Resume ${item.name}`}>
              <Play className="size-4" aria-hidden /> Resume
            </Button>
          ) : null}
          {isActive ? (
            <Button size="sm" variant="ghost" onClick={onCancel} aria-label={`Cancel ${item.name}`}>
              <X className="size-4" aria-hidden /> Cancel
            </Button>
          ) : (
            <Button
              size="sm"
              variant="ghost"
              onClick={onDismiss}
              aria-label={`Dismiss ${item.name}`}
            >
              <X className="size-4" aria-hidden />
            </Button>
          )}
        </div>
      </div>
      {hasBar ? (
        <div
          role="progressbar"
          aria-label={`Progress of ${item.name}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="mt-2 h-1.5 overflow-hidden rounded-full bg-gray-100"
        >
          <div
            className={cn(
              "h-full rounded-full transition-[width]",
              item.state === "rejected" || item.state === "failed"
                ? "bg-danger-600"
                : "bg-accent-600",
            )}
            style={{ width: `${percent}%` }}
          />
        </div>
      ) : null}
      {item.message ? (
        item.state === "converting" ? (
          <p className="mt-2 text-sm text-gray-700">{item.message}</p>
        ) : (
          <p role="alert" className="mt-2 text-sm text-danger-700">
            {item.message}
          </p>
        )
      ) : null}
    </li>
  );
}

/** Drop zone, file picker and the list of uploads in progress. */
export function Uploader({
  workspaceId,
  unfinished,
}: {
  workspaceId: string;
  unfinished: UnfinishedUpload[];
}) {
  const router = useRouter();
  const onFinished = useCallback(() => router.refresh(), [router]);
  const uploads = useUploads(workspaceId, onFinished);
  const { items, add } = uploads;
  const input = useRef<HTMLInputElement>(null);
  const [isOver, setIsOver] = useState(false);

  const addFiles = (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) add(file);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setIsOver(false);
    addFiles(e.dataTransfer.files);
  };

  // Files already in the list above are being handled; the rest wait to be picked again.
  const waiting = unfinished.filter(
    (u) => !items.some((i) => i.name === u.name && i.size === u.size),
  );

  return (
    <section aria-label="Upload media" className="mb-8">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setIsOver(true);
        }}
        onDragLeave={() => setIsOver(false)}
        onDrop={onDrop}
        className={cn(
          "flex flex-col items-center rounded-lg border-2 border-dashed px-6 py-8 text-center",
          isOver ? "border-accent-600 bg-accent-50" : "border-gray-300 bg-white",
        )}
      >
        <UploadCloud className="size-8 text-accent-700" aria-hidden />
        <p className="mt-2 text-sm font-medium text-gray-900">Drop videos and photos here</p>
        <p className="mt-1 text-xs text-gray-500">
          Videos up to 4 GB (MP4, MOV, AVI, WebM) · photos up to 20 MB (JPEG, GIF; PNG and WebP can
          be converted). Uploads resume after a lost connection or a reload.
        </p>
        <Button className="mt-4" variant="secondary" onClick={() => input.current?.click()}>
          Browse files
        </Button>
        <MediaFileInput ref={input} onFiles={addFiles} />
      </div>
      <UploadList items={items} controls={uploads} className="mt-4" />
      {waiting.length > 0 ? (
        <section
          aria-label="Unfinished uploads"
          className="mt-4 rounded-lg border border-amber-200 bg-amber-50 p-4"
        >
          <h2 className="text-sm font-semibold text-amber-900">Unfinished uploads</h2>
          <p className="mt-1 text-xs text-amber-900">
            Pick the same file again (drop it or browse) to continue where it stopped. Unfinished
            uploads are removed after 24 hours.
          </p>
          <ul className="mt-2 space-y-1 text-sm text-amber-950">
            {waiting.map((u) => (
              <li key={u.id}>
                {u.name} · {formatBytes(u.size)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
