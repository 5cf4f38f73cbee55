/** Where the preview's carousel opens: on the cover, as TikTok shows a photo post first. */
export function carouselStartIndex(coverIndex: number | null, count: number): number {
  if (count <= 0 || coverIndex === null || !Number.isInteger(coverIndex)) return 0;
  return Math.min(Math.max(coverIndex, 0), count - 1);
}

/** The next slide, stopping at either end as TikTok's carousel does. */
export function stepCarousel(index: number, step: -1 | 1, count: number): number {
  return Math.min(Math.max(index + step, 0), Math.max(count - 1, 0));
}
