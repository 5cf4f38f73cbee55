import "server-only";
import { bracketFields, type MediaFileRef, type MultipartField } from "./multipart";
import type { TikTokFormat, TikTokPrivacyStatus } from "./schemas";

export interface TikTokParams {
  format?: TikTokFormat;
  privacy_status?: TikTokPrivacyStatus;
  made_with_ai?: boolean;
  disable_comment?: boolean;
  disable_duet?: boolean;
  disable_stitch?: boolean;
  brand_content_toggle?: boolean;
  brand_organic_toggle?: boolean;
  photo_cover_index?: number;
  auto_add_music?: boolean;
}

type ParamValue = string | number | boolean | string[] | number[] | null | undefined;

/** `platforms` as Postproxy takes it: per network, sent as given (snake_case keys). */
export interface PlatformParams {
  tiktok?: TikTokParams;
  [network: string]: Record<string, ParamValue> | TikTokParams | undefined;
}

export type QueuePriority = "high" | "medium" | "low";

interface PostFields<M> {
  /** Caption; TikTok allows an empty one. */
  body: string;
  /** Profile ids or network names ("tiktok"). */
  profiles: string[];
  /** In order: TikTok's photo_cover_index counts into this list. */
  media?: M[];
  scheduledAt?: string | Date;
  draft?: boolean;
  platforms?: PlatformParams;
  thread?: { body: string; media?: M[] }[];
  queueId?: string;
  queuePriority?: QueuePriority;
}

/** Media by public URL (Postproxy downloads them). */
export type CreatePostInput = PostFields<string>;
/** Media as local files and/or URLs, sent as one streamed multipart request. */
export type CreateMultipartPostInput = PostFields<string | MediaFileRef>;
/** PATCH: everything optional; profiles, media and thread replace, platforms merge per network. */
export type UpdatePostInput = Partial<CreatePostInput>;

const toIso = (value: string | Date | undefined) =>
  value instanceof Date ? value.toISOString() : value;

function withoutUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function toPostJson(input: UpdatePostInput): Record<string, unknown> {
  const post = withoutUndefined({
    body: input.body,
    scheduled_at: toIso(input.scheduledAt),
    draft: input.draft,
  });
  return withoutUndefined({
    post: Object.keys(post).length > 0 ? post : undefined,
    profiles: input.profiles,
    media: input.media,
    platforms: input.platforms,
    thread: input.thread,
    queue_id: input.queueId,
    queue_priority: input.queuePriority,
  });
}

function mediaFields(name: string, media: (string | MediaFileRef)[] | undefined): MultipartField[] {
  return (media ?? []).map((item) =>
    typeof item === "string" ? { name, value: item } : { name, file: item },
  );
}

/** The bracket field names of Postproxy's multipart create (reference §2.3). */
export function toPostFormFields(input: CreateMultipartPostInput): MultipartField[] {
  return [
    ...bracketFields("post[body]", input.body),
    ...bracketFields("post[scheduled_at]", toIso(input.scheduledAt)),
    ...bracketFields("post[draft]", input.draft),
    ...bracketFields("profiles", input.profiles),
    ...Object.entries(input.platforms ?? {}).flatMap(([network, params]) =>
      bracketFields(`platforms[${network}]`, params),
    ),
    ...(input.thread ?? []).flatMap((child, index) => [
      ...bracketFields(`thread[${index}][body]`, child.body),
      ...mediaFields(`thread[${index}][media][]`, child.media),
    ]),
    ...bracketFields("queue_id", input.queueId),
    ...bracketFields("queue_priority", input.queuePriority),
    ...mediaFields("media[]", input.media),
  ];
}
