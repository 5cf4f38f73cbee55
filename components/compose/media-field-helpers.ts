import type { MediaCardData } from "@/components/media/types";
import {
  mediaTexts,
  moveImage,
  readMediaSelection,
  removeImage,
  tiktokMediaLimits,
  type MediaKindOfPost,
  type MediaSelection,
} from "@/lib/tiktok";

/** The post's media and its cover (null unless the media make a photo post). */
export type MediaState = { items: MediaCardData[]; coverIndex: number | null };

const postKinds = (items: readonly MediaCardData[]): MediaKindOfPost[] =>
  items.flatMap((m) => (m.kind === "video" || m.kind === "image" ? [m.kind] : []));

export function selectMedia(items: readonly MediaCardData[]): MediaSelection {
  return readMediaSelection(postKinds(items));
}

/** A photo post without a chosen cover uses its first photo, as Postproxy does. */
export function effectiveCover(items: readonly MediaCardData[], coverIndex: number | null) {
  if (selectMedia(items).format !== "image") return null;
  return coverIndex !== null && coverIndex < items.length ? coverIndex : 0;
}

function settle(items: MediaCardData[], coverIndex: number): MediaState {
  return { items, coverIndex: effectiveCover(items, coverIndex) };
}

/** Moves an item; the cover follows its photo (lib/tiktok moveImage). */
export function moveMedia(state: MediaState, from: number, to: number): MediaState {
  const { order, coverIndex } = moveImage(state.items, from, to, state.coverIndex ?? 0);
  return settle(order, coverIndex);
}

/** Removes an item; the cover stays on its photo, or falls back to the first. */
export function removeMedia(state: MediaState, index: number): MediaState {
  const { order, coverIndex } = removeImage(state.items, index, state.coverIndex ?? 0);
  return settle(order, coverIndex);
}

/** Appends files not already in the post (a file is in a post once). */
export function addMedia(state: MediaState, added: readonly MediaCardData[]): MediaState {
  const seen = new Set(state.items.map((m) => m.id));
  const fresh = added.filter((m) => !seen.has(m.id) && seen.add(m.id));
  const items = [...state.items, ...fresh];
  // No cover chosen yet: the cover stays "the first photo", whichever that becomes.
  if (state.coverIndex === null) return { items, coverIndex: null };
  return settle(items, state.coverIndex);
}

/**
 * Adds files that arrive late (uploads finish in any order) where the order they were picked in
 * puts them: before the first card picked after them, so the post keeps the file picker's (or the
 * drop's) order, batch after batch. `orderOf` gives a card's pick number; cards without one (the
 * draft's own) stay first. A cover the user chose stays on its photo.
 */
export function addMediaInOrder(
  state: MediaState,
  added: readonly MediaCardData[],
  order: number,
  orderOf: (id: string) => number | undefined,
): MediaState {
  const seen = new Set(state.items.map((m) => m.id));
  const fresh = added.filter((m) => !seen.has(m.id) && seen.add(m.id));
  if (fresh.length === 0) return state;
  const found = state.items.findIndex((m) => (orderOf(m.id) ?? -Infinity) > order);
  const at = found === -1 ? state.items.length : found;
  const items = [...state.items.slice(0, at), ...fresh, ...state.items.slice(at)];
  // No cover chosen yet: it stays the first photo in post order, not the first upload to finish.
  if (state.coverIndex === null) return { items, coverIndex: null };
  const cover = state.coverIndex;
  return settle(items, state.items.length > 0 && at <= cover ? cover + fresh.length : cover);
}

/** "Video post", "Photo post · 5 of 35", or null when the media make no post yet. */
export function describeFormat(selection: MediaSelection): string | null {
  if (selection.format === "video") return mediaTexts.formatName.video;
  if (selection.format === "image")
    return `${mediaTexts.formatName.image} · ${selection.imageCount} of ${tiktokMediaLimits.imagesMax}`;
  return null;
}

const ordinal = (index: number, count: number) => `position ${index + 1} of ${count}`;

/** Screen reader announcements while a photo is dragged with the keyboard or a pointer. */
export function reorderAnnouncement(
  event: "start" | "over" | "end" | "cancel",
  name: string,
  index: number,
  count: number,
): string {
  switch (event) {
    case "start":
      return `Picked up ${name}, ${ordinal(index, count)}. Use the arrow keys to move it, Space to drop it, Escape to cancel.`;
    case "over":
      return `${name} is over ${ordinal(index, count)}.`;
    case "end":
      return `${name} dropped at ${ordinal(index, count)}.`;
    case "cancel":
      return `Moving ${name} was cancelled; it stays at ${ordinal(index, count)}.`;
  }
}
