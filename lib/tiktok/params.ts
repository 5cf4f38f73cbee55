import type { TikTokPrivacy } from "@/lib/validation/enums";
import { readDisclosure, type Disclosure } from "./disclosure";
import type { TikTokFormat } from "./media-rules";
import { interactionTexts } from "./texts";

/** The composer's TikTok settings, in the form's words (checked boxes, not `disable_*`). */
export type TikTokSettings = Disclosure & {
  privacy?: TikTokPrivacy | null;
  allowComments: boolean;
  allowDuet: boolean;
  allowStitch: boolean;
  madeWithAi: boolean;
  coverIndex?: number | null;
  autoAddMusic: boolean;
};

/** How every setting starts: no privacy chosen (TikTok requires an explicit choice), nothing ticked. */
export const defaultTikTokSettings = {
  privacy: null,
  allowComments: false,
  allowDuet: false,
  allowStitch: false,
  madeWithAi: false,
  coverIndex: null,
  autoAddMusic: false,
  discloseContent: false,
  yourBrand: false,
  brandedContent: false,
} as const satisfies TikTokSettings;

/** `platforms.tiktok` as Postproxy takes it. */
export type TikTokPostParams = {
  format: TikTokFormat;
  privacy_status: TikTokPrivacy;
  disable_comment: boolean;
  brand_organic_toggle: boolean;
  brand_content_toggle: boolean;
  disable_duet?: boolean;
  disable_stitch?: boolean;
  made_with_ai?: boolean;
  photo_cover_index?: number;
  auto_add_music?: boolean;
};

const common = [
  "format",
  "privacy_status",
  "disable_comment",
  "brand_organic_toggle",
  "brand_content_toggle",
] as const;

/** The keys of `platforms.tiktok` each format takes; Postproxy refuses the others. */
export const tiktokParamsByFormat = {
  video: [...common, "disable_duet", "disable_stitch", "made_with_ai"],
  image: [...common, "photo_cover_index", "auto_add_music"],
} as const satisfies Record<TikTokFormat, readonly (keyof TikTokPostParams)[]>;

/** The settings the form shows for each format (the others are hidden, and never sent). */
export const settingsByFormat = {
  video: ["allowComments", "allowDuet", "allowStitch", "madeWithAi"],
  image: ["allowComments", "coverIndex", "autoAddMusic"],
} as const satisfies Record<TikTokFormat, readonly (keyof TikTokSettings)[]>;

/**
 * What to reset when the media switch the post to `format`, so a box ticked for the other format
 * does not linger hidden (the server refuses it). Call it with react-hook-form's setValue.
 */
export function resetSettingsForFormat(format: TikTokFormat): Partial<TikTokSettings> {
  return format === "image"
    ? { allowDuet: false, allowStitch: false, madeWithAi: false }
    : { coverIndex: null, autoAddMusic: false };
}

type SettingKey = "allowDuet" | "allowStitch" | "madeWithAi" | "coverIndex" | "autoAddMusic";
export type SettingRefusal = { field: SettingKey; message: string };

/**
 * Settings the form hides for this format but a crafted request may still carry. An unchecked box
 * (false) or no cover is harmless: it is simply not sent.
 */
export function refuseSettingsForFormat(
  format: TikTokFormat,
  s: Omit<TikTokSettings, keyof Disclosure | "privacy">,
  imageCount: number,
): SettingRefusal[] {
  const refusals: SettingRefusal[] = [];
  const refuse = (field: SettingKey, message: string) => refusals.push({ field, message });
  if (format === "image") {
    if (s.allowDuet) refuse("allowDuet", interactionTexts.duetVideoOnly);
    if (s.allowStitch) refuse("allowStitch", interactionTexts.stitchVideoOnly);
    if (s.madeWithAi) refuse("madeWithAi", interactionTexts.madeWithAiVideoOnly);
    if (s.coverIndex != null && s.coverIndex >= imageCount)
      refuse("coverIndex", interactionTexts.coverOutOfRange(imageCount));
  } else {
    if (s.coverIndex != null) refuse("coverIndex", interactionTexts.coverPhotoOnly);
    if (s.autoAddMusic) refuse("autoAddMusic", interactionTexts.autoAddMusicPhotoOnly);
  }
  return refusals;
}

/** Maps checked boxes to `platforms.tiktok`: only the keys the format takes, privacy always. */
export function buildTikTokParams(
  format: TikTokFormat,
  s: TikTokSettings & { privacy: TikTokPrivacy },
): TikTokPostParams {
  const { isYourBrand, isBranded } = readDisclosure(s);
  const params: TikTokPostParams = {
    format,
    privacy_status: s.privacy,
    disable_comment: !s.allowComments,
    brand_organic_toggle: isYourBrand,
    brand_content_toggle: isBranded,
  };
  if (format === "video") {
    params.disable_duet = !s.allowDuet;
    params.disable_stitch = !s.allowStitch;
    params.made_with_ai = s.madeWithAi;
  } else {
    params.photo_cover_index = s.coverIndex ?? 0;
    params.auto_add_music = s.autoAddMusic;
  }
  return params;
}
