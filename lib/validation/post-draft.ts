import { z } from "zod";
import {
  captionTexts,
  formTexts,
  interactionTexts,
  mediaTexts,
  privacyTexts,
  profileTexts,
  scheduleTexts,
} from "@/lib/tiktok/texts";
import { postModes, tiktokPrivacyStatuses } from "./enums";
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
export const postFields = {
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

/** Autosave: any incomplete post is kept as typed, within storage bounds. */
export const draftSchema = z.object({ ...postFields, schedule: scheduleSchema.optional() });
export type DraftInput = z.output<typeof draftSchema>;
