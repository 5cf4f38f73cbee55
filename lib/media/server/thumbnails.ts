import "server-only";
import { spawn } from "node:child_process";
import sharp from "sharp";

export const thumbnailWidth = 480;
/** A browser-made poster frame is small; anything larger is refused before it is decoded. */
export const posterMaxBytes = 2 * 1024 * 1024;

/** Any image sharp reads (JPEG, PNG, WebP, GIF's first frame) → a small JPEG, EXIF dropped. */
export async function makeThumbnail(image: Buffer): Promise<Buffer> {
  return sharp(image, { limitInputPixels: 100_000_000 })
    .rotate()
    .resize({
      width: thumbnailWidth,
      height: thumbnailWidth * 2,
      fit: "inside",
      withoutEnlargement: true,
    })
    .jpeg({ quality: 72, mozjpeg: true })
    .toBuffer();
}

/** PNG or WebP → JPEG at full size, for TikTok's photo posts (transparency on white). */
export async function convertToJpeg(
  image: Buffer,
): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(image, { limitInputPixels: 100_000_000 })
    .rotate()
    .flatten({ background: "#ffffff" })
    .jpeg({ quality: 90, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** A poster frame taken by ffmpeg when the browser could not decode the video (HEVC, for one). */
export function ffmpegPoster(ffmpegPath: string, videoPath: string): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const child = spawn(
      ffmpegPath,
      [
        "-v",
        "error",
        "-ss",
        "0.5",
        "-i",
        videoPath,
        "-frames:v",
        "1",
        "-f",
        "image2",
        "-c:v",
        "png",
        "pipe:1",
      ],
      { stdio: ["ignore", "pipe", "ignore"] },
    );
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.stdout.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > 64 * 1024 * 1024) child.kill("SIGKILL");
      else chunks.push(chunk);
    });
    child.on("error", () => {
      clearTimeout(timer);
      resolve(null);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve(code === 0 && size > 0 ? Buffer.concat(chunks) : null);
    });
  });
}
