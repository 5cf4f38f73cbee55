import { tiktokMediaLimits as L, type TikTokFormat } from "./media-rules";
import { mediaTexts } from "./texts";

export type MediaKindOfPost = "video" | "image";

export type MediaSelection = {
  /** The format the media make: one video → video post, photos → photo post; null when neither. */
  format: TikTokFormat | null;
  imageCount: number;
  /** Why the media cannot be posted as they are, or null. */
  problem: string | null;
};

/** The post's format follows its media; the count rules of §4.2 say whether they fit it. */
export function readMediaSelection(kinds: readonly MediaKindOfPost[]): MediaSelection {
  const videos = kinds.filter((k) => k === "video").length;
  const images = kinds.length - videos;
  if (kinds.length === 0) return { format: null, imageCount: 0, problem: mediaTexts.required };
  if (videos > 0 && images > 0)
    return { format: null, imageCount: images, problem: mediaTexts.mixed };
  if (videos > 0)
    return {
      format: "video",
      imageCount: 0,
      problem: videos === 1 ? null : mediaTexts.videoCount(videos),
    };
  return {
    format: "image",
    imageCount: images,
    problem: images > L.imagesMax ? mediaTexts.photoMax(images) : null,
  };
}
