import { z } from "zod";
import {
  buildTikTokParams,
  defaultTikTokSettings,
  type TikTokPostParams,
} from "@/lib/tiktok/params";
import { readMediaSelection } from "@/lib/tiktok/media-selection";
import { applyComposeRules, type ComposeContext } from "./post-rules";
import { postFields } from "./post-draft";
import { toScheduledInstant } from "./schedule";

// The stored draft's schema and bounds live in post-draft.ts (the rules read its type); they are
// part of this module's public face because every caller thinks of them as "the post schema".
export {
  draftCaptionMaxLength,
  draftMediaMax,
  draftSchema,
  postproxyIdSchema,
  profilesMax,
  type DraftInput,
} from "./post-draft";

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
