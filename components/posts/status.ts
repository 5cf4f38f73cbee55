import { targetStatusLooks } from "@/lib/format/status";
import type { TargetStatus } from "@/lib/validation/post-view";

/** Counts per status of a post's profiles, in words: "2 Published · 1 Failed". */
export function summarizeTargets(statuses: readonly TargetStatus[]): string {
  const counts = new Map<TargetStatus, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${n} ${targetStatusLooks[s].label}`).join(" · ");
}

/** A caption shortened for a list row, cut at a word where possible. */
export function excerptCaption(caption: string, max = 120): string {
  // By code points, so an emoji is never cut in half.
  const chars = Array.from(caption.replace(/\s+/g, " ").trim());
  if (chars.length <= max) return chars.join("");
  const cut = chars.slice(0, max).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
