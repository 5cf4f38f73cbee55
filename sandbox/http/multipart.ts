import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import { TIKTOK_LIMITS } from "../tiktok/limits";
import { badRequest } from "./errors";

export interface UploadedFile {
  path: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  /** More bytes arrived than any TikTok media may have; the rest was discarded. */
  truncated: boolean;
  claimed: boolean;
}

export type FormEntry = { name: string; value: string } | { name: string; file: UploadedFile };

export interface ParsedForm {
  entries: FormEntry[];
  files: UploadedFile[];
}

const LIMITS = {
  fileSize: TIKTOK_LIMITS.videoMaxBytes,
  files: 100,
  fields: 1000,
  fieldSize: 1024 * 1024,
  parts: 1200,
};

/** Streams every file part straight to disk (hashing on the way), so size never hits memory. */
export function parseMultipart(
  incoming: IncomingMessage,
  newPath: () => string,
): Promise<ParsedForm> {
  const entries: FormEntry[] = [];
  const files: UploadedFile[] = [];
  const writes: Promise<void>[] = [];
  let writeFailed = false;

  return new Promise<ParsedForm>((resolve, reject) => {
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      incoming.unpipe();
      incoming.resume();
      void removeFiles(files).finally(() => reject(error));
    };

    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: incoming.headers, limits: LIMITS });
    } catch {
      reject(badRequest("Malformed multipart body"));
      return;
    }

    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) fail(badRequest(`Field ${name} is too long`));
      else entries.push({ name, value });
    });
    parser.on("file", (name, stream, info) => {
      const upload: UploadedFile = {
        path: newPath(),
        fileName: info.filename ?? "upload",
        mimeType: info.mimeType,
        size: 0,
        sha256: "",
        truncated: false,
        claimed: false,
      };
      files.push(upload);
      entries.push({ name, file: upload });
      const hash = createHash("sha256");
      const meter = new Transform({
        transform(chunk: Buffer, _enc, callback) {
          upload.size += chunk.length;
          hash.update(chunk);
          callback(null, chunk);
        },
      });
      stream.on("limit", () => {
        upload.truncated = true;
      });
      writes.push(
        pipeline(stream, meter, createWriteStream(upload.path)).then(
          () => {
            upload.sha256 = hash.digest("hex");
          },
          () => {
            writeFailed = true;
          },
        ),
      );
    });
    parser.on("filesLimit", () => fail(badRequest("Too many files")));
    parser.on("fieldsLimit", () => fail(badRequest("Too many fields")));
    parser.on("partsLimit", () => fail(badRequest("Too many parts")));
    parser.on("error", () => fail(badRequest("Malformed multipart body")));
    parser.on("close", () => {
      void Promise.all(writes).then(() => {
        if (writeFailed) fail(badRequest("Upload was interrupted"));
        else if (!failed) resolve({ entries, files });
      });
    });
    incoming.on("aborted", () => fail(badRequest("Upload was interrupted")));
    incoming.on("error", () => fail(badRequest("Upload was interrupted")));
    incoming.pipe(parser);
  });
}

export async function removeFiles(files: UploadedFile[]): Promise<void> {
  await Promise.all(files.filter((f) => !f.claimed).map((f) => rm(f.path, { force: true })));
}
