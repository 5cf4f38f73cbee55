import type { LocalPostStatus, TargetStatus } from "@/lib/validation/post-view";

export type StatusTone = "gray" | "green" | "amber" | "red" | "brand" | "accent";
type StatusWords = { label: string; tone: StatusTone; description: string };

/** Each profile's status in words (a badge never says it with colour alone). */
export const targetStatusWords: Record<TargetStatus, StatusWords> = {
  pending: {
    label: "Not sent yet",
    tone: "gray",
    description: "Postdeck has not sent this post to Postproxy yet.",
  },
  sending: {
    label: "Sending",
    tone: "accent",
    description: "Postdeck is handing this post to Postproxy.",
  },
  scheduled: {
    label: "Scheduled",
    tone: "brand",
    description: "Postproxy holds the post and will send it to TikTok at the scheduled time.",
  },
  processing: {
    label: "Processing on TikTok",
    tone: "accent",
    description: "TikTok has the post and is processing it.",
  },
  published: { label: "Published", tone: "green", description: "The post is live on TikTok." },
  failed: { label: "Failed", tone: "red", description: "This profile did not get the post." },
  cancelled: {
    label: "Cancelled",
    tone: "gray",
    description: "The post was cancelled for this profile.",
  },
};

/** The post as a whole, derived from its profiles. */
export const postStatusWords: Record<LocalPostStatus, StatusWords> = {
  draft: { label: "Draft", tone: "gray", description: "Not sent; only Postdeck has it." },
  submitting: {
    label: "Sending",
    tone: "accent",
    description: "Postdeck is handing the post to Postproxy.",
  },
  scheduled: {
    label: "Scheduled",
    tone: "brand",
    description: "Waiting for its time to be published.",
  },
  publishing: {
    label: "Publishing",
    tone: "accent",
    description: "On its way to TikTok.",
  },
  published: { label: "Published", tone: "green", description: "Live on every chosen profile." },
  partially_published: {
    label: "Partly published",
    tone: "amber",
    description: "Live on some profiles; at least one profile did not get it.",
  },
  failed: { label: "Failed", tone: "red", description: "No profile got the post." },
  cancelled: { label: "Cancelled", tone: "gray", description: "Cancelled before publishing." },
};

/** Counts per status of a post's profiles, in words: "2 Published · 1 Failed". */
export function summarizeTargets(statuses: readonly TargetStatus[]): string {
  const counts = new Map<TargetStatus, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${n} ${targetStatusWords[s].label}`).join(" · ");
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
