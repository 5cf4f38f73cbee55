import type { SandboxContext } from "../core/context";
import { newId } from "../core/ids";
import { formatBytes } from "../media/download";
import type {
  MediaRecord,
  PlatformPostRecord,
  PostRecord,
  ProfileRecord,
  ThreadChildRecord,
} from "../store/types";
import { TIKTOK_LIMITS } from "../tiktok/limits";
import type { MediaSource } from "./input";

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  mp4: "video/mp4",
  mov: "video/quicktime",
  avi: "video/x-msvideo",
  webm: "video/webm",
};

/** Until the bytes are probed, content_type is a guess from the name, like a CDN would make. */
function guessMime(name: string): string {
  const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  return MIME_BY_EXTENSION[ext] ?? "application/octet-stream";
}

export async function buildMedia(
  ctx: SandboxContext,
  sources: MediaSource[],
): Promise<MediaRecord[]> {
  const records: MediaRecord[] = [];
  for (const source of sources) {
    const record: MediaRecord = {
      id: newId("med_"),
      status: "pending",
      errorMessage: null,
      contentType: "application/octet-stream",
      sourceUrl: null,
      fileName: null,
      asset: null,
      probe: null,
      ingestError: null,
    };
    if (source.kind === "url") {
      record.sourceUrl = source.url;
      record.contentType = guessMime(new URL(source.url).pathname);
    } else {
      const { file } = source;
      record.contentType =
        file.mimeType && file.mimeType !== "application/octet-stream"
          ? file.mimeType
          : guessMime(file.fileName);
      if (file.truncated) {
        record.ingestError = `File is larger than the maximum of ${formatBytes(TIKTOK_LIMITS.videoMaxBytes)}`;
      } else {
        record.fileName = await ctx.storage.claim(file.path, record.id);
        file.claimed = true;
      }
    }
    records.push(record);
  }
  return records;
}

export function buildPlatformPost(
  profile: Pick<ProfileRecord, "id" | "platform">,
): PlatformPostRecord {
  return {
    id: newId("ppost_"),
    profileId: profile.id,
    platform: profile.platform,
    status: "pending",
    error: null,
    errorDetails: null,
    attemptedAt: null,
    publishedAt: null,
    publicId: null,
    publicIdAt: null,
    attempts: 0,
  };
}

export async function buildThread(
  ctx: SandboxContext,
  thread: Array<{ body: string; media?: MediaSource[] }>,
): Promise<ThreadChildRecord[]> {
  const children: ThreadChildRecord[] = [];
  for (const child of thread) {
    children.push({
      id: newId("thr_"),
      body: child.body,
      media: await buildMedia(ctx, child.media ?? []),
    });
  }
  return children;
}

export interface NewPost {
  groupId: string;
  body: string;
  draft: boolean;
  scheduledAt: number | null;
  profiles: ProfileRecord[];
  media: MediaSource[];
  platforms: Record<string, Record<string, unknown>>;
  thread: Array<{ body: string; media?: MediaSource[] }>;
  queuePriority: string | null;
}

export async function buildPost(ctx: SandboxContext, input: NewPost): Promise<PostRecord> {
  const now = ctx.clock.now();
  return {
    id: newId("post_"),
    groupId: input.groupId,
    body: input.body,
    status: input.draft ? "draft" : "pending",
    draft: input.draft,
    scheduledAt: input.scheduledAt,
    createdAt: now,
    updatedAt: now,
    queueId: null,
    queuePriority: input.queuePriority,
    profileIds: input.profiles.map((p) => p.id),
    media: await buildMedia(ctx, input.media),
    platformParams: input.platforms,
    thread: await buildThread(ctx, input.thread),
    platformPosts: input.profiles.map(buildPlatformPost),
  };
}
