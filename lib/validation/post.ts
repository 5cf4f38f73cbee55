import { z } from "zod";
import {
  buildTikTokParams,
  defaultTikTokSettings,
  type TikTokPostParams,
} from "@/lib/tiktok/params";
import { readMediaSelection } from "@/lib/tiktok/media-selection";
import {
  captionTexts,
  formTexts,
  interactionTexts,
  mediaTexts,
  privacyTexts,
  profileTexts,
  scheduleTexts,
} from "@/lib/tiktok/texts";
import { postModes, tiktokPrivacyStatuses, type AuditStatus } from "./enums";
import { applyComposeRules } from "./post-rules";
import { toScheduledInstant } from "./schedule";
import { text } from "./text";
import { idSchema } from "./workspace";

/** Bounds of what can be stored at all; TikTok's own limits are rules checked on submit. */
export const draftCaptionMaxLength = 22_000;
export const draftMediaMax = 100;
export const profilesMax = 50;

/** Postproxy's own ids ("prof_acme_tiktok"): opaque, but only ever letters, digits, "_" and "-". */
export const postproxyIdSchema = z
  .string({ error: profileTexts.invalidId })
  .regex(/^[A-Za-z0-9_-]{1,100}$/, profileTexts.invalidId);

const mediaRefSchema = z.object({
  id: idSchema,
  kind: z.enum(["video", "image"], { error: mediaTexts.kindInvalid }),
});

const scheduleSchema = z.object({
  mode: z.enum(postModes, { error: scheduleTexts.modeInvalid }),
  /** Wall-clock time in `timeZone`, "YYYY-MM-DDTHH:MM"; only read when mode is "schedule". */
  at: z.string().max(40, scheduleTexts.atInvalid).optional(),
  timeZone: z.string().max(100, scheduleTexts.timeZoneInvalid).optional(),
});

const flag = () => z.boolean({ error: formTexts.checkboxInvalid }).default(false);

/**
 * The composer's fields. Lenient on purpose: what TikTok refuses is reported by the rules at the
 * field concerned, so the form shows every problem at once and a draft is saved as typed.
 */
const postFields = {
  workspaceId: idSchema,
  /** The draft being edited, if it was saved before. */
  postId: idSchema.optional(),
  profileIds: z
    .array(postproxyIdSchema)
    .max(profilesMax, profileTexts.tooMany(profilesMax))
    .default([]),
  /** In order; a photo post's cover index counts into this list. */
  media: z
    .array(mediaRefSchema)
    .max(draftMediaMax, mediaTexts.draftTooMany(draftMediaMax))
    .default([]),
  caption: text({ multiline: true })
    .max(draftCaptionMaxLength, captionTexts.draftTooLong(draftCaptionMaxLength))
    .default(""),
  // No default: TikTok's guidelines make the user choose (required by the rules, not here).
  privacy: z.enum(tiktokPrivacyStatuses, { error: privacyTexts.invalid }).nullish(),
  allowComments: flag(),
  allowDuet: flag(),
  allowStitch: flag(),
  madeWithAi: flag(),
  coverIndex: z
    .int({ error: interactionTexts.coverHelp })
    .min(0, interactionTexts.coverHelp)
    .nullish(),
  autoAddMusic: flag(),
  discloseContent: flag(),
  yourBrand: flag(),
  brandedContent: flag(),
  schedule: scheduleSchema,
};

export type ComposeContext = {
  /** The workspace's TikTok app audit status, read on the server, passed as a prop to the form. */
  auditStatus: AuditStatus;
  /** The clock for "in the past"; defaults to the real one. */
  now?: () => Date;
};

/** One schema for the composer's form (zodResolver) and the server action, which re-checks it. */
export function composePostSchema(context: ComposeContext) {
  return z.object(postFields).superRefine((value, ctx) => applyComposeRules(value, ctx, context));
}
export type ComposePostInput = z.output<ReturnType<typeof composePostSchema>>;
export type ComposePostFormValues = z.input<ReturnType<typeof composePostSchema>>;

/** A new post as the form starts: no profile, no media, no privacy chosen, every box unchecked. */
export function createComposeDefaults(
  workspaceId: string,
  timeZone: string,
): ComposePostFormValues {
  return {
    workspaceId,
    profileIds: [],
    media: [],
    caption: "",
    ...defaultTikTokSettings,
    schedule: { mode: "now", timeZone },
  };
}

/** Autosave: any incomplete post is kept as typed, within storage bounds. */
export const draftSchema = z.object({ ...postFields, schedule: scheduleSchema.optional() });
export type DraftInput = z.output<typeof draftSchema>;

/**
 * `platforms.tiktok` for a post that passed composePostSchema: only the parameters of its format,
 * and always the chosen privacy.
 */
export function toPostproxyTikTokParams(input: ComposePostInput): TikTokPostParams {
  const { format } = readMediaSelection(input.media.map((m) => m.kind));
  const privacy = input.privacy;
  if (!format || !privacy) throw new Error("toPostproxyTikTokParams needs a validated post");
  return buildTikTokParams(format, { ...input, privacy });
}

/** When a scheduled post goes out, in UTC; null for publish now and drafts. */
export function toScheduledAt(input: Pick<ComposePostInput, "schedule">): Date | null {
  const { mode, at, timeZone } = input.schedule;
  if (mode !== "schedule" || !at || !timeZone) return null;
  return toScheduledInstant(at, timeZone);
}
