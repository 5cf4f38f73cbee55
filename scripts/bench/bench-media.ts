import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { WorkspaceCtx } from "@/lib/data/context";
import { completeUpload, createUploadRecord } from "@/lib/data/media-uploads";
import { getMediaStorage } from "@/lib/media/server/storage";

/**
 * One finished, valid 720×1280 video in the workspace's library (the e2e fixture's bytes in the
 * media storage the environment names), as an upload and its probe would leave it.
 */
export async function seedBenchVideo(ctx: WorkspaceCtx): Promise<string> {
  const bytes = await readFile(path.resolve("e2e/fixtures/media/video-valid-720x1280.mp4"));
  const mediaId = randomUUID();
  await createUploadRecord(ctx, {
    id: mediaId,
    name: "bench.mp4",
    declaredType: "video/mp4",
    kind: "video",
    size: bytes.length,
  });
  await (await getMediaStorage()).put(mediaId, bytes, "video/mp4");
  await completeUpload(ctx.db, mediaId, {
    kind: "video",
    mime: "video/mp4",
    container: "mp4",
    durationSec: 5,
    width: 720,
    height: 1280,
    frameRate: 30,
    size: bytes.length,
    rejectReason: null,
  });
  return mediaId;
}
