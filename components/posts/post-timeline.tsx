"use client";

import { useSyncExternalStore } from "react";
import { formatDateTime, viewerTimeZone } from "@/lib/format/date";
import { manageTexts, type EditField, type PostEventView } from "@/lib/validation/post-manage";
import type { PostView, TargetStatus } from "@/lib/validation/post-view";
import { targetStatusLooks } from "@/lib/format/status";

type Entry = { id: string; at: string; what: string; source: string; note?: string };

const noSubscribe = () => () => {};

const statusLabel = (s: string | null) =>
  s && s in targetStatusLooks ? targetStatusLooks[s as TargetStatus].label : (s ?? "");

function sourceOf(e: PostEventView): string {
  switch (e.source) {
    case "user":
      return e.actorName ? `by ${e.actorName}` : "by a former member";
    case "webhook":
      return "Postproxy webhook";
    case "sync":
      return "status check with Postproxy";
    case "submit":
      return "Postproxy's answer to the send";
    default:
      return "Postdeck";
  }
}

function describe(e: PostEventView): { what: string; note?: string } {
  const profile = e.profileName ?? "the post";
  const reason = typeof e.detail.reason === "string" ? e.detail.reason : undefined;
  const fields = Array.isArray(e.detail.fields) ? (e.detail.fields as EditField[]) : [];
  switch (e.kind) {
    case "edited":
      return { what: `Changed ${manageTexts.changedFields(fields)} for ${profile}` };
    case "edit_refused":
      return { what: `Change refused for ${profile}`, note: reason };
    case "cancelled":
      return { what: `Cancelled for ${profile}` };
    case "cancel_refused":
      return { what: `Cancel refused for ${profile}`, note: reason };
    case "retried":
      return { what: `Sent again to ${profile}` };
    case "sent":
      // With what came of it: a send Postproxy refused or never answered is not a success.
      return {
        what: `Sent to Postproxy for ${profile}${e.toStatus ? `: ${statusLabel(e.toStatus)}` : ""}`,
      };
    case "link":
      return { what: `TikTok link received for ${profile}` };
    case "replayed":
      return { what: `Asked Postproxy again with the same request key for ${profile}` };
    case "unresolved":
      return {
        what: `Outcome for ${profile} could not be checked safely; nothing was resent`,
        note: reason,
      };
    case "sender_lost":
      return { what: `Postdeck stopped waiting for Postproxy's answer for ${profile}` };
    case "not_found":
      return {
        what: `Postproxy no longer has the post for ${profile} (Postdeck did not delete it)`,
      };
    case "previous_key":
      return { what: `${profile} was sent with a previous API key; no longer checked` };
    default:
      if (e.toStatus)
        return {
          what: `${profile}: ${e.fromStatus ? `${statusLabel(e.fromStatus)} → ` : ""}${statusLabel(e.toStatus)}`,
          note: reason,
        };
      return { what: e.kind.replace(/_/g, " "), note: reason };
  }
}

/**
 * What happened to the post, oldest first: its creation and send (from the post itself), each
 * profile's publication, and every recorded action and status change with its source.
 */
export function PostTimeline({ post, events }: { post: PostView; events: PostEventView[] }) {
  const zone = useSyncExternalStore(noSubscribe, viewerTimeZone, () => "UTC");
  const entries: Entry[] = [
    {
      id: "created",
      at: post.createdAt,
      what: "Created",
      source: post.createdByName ? `by ${post.createdByName}` : "Postdeck",
    },
  ];
  if (post.submittedAt)
    entries.push({
      id: "submitted",
      at: post.submittedAt,
      what: `Sent to Postproxy for ${post.targets.length} profile${post.targets.length === 1 ? "" : "s"}`,
      source: "from the composer",
    });
  const hasPublishedEvent = new Set(
    events.filter((e) => e.toStatus === "published").map((e) => e.targetId),
  );
  for (const t of post.targets)
    if (t.publishedAt && !hasPublishedEvent.has(t.id))
      entries.push({
        id: `published-${t.id}`,
        at: t.publishedAt,
        what: `Published on TikTok for ${t.profileName}`,
        source: "reported by Postproxy",
      });
  for (const e of events)
    entries.push({ id: e.id, at: e.createdAt, source: sourceOf(e), ...describe(e) });
  entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return (
    <ol aria-label="Timeline" className="space-y-3">
      {entries.map((entry) => (
        <li key={entry.id} className="relative border-l-2 border-gray-200 pl-4">
          <p className="text-sm font-medium text-gray-900 [overflow-wrap:anywhere]">{entry.what}</p>
          <p className="text-xs text-gray-600">
            <time dateTime={entry.at}>
              {formatDateTime(entry.at, { timeZone: zone, withZone: true })}
            </time>
            {" · "}
            {entry.source}
          </p>
          {entry.note ? (
            <p className="mt-1 text-sm text-gray-700 [overflow-wrap:anywhere]">{entry.note}</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
