import { z } from "zod";

/** What raised an alert (PRODUCT.md §5): one value per kind of event. */
export const alertKinds = [
  "target_failed",
  "target_unknown",
  "target_delayed",
  "profile_unhealthy_24h",
  "profile_unhealthy_1h",
  "post_removed",
] as const;
export type AlertKind = (typeof alertKinds)[number];

/** How long an alert stays in the in-app list. */
export const alertRetentionDays = 90;

/** An alert as the bell lists it. */
export type AlertView = {
  id: string;
  kind: AlertKind;
  postId: string;
  profileName: string;
  headline: string;
  detail: string;
  whoActs: string;
  fix: string;
  createdAt: string;
  isRead: boolean;
};

export type AlertListView = { alerts: AlertView[]; unread: number };

export type AlertFacts = {
  kind: AlertKind;
  profileName: string;
  caption: string;
  error?: string | null;
  profileStatus?: string | null;
  dueAt?: Date | null;
};

function postLabel(caption: string): string {
  const line = caption.trim().split("\n")[0] ?? "";
  if (!line) return "An untitled post";
  return `“${line.length > 60 ? `${line.slice(0, 57)}…` : line}”`;
}

/** The plain words of an alert: what happened, who must act and the fix. */
export function describeAlert(f: AlertFacts): {
  headline: string;
  detail: string;
  whoActs: string;
  fix: string;
} {
  const post = postLabel(f.caption);
  const profile = f.profileName;
  // Each kind spells out its four texts in full: they are read and reworded one by one.
  switch (f.kind) {
    case "target_failed":
      return {
        headline: `${post} failed on ${profile}`,
        detail: f.error
          ? `Postproxy reported that publishing failed: ${f.error}`
          : "Postproxy reported that publishing failed.",
        whoActs: "An editor of this workspace",
        fix: "Open the post, read the cause, fix what it names and send it again.",
      };
    case "target_unknown":
      return {
        headline: `${post} may not have reached ${profile}`,
        detail:
          "Postdeck never received Postproxy's answer to sending this post, and the time in which a resend is safe has passed.",
        whoActs: "An editor of this workspace",
        fix: "Open the post and check it on TikTok; if it is not there, send it again.",
      };
    case "target_delayed":
      return {
        headline: `${post} is late on ${profile}`,
        detail: "It was due more than 10 minutes ago and Postproxy has not reported it published.",
        whoActs: "An editor of this workspace",
        fix: "Open the post to see its latest status; if the profile needs reconnecting, reconnect it.",
      };
    case "profile_unhealthy_24h":
    case "profile_unhealthy_1h": {
      // Each alert kind states its own four texts whole, as the reader sees them.
      const when = f.kind === "profile_unhealthy_1h" ? "within the hour" : "within 24 hours";
      return {
        headline: `${profile} is ${f.profileStatus ?? "not active"}: ${post} is due ${when}`,
        detail: `Postproxy reports the profile ${profile} as ${f.profileStatus ?? "not active"}; the post will fail unless it is reconnected before its time.`,
        whoActs: "An owner or editor who can reconnect the TikTok profile",
        fix: "Reconnect the profile on the Profiles page before the post's time.",
      };
    }
    case "post_removed":
      return {
        headline: `${post} is no longer on ${profile}`,
        detail:
          "Postproxy reports that the published post was deleted or is unavailable on TikTok.",
        whoActs: "An editor of this workspace",
        fix: "Open the post to see what Postproxy reported; check the video on TikTok and post it again if it should be there.",
      };
  }
}

export const markAlertsReadSchema = z.union([
  z.object({ workspaceId: z.uuid().optional(), all: z.literal(true) }),
  z.object({
    workspaceId: z.uuid().optional(),
    ids: z
      .array(z.uuid({ error: "Not an alert id." }))
      .min(1)
      .max(100),
  }),
]);
export type MarkAlertsReadInput = { all: true } | { ids: string[] };

export const alertWebhookSchema = z.object({
  workspaceId: z.uuid().optional(),
  url: z
    .string()
    .trim()
    .max(2000, "The URL is too long.")
    .refine(
      (v) => v === "" || (URL.canParse(v) && /^https?:$/.test(new URL(v).protocol)),
      "Enter a full web address starting with https://.",
    ),
});

export const alertEmailPreferenceSchema = z.object({
  workspaceId: z.uuid().optional(),
  emailAlerts: z.enum(["on", "off"]),
});
