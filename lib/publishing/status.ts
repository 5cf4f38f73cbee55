import "server-only";
import {
  finalTargetStatuses,
  isFinalTargetStatus,
  isSentTargetStatus,
  sentTargetStatuses,
  type LocalPostStatus,
  type TargetStatus,
} from "@/lib/validation/post-view";

/**
 * The status core: what a post's and a target's status may be, which moves are allowed, and how
 * a post's status follows from its targets. Submission, the webhook receiver, the sync route and
 * the post page all decide through these functions, so Postdeck has one answer to "what is true".
 */

// Final and sent statuses live beside the status list (the browser and the data layer read them).
export { finalTargetStatuses, isFinalTargetStatus, isSentTargetStatus, sentTargetStatuses };

// Later in a post's life = higher. `unknown` sits with `sending` (no answer yet), `delayed` with
// `processing` (due, not published: either may follow the other); the final statuses share the top.
const targetRank: Record<TargetStatus, number> = {
  pending: 0,
  sending: 1,
  unknown: 1,
  scheduled: 2,
  delayed: 4,
  processing: 4,
  published: 5,
  failed: 5,
  cancelled: 5,
};

/**
 * Whether a target may go from `from` to `to`: never backwards (a late `processing` cannot undo
 * `published`), never out of a final status (only a resend, a new revision, does that), and
 * `sending` ↔ `unknown` only forwards (an answer that never came).
 */
export function canMoveTarget(from: TargetStatus, to: TargetStatus): boolean {
  if (from === to) return false;
  if (isFinalTargetStatus(from)) return false;
  if (from === "unknown" && to === "sending") return false;
  return targetRank[to] >= targetRank[from];
}

/** What a report (webhook, sync, send answer) is about: which Postproxy post, which attempt. */
export type TargetReport = { postproxyPostId: string | null };

/** The stored target a report may move. */
export type TargetState = {
  status: TargetStatus;
  postproxyPostId: string | null;
  platformUrl?: string | null;
};

export type ReportVerdict =
  | { apply: true; moves: boolean }
  | { apply: false; reason: "older_attempt" | "backwards" | "unchanged" };

/**
 * Whether a report about `report.postproxyPostId` may change the target: a report about another
 * (older) attempt's Postproxy post never moves the current one; a status move must be allowed by
 * {@link canMoveTarget}; the same status may still bring new facts (the TikTok link).
 */
export function judgeReport(
  target: TargetState,
  report: TargetReport & { status: TargetStatus; platformUrl?: string | null },
): ReportVerdict {
  if (
    target.postproxyPostId !== null &&
    report.postproxyPostId !== null &&
    report.postproxyPostId !== target.postproxyPostId
  )
    return { apply: false, reason: "older_attempt" };
  if (canMoveTarget(target.status, report.status)) return { apply: true, moves: true };
  if (target.status !== report.status) return { apply: false, reason: "backwards" };
  const bringsLink = !!report.platformUrl && report.platformUrl !== target.platformUrl;
  return bringsLink ? { apply: true, moves: false } : { apply: false, reason: "unchanged" };
}

/** The post's status from its targets' (a post with no targets is a draft). */
export function derivePostStatus(statuses: readonly TargetStatus[]): LocalPostStatus {
  if (statuses.length === 0) return "draft";
  const has = (s: TargetStatus) => statuses.includes(s);
  const every = (s: TargetStatus) => statuses.every((x) => x === s);
  // An unknown outcome is still "being sent" for the post: nothing about it is settled.
  if (has("sending") || has("pending") || has("unknown")) return "submitting";
  if (statuses.every(isFinalTargetStatus)) {
    if (every("published")) return "published";
    if (every("cancelled")) return "cancelled";
    if (has("published")) return "partially_published";
    return "failed";
  }
  if (has("processing") || has("delayed")) return "publishing";
  return "scheduled";
}

/** How long a published target is looked up for its TikTok link ("Only me" may never get one). */
export const linkLookupMs = 48 * 60 * 60 * 1000;

/** A scheduled target not published this long after its time is `delayed`. */
export const delayedAfterMs = 10 * 60 * 1000;

/**
 * When replaying an unanswered create under its Idempotency-Key cannot hurt: Postproxy replays a
 * stored success for 24 h, the media links it carries must still be valid, a scheduled post must
 * still be more than 5 minutes ahead (else it may go out late or twice as a "new" post), and a
 * Publish-now post at most 15 minutes old (else the user no longer expects it to go out now).
 */
export function canReplay(
  target: { sentAt: Date | null; scheduledAt: string | null; linksValidUntil: Date | null },
  now: Date,
): { ok: true } | { ok: false; reason: "links_expired" | "too_close" | "too_old" } {
  const t = now.getTime();
  if (target.linksValidUntil && target.linksValidUntil.getTime() - t < 5 * 60 * 1000)
    return { ok: false, reason: "links_expired" };
  if (target.scheduledAt) {
    const at = new Date(target.scheduledAt).getTime();
    return at - t > 5 * 60 * 1000 ? { ok: true } : { ok: false, reason: "too_close" };
  }
  const sentAt = target.sentAt?.getTime() ?? 0;
  return t - sentAt <= 15 * 60 * 1000 ? { ok: true } : { ok: false, reason: "too_old" };
}
