import "server-only";
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";

/** A file on local disk to upload; it is streamed, never read whole into memory. */
export interface MediaFileRef {
  path: string;
  filename: string;
  contentType: string;
  /** Checked against the file on disk when given. */
  size?: number;
}

export type MultipartField = { name: string; value: string } | { name: string; file: MediaFileRef };

export interface MultipartBody {
  contentType: string;
  contentLength: number;
  /** A fresh stream per call, so a retried request re-reads the files from the start. */
  /** `onChunk(isLast)` runs per chunk handed to the network; isLast once the body is complete. */
  open(onChunk?: (isLast: boolean) => void): ReadableStream<Uint8Array>;
}

type Part = { kind: "bytes"; bytes: Buffer } | { kind: "file"; path: string; size: number };

const crlf = "\r\n";

/** Quotes a header parameter the way browsers do for form-data (HTML spec). */
function quote(value: string): string {
  return value.replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/"/g, "%22");
}

function partHeader(boundary: string, field: MultipartField): string {
  const disposition = `Content-Disposition: form-data; name="${quote(field.name)}"`;
  if ("value" in field) return `--${boundary}${crlf}${disposition}${crlf}${crlf}`;
  const contentType = field.file.contentType.replace(/[\r\n]/g, "");
  return (
    `--${boundary}${crlf}${disposition}; filename="${quote(field.file.filename)}"${crlf}` +
    `Content-Type: ${contentType}${crlf}${crlf}`
  );
}

async function fileSize(file: MediaFileRef): Promise<number> {
  const info = await stat(file.path);
  if (!info.isFile()) throw new Error(`Not a file: ${file.filename}`);
  if (file.size !== undefined && file.size !== info.size) {
    throw new Error(
      `${file.filename} is ${info.size} bytes on disk, not the declared ${file.size}`,
    );
  }
  return info.size;
}

/** A local file failed while streaming: not a network fault, so the upload is not retried. */
export class MultipartFileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MultipartFileError";
  }
}

async function* readFileExactly(path: string, size: number): AsyncGenerator<Uint8Array> {
  if (size === 0) return;
  const stream = createReadStream(path, { start: 0, end: size - 1, highWaterMark: 256 * 1024 });
  let read = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      read += chunk.length;
      yield chunk;
    }
  } catch (error) {
    throw new MultipartFileError("Could not read a media file while uploading it", {
      cause: error,
    });
  } finally {
    stream.destroy();
  }
  if (read !== size) {
    throw new MultipartFileError(`A media file shrank while uploading (${read} of ${size} bytes)`);
  }
}

async function* emit(parts: Part[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) {
    if (part.kind === "bytes") yield part.bytes;
    else yield* readFileExactly(part.path, part.size);
  }
}

function toStream(parts: Part[], onChunk?: (isLast: boolean) => void): ReadableStream<Uint8Array> {
  const chunks = emit(parts);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) {
          onChunk?.(true);
          controller.close();
        } else {
          onChunk?.(false);
          controller.enqueue(next.value);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Encodes multipart/form-data as a stream with an exact Content-Length: sizes come from stat()
 * before sending, which also makes a missing file fail before any request is made.
 */
export async function createMultipartBody(fields: MultipartField[]): Promise<MultipartBody> {
  const boundary = `----postdeck-${randomBytes(16).toString("hex")}`;
  const parts: Part[] = [];
  for (const field of fields) {
    const header = partHeader(boundary, field);
    if ("value" in field) {
      parts.push({ kind: "bytes", bytes: Buffer.from(header + field.value + crlf) });
      continue;
    }
    parts.push({ kind: "bytes", bytes: Buffer.from(header) });
    parts.push({ kind: "file", path: field.file.path, size: await fileSize(field.file) });
    parts.push({ kind: "bytes", bytes: Buffer.from(crlf) });
  }
  parts.push({ kind: "bytes", bytes: Buffer.from(`--${boundary}--${crlf}`) });
  const contentLength = parts.reduce(
    (sum, part) => sum + (part.kind === "bytes" ? part.bytes.length : part.size),
    0,
  );
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    contentLength,
    open: (onChunk) => toStream(parts, onChunk),
  };
}

/**
 * Flattens a value into bracket-named text fields (Rails style): objects as `name[key]`, arrays as
 * repeated `name[]`, booleans as "true"/"false", numbers as strings, dates as ISO 8601.
 */
export function bracketFields(name: string, value: unknown): MultipartField[] {
  if (value === null || value === undefined) return [];
  if (value instanceof Date) return [{ name, value: value.toISOString() }];
  if (Array.isArray(value)) return value.flatMap((item) => bracketFields(`${name}[]`, item));
  if (typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => bracketFields(`${name}[${key}]`, item));
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return [{ name, value: String(value) }];
  }
  throw new TypeError(`Cannot send ${typeof value} as the form field ${name}`);
}
