import { open, stat } from "node:fs/promises";
import { fileTypeFromFile } from "file-type";
import { imageSizeFromFile } from "image-size/fromFile";
import mediaInfoFactory, { isTrackType } from "mediainfo.js";
import type { MediaInfo as MediaInfoInstance, MediaInfoResult } from "mediainfo.js";
import type { MediaProbe } from "../store/types";

type MediaInfo = MediaInfoInstance<"object">;

let mediaInfo: Promise<MediaInfo> | null = null;
let queue: Promise<unknown> = Promise.resolve();

/** One WASM instance for the process; it is not re-entrant, so analyses are queued. */
function withMediaInfo<T>(task: (mi: MediaInfo) => Promise<T>): Promise<T> {
  mediaInfo ??= mediaInfoFactory<"object">({ format: "object" });
  const run = queue.then(async () => task(await (mediaInfo as Promise<MediaInfo>)));
  queue = run.catch(() => {});
  return run;
}

/** Reads type from the bytes and, for video, duration/size/frame rate without loading the file. */
export async function probeFile(filePath: string): Promise<MediaProbe> {
  const { size } = await stat(filePath);
  const type = await fileTypeFromFile(filePath);
  const probe: MediaProbe = {
    mime: type?.mime ?? null,
    size,
    width: null,
    height: null,
    durationSec: null,
    frameRate: null,
    container: type?.ext ?? null,
  };
  if (!type) return probe;
  if (type.mime.startsWith("image/")) {
    try {
      const dims = await imageSizeFromFile(filePath);
      probe.width = dims.width ?? null;
      probe.height = dims.height ?? null;
    } catch {
      // Unreadable dimensions are not a TikTok rule; the type check still applies.
    }
  } else if (type.mime.startsWith("video/")) {
    Object.assign(probe, await probeVideo(filePath, size));
  }
  return probe;
}

async function probeVideo(filePath: string, size: number): Promise<Partial<MediaProbe>> {
  const handle = await open(filePath, "r");
  try {
    const result = await withMediaInfo((mi) =>
      mi.analyzeData(size, async (chunkSize, offset) => {
        const buffer = Buffer.alloc(chunkSize);
        const { bytesRead } = await handle.read(buffer, 0, chunkSize, offset);
        return buffer.subarray(0, bytesRead);
      }),
    );
    return readVideoTrack(result);
  } catch {
    return {};
  } finally {
    await handle.close();
  }
}

function readVideoTrack(result: MediaInfoResult): Partial<MediaProbe> {
  const tracks = result.media?.track ?? [];
  const general = tracks.find((t) => isTrackType(t, "General"));
  const video = tracks.find((t) => isTrackType(t, "Video"));
  if (!video) return {};
  const duration = numberOf(video.Duration) ?? numberOf(general?.Duration);
  return {
    width: numberOf(video.Width),
    height: numberOf(video.Height),
    durationSec: duration,
    frameRate: numberOf(video.FrameRate) ?? numberOf(general?.FrameRate),
    container: typeof general?.Format === "string" ? general.Format : null,
  };
}

function numberOf(value: unknown): number | null {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : null;
}
