import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { imageSize } from "image-size";
import mediaInfoFactory, { isTrackType } from "mediainfo.js";
import type { MediaInfo, MediaInfoResult } from "mediainfo.js";
import type { MediaFacts } from "@/lib/tiktok";
import type { MediaKind } from "@/lib/validation/media";

/** Random access to stored bytes, so probing never loads a whole file. */
export type ByteSource = {
  size: number;
  read(offset: number, length: number): Promise<Buffer>;
};

export type ProbeResult = MediaFacts & { kind: MediaKind; container: string | null };

const headBytes = 64 * 1024;
// A JPEG's size marker can sit after large EXIF blocks; photos are at most 20 MB anyway.
const imageHeadBytes = 2 * 1024 * 1024;

let mediaInfo: Promise<MediaInfo<"object">> | null = null;
let queue: Promise<unknown> = Promise.resolve();

/** One WASM instance per process; it is not re-entrant, so analyses wait their turn. */
function withMediaInfo<T>(task: (mi: MediaInfo<"object">) => Promise<T>): Promise<T> {
  mediaInfo ??= mediaInfoFactory({ format: "object" });
  const run = queue.then(async () => task(await (mediaInfo as Promise<MediaInfo<"object">>)));
  queue = run.catch(() => {});
  return run;
}

/** Real type from the bytes (file-type), then dimensions (image-size) or video facts (mediainfo.js). */
export async function probeMedia(source: ByteSource): Promise<ProbeResult> {
  const head = await source.read(0, Math.min(headBytes, source.size));
  const type = await fileTypeFromBuffer(head);
  const result: ProbeResult = {
    kind: "other",
    mime: type?.mime ?? null,
    container: type?.ext ?? null,
    size: source.size,
    durationSec: null,
    width: null,
    height: null,
    frameRate: null,
  };
  if (!type) return result;
  if (type.mime.startsWith("image/")) {
    result.kind = "image";
    Object.assign(result, await probeImage(source));
  } else if (type.mime.startsWith("video/")) {
    result.kind = "video";
    Object.assign(result, await probeVideo(source));
  }
  return result;
}

async function probeImage(source: ByteSource): Promise<Partial<ProbeResult>> {
  for (const length of [imageHeadBytes, source.size]) {
    try {
      const dims = imageSize(await source.read(0, Math.min(length, source.size)));
      return { width: dims.width ?? null, height: dims.height ?? null };
    } catch {
      if (length >= source.size) break;
    }
  }
  return {};
}

async function probeVideo(source: ByteSource): Promise<Partial<ProbeResult>> {
  try {
    const info = await withMediaInfo((mi) =>
      mi.analyzeData(source.size, (chunkSize, offset) => source.read(offset, chunkSize)),
    );
    return readVideoTrack(info);
  } catch {
    return {};
  }
}

function readVideoTrack(info: MediaInfoResult): Partial<ProbeResult> {
  const tracks = info.media?.track ?? [];
  const general = tracks.find((t) => isTrackType(t, "General"));
  const video = tracks.find((t) => isTrackType(t, "Video"));
  if (!video) return {};
  const rotation = numberOf(video.Rotation) ?? 0;
  const width = numberOf(video.Width);
  const height = numberOf(video.Height);
  // Phones store portrait video as landscape frames turned 90°; TikTok sees the turned picture.
  const turned = Math.abs(rotation) % 180 === 90;
  return {
    width: turned ? height : width,
    height: turned ? width : height,
    durationSec: numberOf(video.Duration) ?? numberOf(general?.Duration),
    frameRate: numberOf(video.FrameRate) ?? numberOf(general?.FrameRate),
    container: typeof general?.Format === "string" ? general.Format : null,
  };
}

function numberOf(value: unknown): number | null {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : null;
}
