import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { WorkspaceCtx } from "@/lib/data/context";
import { completeUpload, createUploadRecord } from "@/lib/data/media-uploads";
import { signedMediaUrl } from "@/lib/media/server/signed-url";
import { getMediaStorage } from "@/lib/media/server/storage";
import { createPostproxyClient } from "@/lib/postproxy";

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

/**
 * The baseline both submit benches measure against: the same video post created straight on
 * Postproxy (the sandbox), one call, no Postdeck in between.
 */
export function directCreate(sandbox: { url: string; apiKey: string }, mediaId: string) {
  const client = createPostproxyClient({ baseUrl: sandbox.url, apiKey: sandbox.apiKey });
  const mediaUrl = signedMediaUrl(mediaId)!;
  return (i: string) =>
    client.posts.create(
      {
        body: `direct ${i}`,
        profiles: ["prof_acme_tiktok"],
        media: [mediaUrl],
        platforms: {
          tiktok: {
            format: "video",
            privacy_status: "SELF_ONLY",
            disable_comment: true,
            brand_organic_toggle: false,
            brand_content_toggle: false,
            disable_duet: true,
            disable_stitch: true,
            made_with_ai: false,
          },
        },
      },
      { idempotencyKey: `bench-direct-${randomUUID()}` },
    );
}
