import { z } from "zod";
import type { TikTokSettings } from "@/lib/tiktok/params";
import { draftSchema } from "./post";
import type { TargetStatus } from "./post-view";
import { idSchema } from "./workspace";

/** Postproxy refuses edits to a post less than 5 minutes before it goes out. */
export const postproxyEditLockMs = 5 * 60 * 1000;
/** Postdeck stops a minute earlier, so a change is never sent into the lock by a slow request. */
export const editLockMarginMs = 60 * 1000;

/** Whether a post due at `scheduledAt` can no longer be edited or cancelled at `now`. */
export function isInsideEditLock(scheduledAt: Date | string, now: Date): boolean {
  const at = typeof scheduledAt === "string" ? new Date(scheduledAt) : scheduledAt;
  return at.getTime() - now.getTime() <= postproxyEditLockMs + editLockMarginMs;
}

/**
 * Edit mode: the composer's fields (checked again with composePostSchema on the server), the post,
 * and the version the form was opened at.
 */
export const editPostSchema = draftSchema.extend({
  postId: idSchema,
  version: z.coerce.number({ error: "Reload the post and edit again." }).int().min(0),
});
export type EditPostInput = z.output<typeof editPostSchema>;

/** Cancel: the profiles' targets to cancel; absent means every profile still scheduled. */
export const cancelPostSchema = z.object({
  workspaceId: idSchema,
  postId: idSchema,
  targetIds: z.array(idSchema).min(1).max(50).optional(),
});
export type CancelPostInput = z.infer<typeof cancelPostSchema>;

export type EditField = "caption" | "settings" | "time";

export type TimelineSource = "user" | "submit" | "webhook" | "sync" | "system";

export type PostEventView = {
  id: string;
  kind: string;
  targetId: string | null;
  profileName: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  source: TimelineSource;
  actorName: string | null;
  detail: Record<string, unknown>;
  createdAt: string;
};

/** One profile's copy as Postproxy last accepted it (after an edit they can differ). */
export type ManagedTargetView = {
  id: string;
  profileName: string;
  status: TargetStatus;
  caption: string | null;
  scheduledAt: string | null;
  settings: TikTokSettings | null;
  /** Scheduled on Postproxy and outside the edit lock: edit and cancel are possible. */
  isEditable: boolean;
  /** Why it cannot be edited or cancelled now, in plain words; null when it can. */
  lockReason: string | null;
};

export type PostManageView = {
  postId: string;
  version: number;
  targets: ManagedTargetView[];
  /** Oldest first. */
  events: PostEventView[];
};

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
