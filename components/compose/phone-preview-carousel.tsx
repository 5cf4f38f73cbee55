"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { useState } from "react";
import type { MediaCardData } from "@/components/media/types";
import { cn } from "@/lib/utils";
import { carouselStartIndex, stepCarousel } from "./phone-preview-helpers";

const arrow =
  "absolute top-1/3 z-10 inline-flex size-8 -translate-y-1/2 items-center justify-center rounded-full bg-black/40 text-white hover:bg-black/60 disabled:hidden";

/** A photo post's carousel; mount it with a key of the order and cover to start over on them. */
export function PhonePreviewCarousel({
  photos,
  coverIndex,
}: {
  photos: MediaCardData[];
  coverIndex: number | null;
}) {
  const count = photos.length;
  const [index, setIndex] = useState(() => carouselStartIndex(coverIndex, count));
  const shown = Math.min(index, count - 1);
  return (
    <div
      className="absolute inset-0"
      role="group"
      aria-roledescription="carousel"
      aria-label="Photos"
    >
      {photos.map((photo, i) => (
        // eslint-disable-next-line @next/next/no-img-element -- an authorized API route, not a static asset
        <img
          key={photo.id}
          src={`/api/media/${photo.id}`}
          alt={i === shown ? `Photo ${i + 1} of ${count}: ${photo.name}` : ""}
          hidden={i !== shown}
          loading={i === shown ? "eager" : "lazy"}
          className="absolute inset-0 size-full object-contain"
        />
      ))}
      <p className="sr-only" aria-live="polite">
        Photo {shown + 1} of {count}
      </p>
      <button
        type="button"
        className={cn(arrow, "left-2")}
        disabled={shown === 0}
        onClick={() => setIndex(stepCarousel(shown, -1, count))}
        aria-label="Previous photo"
      >
        <ChevronLeft className="size-5" aria-hidden />
      </button>
      <button
        type="button"
        className={cn(arrow, "right-2")}
        disabled={shown === count - 1}
        onClick={() => setIndex(stepCarousel(shown, 1, count))}
        aria-label="Next photo"
      >
        <ChevronRight className="size-5" aria-hidden />
      </button>
      {count > 1 ? (
        <div className="absolute inset-x-0 bottom-2 z-10 flex justify-center gap-1" aria-hidden>
          {photos.map((photo, i) => (
            <span
              key={photo.id}
              className={cn("size-1.5 rounded-full", i === shown ? "bg-white" : "bg-white/40")}
            />
          ))}
        </div>
      ) : null}
    </div>
  );
}
