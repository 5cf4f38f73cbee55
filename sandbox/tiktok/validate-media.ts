import { formatBytes } from "../media/download";
import type { MediaRecord } from "../store/types";
import { TIKTOK_IMAGE_TYPES, TIKTOK_LIMITS, TIKTOK_VIDEO_TYPES, type TikTokFormat } from "./limits";

const REJECTED_IMAGES: Record<string, string> = {
  "image/png": "PNG",
  "image/webp": "WebP",
};

/** What Postproxy learns only from the bytes; each message becomes the media's error_message. */
export function tiktokMediaError(media: MediaRecord, format: TikTokFormat): string | null {
  if (media.ingestError) return media.ingestError;
  const probe = media.probe;
  if (!probe?.mime)
    return "Unsupported file: the media type could not be recognised from its contents";
  const rejected = REJECTED_IMAGES[probe.mime];
  if (rejected) return `${rejected} images are not supported by TikTok; use JPEG or GIF`;
  const isVideo = probe.mime in TIKTOK_VIDEO_TYPES;
  const isImage = probe.mime in TIKTOK_IMAGE_TYPES;
  if (!isVideo && !isImage) return `Unsupported file type for TikTok: ${probe.mime}`;
  if (format === "video" && !isVideo) {
    return `A TikTok video post needs a video (mp4, mov, avi or webm), got ${probe.mime}; set format "image" for photo posts`;
  }
  if (format === "image" && !isImage) {
    return `A TikTok photo post accepts only images (jpeg or gif), got ${probe.mime}`;
  }
  return isVideo ? videoError(media) : imageError(media);
}

function imageError(media: MediaRecord): string | null {
  const size = media.probe?.size ?? 0;
  if (size > TIKTOK_LIMITS.imageMaxBytes) {
    return `Image is ${formatBytes(size)}, over TikTok's limit of ${formatBytes(TIKTOK_LIMITS.imageMaxBytes)}`;
  }
  return null;
}

function videoError(media: MediaRecord): string | null {
  const probe = media.probe;
  if (!probe) return null;
  if (probe.size > TIKTOK_LIMITS.videoMaxBytes) {
    return `Video is ${formatBytes(probe.size)}, over TikTok's limit of ${formatBytes(TIKTOK_LIMITS.videoMaxBytes)}`;
  }
  const { durationSec, width, height } = probe;
  if (durationSec === null || width === null || height === null) {
    return "Could not read the video's duration and dimensions";
  }
  if (durationSec < TIKTOK_LIMITS.videoMinSeconds) {
    return `Video is too short for TikTok: ${round(durationSec)} s (minimum ${TIKTOK_LIMITS.videoMinSeconds} s)`;
  }
  if (durationSec > TIKTOK_LIMITS.videoMaxSeconds) {
    return `Video is too long for TikTok: ${round(durationSec)} s (maximum 10 min)`;
  }
  const short = Math.min(width, height);
  const long = Math.max(width, height);
  if (short < TIKTOK_LIMITS.videoMinShortSide || long < TIKTOK_LIMITS.videoMinLongSide) {
    return `Video resolution ${width}x${height} is below TikTok's minimum of 720x1280`;
  }
  return null;
}

/** Non-TikTok targets only need bytes we can recognise. */
export function genericMediaError(media: MediaRecord): string | null {
  if (media.ingestError) return media.ingestError;
  if (!media.probe?.mime)
    return "Unsupported file: the media type could not be recognised from its contents";
  return null;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
