/** Cells resting on fewer posts than this say so instead of guessing. */
export const minPostsPerCell = 3;

export const weekdayNames = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
];

export type Cell = { weekday: number; hour: number; posts: number; engagement: number };

export function hourLabel(hour: number): string {
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return `${h} ${hour < 12 ? "AM" : "PM"}`;
}

/** The three best slots resting on enough posts, best first. */
export function topSlots(cells: Cell[]): Cell[] {
  return cells
    .filter((c) => c.posts >= minPostsPerCell)
    .sort((a, b) => b.engagement - a.engagement)
    .slice(0, 3);
}

export function describeSlot(c: Cell): string {
  return `${weekdayNames[c.weekday]}s ${hourLabel(c.hour)}–${hourLabel((c.hour + 1) % 24)} (${Math.round(c.engagement)} engagements on average over ${c.posts} posts)`;
}
