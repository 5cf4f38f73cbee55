import "server-only";
import { randomUUID } from "node:crypto";
import type { WorkspaceCtx } from "@/lib/data/context";
import { getMedia } from "@/lib/data/media";
import { createConvertedMedia } from "@/lib/data/media-uploads";
import { AppError } from "@/lib/errors";
import { convertibleImageTypes, formatBytes, tiktokMediaLimits } from "@/lib/tiktok";
import { thumbnailKey, type MediaStorage } from "./storage";
import { convertToJpeg, makeThumbnail } from "./thumbnails";

/** PNG/WebP → a new JPEG file in the library; the original is kept until the user deletes it. */
export async function convertMediaToJpeg(
  ctx: WorkspaceCtx,
  storage: MediaStorage,
  mediaId: string,
): Promise<{ id: string; name: string }> {
  const source = await getMedia(ctx, mediaId);
  if (source.status !== "ready" || !source.mime || !(source.mime in convertibleImageTypes))
    throw new AppError("conflict", "Only PNG and WebP photos can be converted to JPEG.");
  const bytes = await storage.readBytes(source.id, 0, source.size);
  const jpeg = await convertToJpeg(bytes);
  if (jpeg.data.length > tiktokMediaLimits.imageMaxBytes)
    throw new AppError(
      "conflict",
      `As a JPEG this photo would be ${formatBytes(jpeg.data.length)}, over TikTok's 20 MB; resize it first.`,
    );
  const id = randomUUID();
  // Whatever the old name's extension said (a PNG named .mp4 too), the new file is a JPEG.
  const name = `${source.name.replace(/\.[^./]+$/, "")}.jpg`;
  await storage.put(id, jpeg.data, "image/jpeg");
  await storage.put(thumbnailKey(id), await makeThumbnail(jpeg.data), "image/jpeg");
  await createConvertedMedia(ctx, {
    id,
    source: { ...source, hasThumbnail: true },
    name,
    size: jpeg.data.length,
    width: jpeg.width,
    height: jpeg.height,
  });
  return { id, name };
}
