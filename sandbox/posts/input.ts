import { z } from "zod";
import type { ParsedBody } from "../http/app-env";
import { isFile, nestFormEntries, type FormTree } from "../http/bracket-fields";
import { badRequest, unprocessable } from "../http/errors";
import type { UploadedFile } from "../http/multipart";

export type MediaSource = { kind: "url"; url: string } | { kind: "file"; file: UploadedFile };

export interface PostInput {
  post?: { body?: string; scheduled_at?: string | null; draft?: boolean };
  profiles?: string[];
  media?: MediaSource[];
  platforms?: Record<string, Record<string, unknown>>;
  thread?: Array<{ body: string; media?: MediaSource[] }>;
  queue_id?: string | null;
  queue_priority?: string | null;
}

const uploadSchema = z.custom<UploadedFile>(isFile, {
  message: "must be a URL or an uploaded file",
});
const mediaList = z.array(z.union([z.string(), uploadSchema]));

const inputSchema = z.object({
  post: z
    .object({
      body: z.string().optional(),
      scheduled_at: z.string().nullable().optional(),
      draft: z.boolean().optional(),
    })
    .optional(),
  profiles: z.array(z.string()).optional(),
  media: mediaList.optional(),
  platforms: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  thread: z.array(z.object({ body: z.string(), media: mediaList.optional() })).optional(),
  queue_id: z.string().nullable().optional(),
  queue_priority: z.string().nullable().optional(),
});

/** One shape for JSON and multipart bodies; type errors are 422 with every problem listed. */
export function parsePostInput(body: ParsedBody): PostInput {
  if (body.kind === "empty") return {};
  const raw = body.kind === "json" ? body.value : fromForm(nestFormEntries(body.form.entries));
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw badRequest("Request body must be a JSON object");
  }
  if (body.kind === "json") rejectFiles(raw);
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) {
    throw unprocessable(
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`),
    );
  }
  const { media, thread, ...rest } = parsed.data;
  return {
    ...rest,
    media: media?.map(toSource),
    thread: thread?.map((child) => ({ body: child.body, media: child.media?.map(toSource) })),
  };
}

function toSource(item: string | UploadedFile): MediaSource {
  return typeof item === "string" ? { kind: "url", url: item } : { kind: "file", file: item };
}

/** JSON can only carry URLs; an object that merely looks like an upload must not pass. */
function rejectFiles(raw: object): void {
  const record = raw as Record<string, unknown>;
  const children = Array.isArray(record.thread) ? record.thread : [];
  const lists = [record.media, ...children.map((c) => (isObject(c) ? c.media : undefined))];
  if (lists.some((list) => Array.isArray(list) && list.some((item) => typeof item !== "string"))) {
    throw unprocessable(["media: every item must be a URL string"]);
  }
}

/** Multipart values are strings: coerce the ones whose type the API defines. */
function fromForm(tree: FormTree): Record<string, unknown> {
  const out: Record<string, unknown> = { ...tree };
  const post = tree.post;
  if (isObject(post)) {
    out.post = {
      ...post,
      draft: typeof post.draft === "string" ? toBoolean(post.draft) : post.draft,
      scheduled_at: post.scheduled_at === "" ? null : post.scheduled_at,
    };
  }
  // MCP sends platforms/thread as JSON-string fields; the SDK sends bracket fields.
  out.platforms =
    typeof tree.platforms === "string"
      ? parseJsonField(tree.platforms, "platforms")
      : coercePlatforms(tree.platforms);
  out.thread =
    typeof tree.thread === "string"
      ? parseJsonField(tree.thread, "thread")
      : indexedList(tree.thread);
  if (out.platforms === undefined) delete out.platforms;
  if (out.thread === undefined) delete out.thread;
  return out;
}

function coercePlatforms(value: unknown): unknown {
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [network, params] of Object.entries(value)) {
    if (!isObject(params)) {
      out[network] = params;
      continue;
    }
    out[network] = Object.fromEntries(
      Object.entries(params).map(([key, v]) => [key, coerceParam(key, v)]),
    );
  }
  return out;
}

const NUMERIC_PARAMS = new Set(["photo_cover_index", "thumb_offset", "poll_duration_minutes"]);

function coerceParam(key: string, value: unknown): unknown {
  if (isFile(value)) return value.fileName;
  if (Array.isArray(value)) return value.map((v) => (isFile(v) ? v.fileName : v));
  if (value === "true" || value === "false") return value === "true";
  if (typeof value === "string" && NUMERIC_PARAMS.has(key) && /^-?\d+$/.test(value)) {
    return Number(value);
  }
  return value;
}

function indexedList(value: unknown): unknown {
  if (!isObject(value)) return value;
  return Object.keys(value)
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => value[k]);
}

function parseJsonField(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest(`${name} must be valid JSON`);
  }
}

function toBoolean(value: string): boolean | string {
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0" || value === "") return false;
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isFile(value);
}
