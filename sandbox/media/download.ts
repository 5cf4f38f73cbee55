import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

export class DownloadError extends Error {}

const HEADERS_TIMEOUT_MS = 15_000;
const TOTAL_TIMEOUT_MS = 15 * 60_000;

/**
 * Streams a media URL to disk like Postproxy's fetcher would: the bytes are never held in
 * memory, and anything larger than `maxBytes` is refused (by Content-Length when the server
 * sends one, otherwise as soon as the stream passes the limit).
 */
export async function downloadToFile(
  url: string,
  target: string,
  maxBytes: number,
  signal: AbortSignal,
): Promise<void> {
  const headersTimeout = AbortSignal.timeout(HEADERS_TIMEOUT_MS);
  const controller = new AbortController();
  const abort = () => controller.abort();
  signal.addEventListener("abort", abort, { once: true });
  headersTimeout.addEventListener("abort", abort, { once: true });
  const totalTimer = setTimeout(abort, TOTAL_TIMEOUT_MS);
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: controller.signal, redirect: "follow" });
    } catch {
      throw new DownloadError(`Could not download media from ${url}`);
    }
    headersTimeout.removeEventListener("abort", abort);
    if (!response.ok || !response.body) {
      throw new DownloadError(`Could not download media from ${url} (HTTP ${response.status})`);
    }
    const declared = Number(response.headers.get("content-length") ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      controller.abort();
      throw new DownloadError(tooLarge(maxBytes));
    }
    let received = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        if (received > maxBytes) callback(new DownloadError(tooLarge(maxBytes)));
        else callback(null, chunk);
      },
    });
    const body = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
    try {
      await pipeline(body, counter, createWriteStream(target));
    } catch (error) {
      await rm(target, { force: true });
      if (error instanceof DownloadError) throw error;
      throw new DownloadError(`Download of ${url} was interrupted`);
    }
  } finally {
    clearTimeout(totalTimer);
    signal.removeEventListener("abort", abort);
    headersTimeout.removeEventListener("abort", abort);
  }
}

function tooLarge(maxBytes: number): string {
  return `File is larger than the maximum of ${formatBytes(maxBytes)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(2)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
