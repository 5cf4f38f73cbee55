/** TikTok rules as Postproxy documents them (platforms/tiktok page and PRODUCT.md §4.2). */
export const TIKTOK_LIMITS = {
  captionMax: 2200,
  videoMaxBytes: 4 * 1024 ** 3,
  // "20 MB" read as MiB: the lenient reading, so the sandbox never rejects what TikTok takes.
  imageMaxBytes: 20 * 1024 ** 2,
  imagesMax: 35,
  videoMinSeconds: 3,
  videoMaxSeconds: 600,
  videoMinShortSide: 720,
  videoMinLongSide: 1280,
} as const;

export const TIKTOK_VIDEO_TYPES: Record<string, string> = {
  "video/mp4": "mp4",
  "video/quicktime": "mov",
  "video/vnd.avi": "avi",
  "video/x-msvideo": "avi",
  "video/webm": "webm",
};

export const TIKTOK_IMAGE_TYPES: Record<string, string> = {
  "image/jpeg": "jpeg",
  "image/gif": "gif",
};

export const TIKTOK_PRIVACY = [
  "PUBLIC_TO_EVERYONE",
  "MUTUAL_FOLLOW_FRIENDS",
  "FOLLOWER_OF_CREATOR",
  "SELF_ONLY",
] as const;

export const TIKTOK_FORMATS = ["video", "image"] as const;
export type TikTokFormat = (typeof TIKTOK_FORMATS)[number];

type ParamKind = "boolean" | "format" | "privacy" | "index";

/** Which keys each format accepts; anything else is "Invalid platform params for tiktok: key". */
export const TIKTOK_PARAMS: Record<TikTokFormat, Record<string, ParamKind>> = {
  video: {
    format: "format",
    privacy_status: "privacy",
    made_with_ai: "boolean",
    disable_comment: "boolean",
    disable_duet: "boolean",
    disable_stitch: "boolean",
    brand_content_toggle: "boolean",
    brand_organic_toggle: "boolean",
  },
  image: {
    format: "format",
    privacy_status: "privacy",
    photo_cover_index: "index",
    auto_add_music: "boolean",
    disable_comment: "boolean",
    brand_content_toggle: "boolean",
    brand_organic_toggle: "boolean",
  },
};
