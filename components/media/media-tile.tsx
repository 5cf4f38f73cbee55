"use client";

import { Film, Image as ImageIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";
import { DateTime } from "@/components/ui/date-time";
import { describeMisnamedFile, formatBytes, mediaVerdict } from "@/lib/tiktok";
import type { MediaCardData } from "./types";
import { MediaThumbnail } from "./media-thumbnail";

export function verdictBadge(media: MediaCardData) {
  if (media.status === "rejected") return <Badge tone="red">Refused</Badge>;
  const verdict = mediaVerdict(media);
  if (!verdict.passes) return <Badge tone="red">TikTok won’t take it</Badge>;
  return verdict.warnings.length ? (
    <Badge tone="amber">Ready, with warnings</Badge>
  ) : (
    <Badge tone="green">Ready for TikTok</Badge>
  );
}

/**
 * One file in the grid: a fixed-size, lazily loaded thumbnail, the whole name (wrapped, never
 * cut), its verdict, a tick box for acting on several files and a button to its details.
 */
export function MediaTile({
  media,
  order,
  canSelect,
  onToggle,
  onOpen,
}: {
  media: MediaCardData;
  /** Editors tick files to start a post or delete them; viewers only look. */
  canSelect: boolean;
  /** 1-based position among the selected files, or 0 when not selected. */
  order: number;
  onToggle(): void;
  onOpen(): void;
}) {
  const Icon = media.kind === "video" ? Film : ImageIcon;
  // What the bytes are when the name says otherwise ("This is a PNG image, not a video").
  const misnamed = describeMisnamedFile(media.name, media.mime);
  return (
    <li
      aria-label={media.name}
      className={cn(
        "relative flex flex-col overflow-hidden rounded-lg border bg-white shadow-xs",
        order ? "border-accent-600 ring-2 ring-accent-100" : "border-gray-200",
      )}
    >
      {canSelect ? (
        <label className="absolute top-2 left-2 z-10 flex items-center gap-1 rounded-md bg-white/90 px-1.5 py-1 shadow-xs">
          <input
            type="checkbox"
            className="size-4 accent-accent-700"
            checked={order > 0}
            onChange={onToggle}
            aria-label={`Select ${media.name}`}
          />
          {order ? (
            <span className="text-xs font-semibold text-accent-800" aria-hidden>
              {order}
            </span>
          ) : null}
        </label>
      ) : null}
      <button
        type="button"
        onClick={onOpen}
        className="flex flex-1 flex-col text-left focus-visible:outline-2 focus-visible:outline-accent-700"
        aria-label={`Details of ${media.name}`}
        title={media.name}
      >
        <MediaThumbnail
          media={media}
          icon={Icon}
          width={320}
          height={240}
          fit="contain"
          className="aspect-[4/3] w-full"
          iconClassName="size-10"
        />
        <span className="flex flex-1 flex-col gap-1.5 p-3">
          <span className="text-sm font-medium [overflow-wrap:anywhere] text-gray-900">
            {media.name}
          </span>
          <span className="text-xs text-gray-500">
            {media.kind === "video" ? "Video" : media.kind === "image" ? "Photo" : "File"} ·{" "}
            {formatBytes(media.size)} · <DateTime value={media.createdAt} />
          </span>
          {misnamed ? <span className="text-xs font-medium text-gray-900">{misnamed}.</span> : null}
          <span className="mt-auto">{verdictBadge(media)}</span>
        </span>
      </button>
    </li>
  );
}
