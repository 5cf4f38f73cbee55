/** A photo post's images in order, with the cover as an index into them (`photo_cover_index`). */
export type ImageOrder<T> = { order: T[]; coverIndex: number };

function clampIndex(index: number, length: number): number {
  return Math.min(Math.max(Math.trunc(index), 0), Math.max(length - 1, 0));
}

/** Moves the image at `from` to `to`; the cover index follows the image it pointed at. */
export function moveImage<T>(
  order: readonly T[],
  from: number,
  to: number,
  coverIndex: number,
): ImageOrder<T> {
  const next = [...order];
  if (from < 0 || from >= order.length) return { order: next, coverIndex };
  const target = clampIndex(to, order.length);
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved);
  let cover = coverIndex;
  if (coverIndex === from) cover = target;
  else if (from < coverIndex && target >= coverIndex) cover = coverIndex - 1;
  else if (from > coverIndex && target <= coverIndex) cover = coverIndex + 1;
  return { order: next, coverIndex: cover };
}

/** Removes the image at `index`; the cover stays on its image, or falls back to the first one. */
export function removeImage<T>(
  order: readonly T[],
  index: number,
  coverIndex: number,
): ImageOrder<T> {
  if (index < 0 || index >= order.length) return { order: [...order], coverIndex };
  const next = order.filter((_, i) => i !== index);
  if (index === coverIndex) return { order: next, coverIndex: 0 };
  return { order: next, coverIndex: index < coverIndex ? coverIndex - 1 : coverIndex };
}
