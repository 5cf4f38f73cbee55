// The status looks tables share a shape (label, colour, description) but each is typed by its own
// status tuple, so a missing or stray status fails to compile; one generic table could not.
import type { LocalPostStatus, TargetStatus } from "@/lib/validation/post-view";

/**
 * The one colour map for statuses (lists, badges, the calendar). Colours come from the Okabe–Ito
 * palette, which stays distinguishable with the common colour-vision deficiencies; a status is
 * never told by colour alone: every badge carries its label.
 */
export const statusPalette = [
  "neutral",
  "slate",
  "sky",
  "blue",
  "purple",
  "green",
  "orange",
  "yellow",
  "vermillion",
] as const;
export type StatusColour = (typeof statusPalette)[number];

export type StatusLook = { label: string; colour: StatusColour; description: string };

/** Each profile's status in words. */
export const targetStatusLooks = {
  pending: {
    label: "Not sent yet",
    colour: "neutral",
    description: "Postdeck has not sent this post to Postproxy yet.",
  },
  sending: {
    label: "Sending",
    colour: "sky",
    description: "Postdeck is handing this post to Postproxy.",
  },
  scheduled: {
    label: "Scheduled",
    colour: "blue",
    description: "Postproxy holds the post and will send it to TikTok at the scheduled time.",
  },
  processing: {
    label: "Processing on TikTok",
    colour: "purple",
    description: "TikTok has the post and is processing it.",
  },
  published: { label: "Published", colour: "green", description: "The post is live on TikTok." },
  failed: {
    label: "Failed",
    colour: "vermillion",
    description: "This profile did not get the post.",
  },
  cancelled: {
    label: "Cancelled",
    colour: "slate",
    description: "The post was cancelled for this profile.",
  },
  unknown: {
    label: "Checking with Postproxy…",
    colour: "yellow",
    description:
      "Postproxy's answer never came, so Postdeck does not know yet whether it took the post.",
  },
  delayed: {
    label: "Delayed",
    colour: "orange",
    description: "Its time passed more than 10 minutes ago and TikTok has not published it yet.",
  },
} satisfies Record<TargetStatus, StatusLook>;

/** The post as a whole, derived from its profiles. */
export const postStatusLooks = {
  draft: { label: "Draft", colour: "neutral", description: "Not sent; only Postdeck has it." },
  submitting: {
    label: "Sending",
    colour: "sky",
    description: "Postdeck is handing the post to Postproxy.",
  },
  scheduled: {
    label: "Scheduled",
    colour: "blue",
    description: "Waiting for its time to be published.",
  },
  publishing: { label: "Publishing", colour: "purple", description: "On its way to TikTok." },
  published: {
    label: "Published",
    colour: "green",
    description: "Live on every chosen profile.",
  },
  partially_published: {
    label: "Partly published",
    colour: "orange",
    description: "Live on some profiles; at least one profile did not get it.",
  },
  failed: { label: "Failed", colour: "vermillion", description: "No profile got the post." },
  cancelled: { label: "Cancelled", colour: "slate", description: "Cancelled before publishing." },
} satisfies Record<LocalPostStatus, StatusLook>;

/**
 * The post's look given its profiles: a post still "being sent" whose only unsettled profiles are
 * ones Postdeck is checking (their answer never came) says so, not "Sending".
 */
export function postStatusLookOf(
  status: LocalPostStatus,
  targets: readonly { status: TargetStatus | null }[],
): StatusLook {
  const isChecking =
    status === "submitting" &&
    targets.some((t) => t.status === "unknown") &&
    !targets.some((t) => t.status === "sending" || t.status === "pending");
  if (!isChecking) return postStatusLooks[status];
  return {
    label: "Checking with Postproxy…",
    colour: "yellow",
    description:
      "Postproxy's answer never came for some profiles; Postdeck is checking whether it took the post.",
  };
}

/** A Postproxy profile's connection. */
export const profileStatusLooks = {
  active: { label: "Active", colour: "green", description: "Connected; posts can go to it." },
  expired: {
    label: "Expired",
    colour: "vermillion",
    description: "Its access expired; reconnect it in Postproxy.",
  },
  inactive: {
    label: "Inactive",
    colour: "orange",
    description: "Postproxy cannot post to it right now.",
  },
} satisfies Record<"active" | "expired" | "inactive", StatusLook>;

/** A profile status Postproxy may add later reads as itself, in the neutral colour. */
export function profileStatusLook(status: string): StatusLook {
  return (
    profileStatusLooks[status as keyof typeof profileStatusLooks] ?? {
      label: status.charAt(0).toUpperCase() + status.slice(1),
      colour: "neutral",
      description: "",
    }
  );
}
