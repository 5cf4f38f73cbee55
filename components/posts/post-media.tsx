"use client";

// The previous/next buttons look like media-field-card.tsx's move buttons but page a preview;
// there they reorder the post's media; each keeps its own labels and styling.

import { ChevronLeft, ChevronRight, Film, ImageIcon } from "lucide-react";
import { useState } from "react";
import type { MediaCardData } from "@/components/media/types";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

function Thumb({ media, className }: { media: MediaCardData; className?: string }) {
  if (!media.hasThumbnail) {
    const Icon = media.kind === "video" ? Film : ImageIcon;
    return (
      <span className={cn("flex items-center justify-center bg-gray-100 text-gray-400", className)}>
        <Icon className="size-6" aria-hidden />
      </span>
    );
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element -- an authorized API route, not a static asset
    <img
      src={`/api/media/${media.id}/thumbnail`}
      alt=""
      className={cn("bg-gray-100 object-cover", className)}
    />
  );
}

/** The post's video, or its photos one at a time starting at the cover, with the strip below. */
export function PostMedia({
  media,
  format,
  coverIndex,
}: {
  media: MediaCardData[];
  format: "video" | "image" | null;
  coverIndex: number | null | undefined;
}) {
  const cover = format === "image" ? Math.min(coverIndex ?? 0, media.length - 1) : 0;
  const [index, setIndex] = useState(Math.max(cover, 0));
  if (media.length === 0) return <p className="text-sm text-gray-600">No media chosen yet.</p>;
  const current = media[Math.min(index, media.length - 1)];
  if (format === "video" || current.kind === "video")
    return (
      <figure>
        <video
          controls
          preload="metadata"
          poster={current.hasThumbnail ? `/api/media/${current.id}/thumbnail` : undefined}
          src={`/api/media/${current.id}`}
          className="aspect-[9/16] max-h-[32rem] w-full rounded-md bg-gray-900 object-contain"
          aria-label={`Video: ${current.name}`}
        />
        <figcaption className="mt-2 truncate text-xs text-gray-600">{current.name}</figcaption>
      </figure>
    );
  const go = (next: number) => setIndex((next + media.length) % media.length);
  return (
    <section aria-roledescription="carousel" aria-label="Photos">
      <div className="relative">
        {/* eslint-disable-next-line @next/next/no-img-element -- an authorized API route */}
        <img
          src={`/api/media/${current.id}`}
          alt={`Photo ${index + 1} of ${media.length}: ${current.name}`}
          className="aspect-[3/4] max-h-[32rem] w-full rounded-md bg-gray-100 object-contain"
        />
        {index === cover ? (
          <span className="absolute top-2 left-2">
            <Badge tone="brand">Cover</Badge>
          </span>
        ) : null}
        {media.length > 1 ? (
          <div className="absolute inset-x-2 top-1/2 flex -translate-y-1/2 justify-between">
            <Button
              size="sm"
              variant="secondary"
              className="size-9 rounded-full p-0"
              aria-label="Previous photo"
              onClick={() => go(index - 1)}
            >
              <ChevronLeft className="size-4" aria-hidden />
            </Button>
            <Button
              size="sm"
              variant="secondary"
              className="size-9 rounded-full p-0"
              aria-label="Next photo"
              onClick={() => go(index + 1)}
            >
              <ChevronRight className="size-4" aria-hidden />
            </Button>
          </div>
        ) : null}
      </div>
      <p className="mt-2 text-xs text-gray-600" aria-live="polite">
        Photo {index + 1} of {media.length}
      </p>
      {media.length > 1 ? (
        <ol className="mt-2 flex gap-2 overflow-x-auto pb-1" aria-label="All photos">
          {media.map((m, i) => (
            <li key={m.id} className="shrink-0">
              <button
                type="button"
                onClick={() => setIndex(i)}
                aria-current={i === index ? "true" : undefined}
                aria-label={`Show photo ${i + 1}${i === cover ? " (cover)" : ""}`}
                className={cn(
                  "block overflow-hidden rounded-md border-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-700",
                  i === index ? "border-accent-600" : "border-transparent",
                )}
              >
                <Thumb media={m} className="size-14" />
              </button>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
