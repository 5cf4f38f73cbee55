import "server-only";
import { Readable } from "node:stream";
import type { MediaItem } from "@/lib/data/media";
import { thumbnailKey, type MediaStorage } from "./storage";

export type ParsedRange = { start: number; end: number } | "unsatisfiable" | null;

/** One `bytes=` range (the form browsers send when scrubbing video); several ranges → whole file. */
export function parseRange(header: string | null, size: number): ParsedRange {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return null;
  let start: number;
  let end: number;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    if (suffix === 0) return "unsatisfiable";
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return "unsatisfiable";
  return { start, end };
}

const baseHeaders = {
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "private, max-age=3600",
  "Accept-Ranges": "bytes",
};

function toWeb(stream: Readable): ReadableStream<Uint8Array> {
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
}

/** How long a browser's presigned link lasts: signed at the start of the hour, for two hours. */
const browserLinkHours = 2;

/**
 * For a member's browser, a file in S3 is a redirect to a presigned link to the bucket: the bytes
 * (and range requests while scrubbing) never pass through an app server. The link is signed at the
 * start of the current hour, so it stays the same for an hour and the browser's cache works; it
 * lasts at least an hour after it is handed out. Null when the store cannot presign.
 */
export function bucketRedirect(media: MediaItem, storage: MediaStorage, now = Date.now()) {
  if (media.status !== "ready") return null;
  const hour = 3600_000;
  const url = storage.presignedUrl(media.id, {
    signedAt: new Date(Math.floor(now / hour) * hour),
    expiresIn: browserLinkHours * 3600,
    responseHeaders: {
      "response-content-type": media.mime ?? "application/octet-stream",
      "response-content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(media.name)}`,
    },
  });
  if (!url) return null;
  return new Response(null, {
    status: 302,
    headers: { Location: url, "Cache-Control": "private, max-age=600" },
  });
}

export async function mediaResponse(
  req: Request,
  media: MediaItem,
  storage: MediaStorage,
): Promise<Response> {
  const size = await storage.size(media.id);
  if (media.status !== "ready" || size === null) return new Response("Not found", { status: 404 });
  const headers = new Headers({
    ...baseHeaders,
    "Content-Type": media.mime ?? "application/octet-stream",
    "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(media.name)}`,
  });
  const range = parseRange(req.headers.get("range"), size);
  if (range === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${size}`);
    return new Response(null, { status: 416, headers });
  }
  if (range) {
    headers.set("Content-Range", `bytes ${range.start}-${range.end}/${size}`);
    headers.set("Content-Length", String(range.end - range.start + 1));
    const body = req.method === "HEAD" ? null : toWeb(await storage.read(media.id, range));
    return new Response(body, { status: 206, headers });
  }
  headers.set("Content-Length", String(size));
  const body = req.method === "HEAD" ? null : toWeb(await storage.read(media.id));
  return new Response(body, { status: 200, headers });
}

export async function thumbnailResponse(media: MediaItem, storage: MediaStorage) {
  const key = thumbnailKey(media.id);
  const size = media.hasThumbnail ? await storage.size(key) : null;
  if (size === null) return new Response("No thumbnail", { status: 404 });
  return new Response(toWeb(await storage.read(key)), {
    headers: {
      ...baseHeaders,
      "Content-Type": "image/jpeg",
      "Content-Length": String(size),
      "Cache-Control": "private, no-cache",
    },
  });
}
