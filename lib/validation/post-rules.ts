import type { z } from "zod";
import { checkCaption } from "@/lib/tiktok/caption";
import { blockDisclosure, readDisclosure, refuseBrandedContent } from "@/lib/tiktok/disclosure";
import { readMediaSelection } from "@/lib/tiktok/media-selection";
import { refuseSettingsForFormat } from "@/lib/tiktok/params";
import { refusePrivacy } from "@/lib/tiktok/privacy";
import { mediaTexts, privacyTexts, profileTexts, scheduleTexts } from "@/lib/tiktok/texts";
import type { AuditStatus } from "./enums";
import type { DraftInput } from "./post-draft";
import { isLocalDateTime, toScheduledInstant } from "./schedule";
import { isValidTimeZone } from "./timezone-name";

export type ComposeContext = {
  /** The workspace's TikTok app audit status, read on the server, passed as a prop to the form. */
  auditStatus: AuditStatus;
  /** The clock for "in the past"; defaults to the real one. */
  now?: () => Date;
};

type Fields = Omit<DraftInput, "schedule"> & { schedule: NonNullable<DraftInput["schedule"]> };
type Issue = (path: (string | number)[], message: string) => void;

/**
 * TikTok's rules that need no database (PRODUCT.md §4.2–4.6), each reported at its field. A draft
 * is saved as typed, so none apply to one.
 */
export function applyComposeRules(v: Fields, ctx: z.RefinementCtx, context: ComposeContext) {
  if (v.schedule.mode === "draft") return;
  const issue: Issue = (path, message) => ctx.addIssue({ code: "custom", path, message });
  checkProfiles(v.profileIds, issue);
  const selection = readMediaSelection(v.media.map((m) => m.kind));
  findRepeats(v.media.map((m) => m.id)).forEach((i) => issue(["media", i], mediaTexts.duplicate));
  if (selection.problem) issue(["media"], selection.problem);
  const captionProblem = checkCaption(v.caption);
  if (captionProblem) issue(["caption"], captionProblem);
  checkPrivacyAndDisclosure(v, context, issue);
  if (selection.format) {
    for (const r of refuseSettingsForFormat(selection.format, v, selection.imageCount))
      issue([r.field], r.message);
  }
  if (v.schedule.mode === "schedule") checkSchedule(v.schedule, context, issue);
}

function findRepeats(ids: string[]): number[] {
  return ids.flatMap((id, i) => (ids.indexOf(id) < i ? [i] : []));
}

function checkProfiles(profileIds: string[], issue: Issue) {
  if (profileIds.length === 0) issue(["profileIds"], profileTexts.required);
  findRepeats(profileIds).forEach((i) => issue(["profileIds", i], profileTexts.duplicate));
}

function checkPrivacyAndDisclosure(v: Fields, context: ComposeContext, issue: Issue) {
  const { isBranded } = readDisclosure(v);
  if (!v.privacy) {
    issue(["privacy"], privacyTexts.required);
  } else {
    const refusal = refusePrivacy(v.privacy, {
      auditStatus: context.auditStatus,
      isBrandedContent: isBranded,
    });
    if (refusal) issue(["privacy"], refusal);
  }
  const brandedRefusal = isBranded ? refuseBrandedContent(v.privacy, context.auditStatus) : null;
  if (brandedRefusal) issue(["brandedContent"], brandedRefusal);
  const blocker = blockDisclosure(v);
  if (blocker) issue(["discloseContent"], blocker);
}

function checkSchedule(schedule: Fields["schedule"], context: ComposeContext, issue: Issue) {
  const { at, timeZone } = schedule;
  if (!timeZone || !isValidTimeZone(timeZone))
    issue(["schedule", "timeZone"], scheduleTexts.timeZoneInvalid);
  if (!at) return issue(["schedule", "at"], scheduleTexts.atRequired);
  if (!isLocalDateTime(at)) return issue(["schedule", "at"], scheduleTexts.atInvalid);
  const instant = timeZone ? toScheduledInstant(at, timeZone) : null;
  const now = (context.now ?? (() => new Date()))();
  if (instant && instant.getTime() <= now.getTime())
    issue(["schedule", "at"], scheduleTexts.inPast);
}
