import {
  convertibleImageTypes,
  formatBytes,
  formatDuration,
  formatSizeAgainst,
  tiktokImageTypes,
  tiktokMediaLimits as L,
  tiktokVideoTypes,
  type TikTokFormat,
} from "./media-rules";
import { mediaTexts } from "./texts";

/** What the server probed from a file's bytes. */
export type MediaFacts = {
  mime: string | null;
  size: number;
  durationSec: number | null;
  width: number | null;
  height: number | null;
  frameRate: number | null;
};

export type RuleCheck = {
  rule: "Type" | "Size" | "Duration" | "Dimensions";
  ok: boolean;
  text: string;
};

export type MediaVerdict = {
  /** The post format the file can go in, or null when TikTok takes it in neither. */
  format: TikTokFormat | null;
  passes: boolean;
  /** Every row of the rules table that applies, passing or not, in plain words. */
  checks: RuleCheck[];
  reasons: string[];
  warnings: string[];
  /** PNG or WebP: Postdeck can convert it to JPEG. */
  canConvertToJpeg: boolean;
};

const typeList = "MP4, MOV, AVI or WebM videos and JPEG or GIF photos";

export function mediaVerdict(facts: MediaFacts): MediaVerdict {
  const { mime } = facts;
  if (mime && mime in tiktokVideoTypes) return videoVerdict(facts, tiktokVideoTypes[mime]);
  if (mime && mime in tiktokImageTypes) return imageVerdict(facts, tiktokImageTypes[mime]);
  const convertible = mime ? convertibleImageTypes[mime] : undefined;
  const text = convertible
    ? `${convertible} photo — TikTok takes JPEG or GIF photos; convert it to JPEG to use it`
    : mime
      ? `The file's contents are ${mime} — TikTok takes ${typeList}`
      : `The file's contents are not a video or photo TikTok knows — TikTok takes ${typeList}`;
  return finish(
    convertible ? "image" : null,
    [{ rule: "Type", ok: false, text }],
    [],
    !!convertible,
  );
}

/** The size rule of a format: under TikTok's limit, or how far over it the file is. */
function sizeCheck(size: number, max: number, noun: string, maxText: string): RuleCheck {
  return size <= max
    ? { rule: "Size", ok: true, text: `${formatBytes(size)} (up to ${maxText})` }
    : {
        rule: "Size",
        ok: false,
        text: `${formatSizeAgainst(size, max)} — TikTok takes ${noun} up to ${maxText}`,
      };
}

function videoVerdict(f: MediaFacts, label: string): MediaVerdict {
  const checks: RuleCheck[] = [{ rule: "Type", ok: true, text: `${label} video` }];
  const warnings: string[] = [];
  checks.push(sizeCheck(f.size, L.videoMaxBytes, "videos", "4 GB"));
  const d = f.durationSec;
  if (d === null) {
    checks.push({ rule: "Duration", ok: false, text: "The video's duration could not be read" });
  } else if (d < L.videoMinSeconds) {
    checks.push({
      rule: "Duration",
      ok: false,
      text: `${formatDuration(d)} long — TikTok needs at least 3 s`,
    });
  } else if (d > L.videoMaxSeconds) {
    checks.push({
      rule: "Duration",
      ok: false,
      text: `${formatDuration(d)} long — TikTok takes at most 10 min`,
    });
  } else {
    checks.push({ rule: "Duration", ok: true, text: `${formatDuration(d)} (3 s to 10 min)` });
    if (d > L.videoWarnSeconds)
      warnings.push(
        `${formatDuration(d)} long — some accounts can only post videos up to 3 or 5 min`,
      );
  }
  const { width: w, height: h } = f;
  if (w === null || h === null) {
    checks.push({
      rule: "Dimensions",
      ok: false,
      text: "The video's dimensions could not be read",
    });
  } else {
    const short = Math.min(w, h);
    const long = Math.max(w, h);
    const ok = short >= L.videoMinShortSide && long >= L.videoMinLongSide;
    checks.push({
      rule: "Dimensions",
      ok,
      text: ok
        ? `${w}×${h} (at least 720×1280)`
        : `${w}×${h} — TikTok needs at least 720×1280 (shorter side 720 px, longer side 1280 px)`,
    });
    if (w > h) warnings.push(`Landscape (${w}×${h}) — TikTok shows vertical video full screen`);
  }
  const fps = f.frameRate;
  if (fps !== null && (fps < L.frameRateMin || fps > L.frameRateMax))
    warnings.push(`${Math.round(fps * 100) / 100} fps — TikTok recommends 23 to 60 fps`);
  return finish("video", checks, warnings, false);
}

function imageVerdict(f: MediaFacts, label: string): MediaVerdict {
  const checks: RuleCheck[] = [{ rule: "Type", ok: true, text: `${label} photo` }];
  checks.push(sizeCheck(f.size, L.imageMaxBytes, "photos", "20 MB"));
  return finish("image", checks, [], false);
}

function finish(
  format: TikTokFormat | null,
  checks: RuleCheck[],
  warnings: string[],
  canConvertToJpeg: boolean,
): MediaVerdict {
  const reasons = checks.filter((c) => !c.ok).map((c) => c.text);
  return { format, passes: reasons.length === 0, checks, reasons, warnings, canConvertToJpeg };
}

/** The "Count" row of the rules table: what a post of `format` may hold. */
export function selectionVerdict(
  format: TikTokFormat,
  files: MediaFacts[],
): { passes: boolean; reasons: string[] } {
  const kinds = files.map((f) => mediaVerdict(f).format);
  const videos = kinds.filter((k) => k === "video").length;
  const images = kinds.filter((k) => k === "image").length;
  const reasons: string[] = [];
  if (format === "video") {
    if (videos !== 1) reasons.push(mediaTexts.videoCount(videos));
    if (images > 0) reasons.push(mediaTexts.videoWithPhotos);
  } else {
    if (images < L.imagesMin) reasons.push(mediaTexts.photoMin);
    if (images > L.imagesMax) reasons.push(mediaTexts.photoMax(images));
    if (videos > 0) reasons.push(mediaTexts.photoWithVideo);
  }
  return { passes: reasons.length === 0, reasons };
}
