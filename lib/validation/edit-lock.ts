/**
 * The edit lock and the texts of changing a scheduled post: zod-free, so the calendar's client
 * code reads them without loading the schemas (lib/validation/post-manage.ts re-exports them).
 */

/** Postproxy refuses edits to a post less than 5 minutes before it goes out. */
export const postproxyEditLockMs = 5 * 60 * 1000;
/** Postdeck stops a minute earlier, so a change is never sent into the lock by a slow request. */
export const editLockMarginMs = 60 * 1000;

/** Whether a post due at `scheduledAt` can no longer be edited or cancelled at `now`. */
export function isInsideEditLock(scheduledAt: Date | string, now: Date): boolean {
  const at = typeof scheduledAt === "string" ? new Date(scheduledAt) : scheduledAt;
  return at.getTime() - now.getTime() <= postproxyEditLockMs + editLockMarginMs;
}

export type EditField = "caption" | "settings" | "time";

const fieldWords: Record<EditField, string> = {
  caption: "the caption",
  settings: "the TikTok settings",
  time: "the time",
};

function listWords(words: string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

export const manageTexts = {
  changedFields: (fields: EditField[]) => listWords(fields.map((f) => fieldWords[f])),
  notScheduled: (status: string) =>
    `Only a scheduled post can be changed; this one is ${status.replace("_", " ")}.`,
  noProfileEditable: "No profile of this post is still scheduled on Postproxy.",
  insideLock: (names: string[]) =>
    `${listWords(names)} ${names.length > 1 ? "go" : "goes"} out in less than 6 minutes. Postproxy stops changes 5 minutes before publishing, so this can no longer be changed.`,
  lockReason:
    "Goes out in less than 6 minutes: Postproxy allows no change 5 minutes before publishing.",
  newTimeInsideLock:
    "Pick a time at least 6 minutes from now: Postproxy allows no change in the last 5 minutes before publishing.",
  timeRequired: "Pick the new date and time: a scheduled post keeps a schedule.",
  conflict: (who: string, fields: EditField[], at: string) =>
    `${who} changed ${fields.length ? listWords(fields.map((f) => fieldWords[f])) : "this post"} at ${at} while you were editing. Your changes were not sent: reload the post to see theirs, then edit again.`,
  conflictUnknown:
    "Someone changed this post while you were editing. Your changes were not sent: reload the post to see theirs, then edit again.",
  noChange: "Nothing was changed.",
  editRefused: (name: string, reason: string) =>
    `Postproxy refused the change for ${name}: ${reason}. ${name} keeps its earlier version.`,
  editUnconfirmed: (name: string, reason: string) =>
    `Postproxy ${reason} for ${name}, and reading the post back did not show the change. ${name} keeps its earlier version; save again to resend it (a resend cannot change it twice).`,
  rateLimited: "was limiting requests (429)",
  serverError: (status?: number) => `had an internal error${status ? ` (${status})` : ""}`,
  unreachable: "could not be reached",
  cancelRefused: (name: string, reason: string) =>
    `Postproxy refused to cancel ${name}: ${reason}. It is still scheduled.`,
  cancelUnconfirmed: (name: string, reason: string) =>
    `Postproxy ${reason} while cancelling ${name}; it is still shown as scheduled. Cancel again to make sure (cancelling twice is harmless).`,
  notCancellable: "None of the chosen profiles is still scheduled.",
} as const;
