"use client";

import {
  AlertTriangle,
  ChevronLeft,
  ChevronRight,
  Film,
  Image as ImageIcon,
  X,
} from "lucide-react";
import type { ReactNode } from "react";
import type { MediaCardData } from "@/components/media/types";
import { Button } from "@/components/ui/button";
import {
  describeJpegConversion,
  describeMisnamedFile,
  formatBytes,
  interactionTexts,
  mediaVerdict,
} from "@/lib/tiktok";
import { cn } from "@/lib/utils";

export type MediaFieldCardProps = {
  media: MediaCardData;
  index: number;
  count: number;
  /** Photo post: the card can move and be the cover. */
  isPhoto: boolean;
  isCover: boolean;
  coverGroup: string;
  error?: string;
  disabled?: boolean;
  /** The drag handle (from the sortable wrapper). */
  handle?: ReactNode;
  onCover(): void;
  onRemove(): void;
  onMove(to: number): void;
};

function Verdict({ media }: { media: MediaCardData }) {
  if (media.status === "rejected")
    return <p className="text-xs text-danger-700">{media.rejectReason}</p>;
  const verdict = mediaVerdict(media);
  if (verdict.passes && verdict.warnings.length === 0)
    return <p className="text-xs text-green-700">Ready for TikTok</p>;
  // A PNG or WebP is converted as soon as it is added: its type is no reason to act on.
  const conversion = describeJpegConversion(media.name, media.mime);
  const heading = conversion ?? describeMisnamedFile(media.name, media.mime);
  const reasons = conversion ? verdict.reasons.slice(1) : verdict.reasons;
  return (
    <ul className="space-y-0.5 text-xs" aria-label={`TikTok checks for ${media.name}`}>
      {heading ? <li className="font-medium text-gray-900">{heading}.</li> : null}
      {reasons.map((r) => (
        <li key={r} className="flex gap-1 text-danger-700">
          <X className="mt-0.5 size-3 shrink-0" aria-label="Fails" />
          {r}
        </li>
      ))}
      {verdict.warnings.map((w) => (
        <li key={w} className="flex gap-1 text-amber-800">
          <AlertTriangle className="mt-0.5 size-3 shrink-0" aria-label="Warning" />
          {w}
        </li>
      ))}
    </ul>
  );
}

/** One file of the post: thumbnail (a photo's is the cover picker), name, verdict, actions. */
export function MediaFieldCard(p: MediaFieldCardProps) {
  const { media, index, count, isPhoto, isCover } = p;
  const Icon = media.kind === "video" ? Film : ImageIcon;
  const thumbnail = media.hasThumbnail ? (
    // eslint-disable-next-line @next/next/no-img-element -- an authorized API route, not a static asset
    <img
      src={`/api/media/${media.id}/thumbnail`}
      alt=""
      className="absolute inset-0 size-full object-cover"
    />
  ) : (
    <Icon className="size-8 text-gray-400" aria-hidden />
  );
  return (
    <div
      className={cn(
        "flex h-full flex-col overflow-hidden rounded-lg border bg-white",
        isCover ? "border-accent-600 ring-2 ring-accent-600" : "border-gray-200",
        p.error ? "border-danger-600" : null,
      )}
    >
      {isPhoto ? (
        <label className="relative flex aspect-square cursor-pointer items-center justify-center bg-gray-100">
          {thumbnail}
          <span
            className={cn(
              "absolute top-1.5 left-1.5 flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium",
              isCover
                ? "bg-white text-accent-800 ring-2 ring-accent-700"
                : "bg-white/90 text-gray-800",
            )}
          >
            <input
              type="radio"
              name={p.coverGroup}
              checked={isCover}
              onChange={p.onCover}
              disabled={p.disabled}
              aria-label={`${interactionTexts.cover}: ${media.name}`}
              className="size-3.5 accent-accent-700"
            />
            {isCover ? interactionTexts.cover : "Set as cover"}
          </span>
        </label>
      ) : (
        <div className="relative flex aspect-video items-center justify-center bg-gray-100">
          {thumbnail}
        </div>
      )}
      <div className="flex flex-1 flex-col gap-1.5 p-2">
        <div className="flex items-start gap-1">
          {p.handle}
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm font-medium text-gray-900" title={media.name}>
              {isPhoto ? `${index + 1}. ` : ""}
              {media.name}
            </p>
            <p className="text-xs text-gray-500">
              {formatBytes(media.size)}
              {media.convertedFromName
                ? ` · converted to JPEG from ${media.convertedFromName}`
                : ""}
            </p>
          </div>
        </div>
        <Verdict media={media} />
        {p.error ? (
          <p className="text-xs font-medium text-danger-700" id={`media-error-${index}`}>
            {p.error}
          </p>
        ) : null}
        <div className="mt-auto flex items-center justify-end gap-0.5 pt-1">
          {isPhoto ? (
            <>
              <Button
                size="sm"
                variant="ghost"
                className="px-2"
                disabled={p.disabled || index === 0}
                onClick={() => p.onMove(index - 1)}
                aria-label={`Move ${media.name} left`}
              >
                <ChevronLeft className="size-4" aria-hidden />
              </Button>
              <Button
                size="sm"
                variant="ghost"
                className="px-2"
                disabled={p.disabled || index === count - 1}
                onClick={() => p.onMove(index + 1)}
                aria-label={`Move ${media.name} right`}
              >
                <ChevronRight className="size-4" aria-hidden />
              </Button>
            </>
          ) : null}
          <Button
            size="sm"
            variant="ghost"
            className="px-2 text-danger-700"
            disabled={p.disabled}
            onClick={p.onRemove}
            aria-label={`Remove ${media.name}`}
          >
            <X className="size-4" aria-hidden />
          </Button>
        </div>
      </div>
    </div>
  );
}
