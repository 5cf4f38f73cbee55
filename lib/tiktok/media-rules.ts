/** TikTok's media rules (PRODUCT.md §4.2), shared by the media library, the composer and the server. */

export const GiB = 1024 ** 3;
export const MiB = 1024 ** 2;

export const tiktokMediaLimits = {
  videoMaxBytes: 4 * GiB,
  // TikTok says "20 MB"; read as MiB like Postproxy's sandbox so we never refuse what TikTok takes.
  imageMaxBytes: 20 * MiB,
  videoMinSeconds: 3,
  videoMaxSeconds: 600,
  videoWarnSeconds: 180,
  videoMinShortSide: 720,
  videoMinLongSide: 1280,
  frameRateMin: 23,
  frameRateMax: 60,
  imagesMin: 1,
  imagesMax: 35,
} as const;

/** Real types (from the bytes) TikTok takes, with the label users know them by. */
export const tiktokVideoTypes: Record<string, string> = {
  "video/mp4": "MP4",
  "video/quicktime": "MOV",
  "video/vnd.avi": "AVI",
  "video/x-msvideo": "AVI",
  "video/webm": "WebM",
};
export const tiktokImageTypes: Record<string, string> = {
  "image/jpeg": "JPEG",
  "image/gif": "GIF",
};
/** Photos TikTok refuses but Postdeck can turn into JPEG. */
export const convertibleImageTypes: Record<string, string> = {
  "image/png": "PNG",
  "image/webp": "WebP",
};

export type TikTokFormat = "video" | "image";

/** The declared kind of a file before its bytes are seen: it picks the size limit at upload time. */
export function declaredKindOf(type: string, name: string): "video" | "image" {
  if (type.startsWith("image/")) return "image";
  if (type.startsWith("video/")) return "video";
  return /\.(jpe?g|gif|png|webp|heic|avif|bmp)$/i.test(name) ? "image" : "video";
}

export function uploadLimitFor(kind: "video" | "image"): number {
  return kind === "image" ? tiktokMediaLimits.imageMaxBytes : tiktokMediaLimits.videoMaxBytes;
}

export function formatBytes(bytes: number): string {
  if (bytes >= GiB) return `${trim(bytes / GiB)} GB`;
  if (bytes >= MiB) return `${trim(bytes / MiB)} MB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KB`;
  return `${bytes} B`;
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${trim(seconds)} s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds - m * 60);
  return `${m} min${s ? ` ${s} s` : ""}`;
}

function trim(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

/** A size just over a limit would round to the limit itself; then the exact byte count is shown. */
export function formatSizeAgainst(size: number, limit: number): string {
  return size > limit && formatBytes(size) === formatBytes(limit)
    ? `${size.toLocaleString("en-US")} bytes`
    : formatBytes(size);
}

/** The refusal shown when a declared length is over the limit, before any byte is stored. */
export function uploadTooLargeMessage(kind: "video" | "image", size: number): string {
  const limit = uploadLimitFor(kind);
  const what = kind === "image" ? "photos" : "videos";
  return `TikTok takes ${what} up to ${formatBytes(limit)}; this one is ${formatSizeAgainst(size, limit)}.`;
}

/**
 * What a file really is when its name says otherwise (the type comes from the bytes): "This is a
 * PNG image, not a video". Null when the name and the bytes agree or the bytes are no known type.
 */
export function describeMisnamedFile(name: string, mime: string | null): string | null {
  if (!mime) return null;
  const isImage = mime.startsWith("image/");
  const label = isImage
    ? (tiktokImageTypes[mime] ?? convertibleImageTypes[mime])
    : tiktokVideoTypes[mime];
  if (!label) return null;
  const named = declaredKindOf("", name);
  if (named === (isImage ? "image" : "video")) return null;
  const article = /^(MP4|MOV|AVI)$/.test(label) ? "an" : "a";
  return `This is ${article} ${label} ${isImage ? "image" : "video"}, not a ${named === "video" ? "video" : "photo"}`;
}

/**
 * The composer converts a PNG or WebP photo to JPEG as soon as it is added; its card says so,
 * naming what the file really is when its name says otherwise.
 */
export function describeJpegConversion(name: string, mime: string | null): string | null {
  const label = mime ? convertibleImageTypes[mime] : undefined;
  if (!label) return null;
  const misnamed = describeMisnamedFile(name, mime);
  return misnamed
    ? `${misnamed}; it will be converted to JPEG`
    : `This ${label} photo will be converted to JPEG`;
}
