import {
  TIKTOK_FORMATS,
  TIKTOK_LIMITS,
  TIKTOK_PARAMS,
  TIKTOK_PRIVACY,
  type TikTokFormat,
} from "./limits";

export interface TikTokRequest {
  body: string;
  mediaCount: number;
  params: Record<string, unknown> | undefined;
  hasThread: boolean;
}

/**
 * The checks Postproxy can make from the request alone (422 at create). Facts that need the
 * bytes — real type, size, duration, dimensions — wait for media processing.
 */
export function validateTikTokRequest(request: TikTokRequest): string[] {
  const errors: string[] = [];
  const params = request.params ?? {};
  if (request.hasThread) errors.push("Threads are not supported for tiktok");
  if (request.body.length > TIKTOK_LIMITS.captionMax) {
    errors.push(
      `Body is too long for tiktok (${request.body.length} characters, maximum is ${TIKTOK_LIMITS.captionMax})`,
    );
  }
  const format = formatOf(params.format);
  if (format === null) {
    errors.push(`tiktok: format must be one of ${TIKTOK_FORMATS.join(", ")}`);
    return errors;
  }
  errors.push(...validateParams(params, format, request.mediaCount));
  if (request.mediaCount === 0) {
    errors.push("Media is required for tiktok");
  } else if (format === "video" && request.mediaCount !== 1) {
    errors.push(`tiktok: a video post takes exactly 1 video (got ${request.mediaCount} media)`);
  } else if (format === "image" && request.mediaCount > TIKTOK_LIMITS.imagesMax) {
    errors.push(
      `tiktok: a photo post takes 1 to ${TIKTOK_LIMITS.imagesMax} images (got ${request.mediaCount})`,
    );
  }
  return errors;
}

export function formatOf(value: unknown): TikTokFormat | null {
  if (value === undefined || value === null) return "video";
  return (TIKTOK_FORMATS as readonly unknown[]).includes(value) ? (value as TikTokFormat) : null;
}

function validateParams(
  params: Record<string, unknown>,
  format: TikTokFormat,
  mediaCount: number,
): string[] {
  const errors: string[] = [];
  const allowed = TIKTOK_PARAMS[format];
  for (const [key, value] of Object.entries(params)) {
    const kind = allowed[key];
    if (!kind) {
      errors.push(`Invalid platform params for tiktok: ${key}`);
      continue;
    }
    if (kind === "boolean" && typeof value !== "boolean") {
      errors.push(`tiktok: ${key} must be true or false`);
    } else if (kind === "privacy" && !(TIKTOK_PRIVACY as readonly unknown[]).includes(value)) {
      errors.push(`tiktok: privacy_status must be one of ${TIKTOK_PRIVACY.join(", ")}`);
    } else if (kind === "index") {
      if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
        errors.push("tiktok: photo_cover_index must be a whole number of 0 or more");
      } else if (mediaCount > 0 && value >= mediaCount) {
        errors.push(
          `tiktok: photo_cover_index ${value} is out of range for ${mediaCount} image${mediaCount === 1 ? "" : "s"}`,
        );
      }
    }
  }
  return errors;
}
