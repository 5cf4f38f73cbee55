import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/**
 * A small S3-compatible server for tests, on local disk: the operations @tus/s3-store and the
 * media store use (objects with ranges and metadata, multipart uploads with ListParts and Abort,
 * batch delete), path-style addressing, bodies in the AWS SDK v3's `aws-chunked` encoding, and
 * presigned GETs that stop working when they expire. It does not check signatures: a request must
 * carry one (header or query), which is all a test of "unsigned is refused" needs. `s3rver`, the
 * usual in-Node choice, has no ListParts or AbortMultipartUpload (tus needs both), and the
 * emulators that have them need Node ≥ 22.
 */
export type S3TestServer = {
  url: string;
  port: number;
  bucket: string;
  directory: string;
  config: {
    bucket: string;
    region: string;
    endpoint: string;
    accessKeyId: string;
    secretAccessKey: string;
    forcePathStyle: true;
  };
  /** Object keys in the bucket (not unfinished multipart parts). */
  keys(): Promise<string[]>;
  /** Every request so far: method, object key and Range header (for "read by ranges" checks). */
  requests: { method: string; key: string; query: string; range: string | null }[];
  close(): Promise<void>;
};

type Meta = { contentType: string; metadata: Record<string, string>; etag: string };

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function sendXml(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { "Content-Type": "application/xml" });
  res.end(xml(body));
}

function sendError(res: ServerResponse, status: number, code: string, message: string) {
  if (res.headersSent) return res.destroy();
  sendXml(res, status, `<Error><Code>${code}</Code><Message>${esc(message)}</Message></Error>`);
}

/** Decodes `aws-chunked` bodies (`<hex size>[;chunk-signature=…]\r\n<data>\r\n … 0\r\n<trailers>`). */
function awsChunkedDecoder(): Transform {
  let buffer = Buffer.alloc(0);
  let remaining = 0; // data bytes left in the current chunk
  let skipCrlf = 0;
  let done = false;
  return new Transform({
    transform(chunk: Buffer, _enc, callback) {
      buffer = Buffer.concat([buffer, chunk]);
      while (buffer.length > 0 && !done) {
        if (skipCrlf > 0) {
          const n = Math.min(skipCrlf, buffer.length);
          buffer = buffer.subarray(n);
          skipCrlf -= n;
          continue;
        }
        if (remaining > 0) {
          const n = Math.min(remaining, buffer.length);
          this.push(buffer.subarray(0, n));
          buffer = buffer.subarray(n);
          remaining -= n;
          if (remaining === 0) skipCrlf = 2;
          continue;
        }
        const eol = buffer.indexOf("\r\n");
        if (eol < 0) break;
        const size = parseInt(buffer.subarray(0, eol).toString("latin1").split(";")[0], 16);
        buffer = buffer.subarray(eol + 2);
        if (!Number.isFinite(size)) return callback(new Error("Bad aws-chunked body"));
        if (size === 0) done = true;
        remaining = size;
      }
      callback();
    },
  });
}

function isAwsChunked(req: IncomingMessage) {
  return (
    /aws-chunked/.test(String(req.headers["content-encoding"] ?? "")) ||
    /^STREAMING-/.test(String(req.headers["x-amz-content-sha256"] ?? ""))
  );
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const source: Readable = isAwsChunked(req) ? req.pipe(awsChunkedDecoder()) : req;
  for await (const chunk of source) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Streams the request body to `file`, returning its MD5 (the ETag S3 gives a plain object). */
async function writeBody(req: IncomingMessage, file: string): Promise<string> {
  const hash = createHash("md5");
  const tmp = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  const hasher = new Transform({
    transform(chunk: Buffer, _enc, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  if (isAwsChunked(req)) await pipeline(req, awsChunkedDecoder(), hasher, createWriteStream(tmp));
  else await pipeline(req, hasher, createWriteStream(tmp));
  await rename(tmp, file);
  return `"${hash.digest("hex")}"`;
}

function parseRange(header: string | undefined, size: number) {
  const m = header && /^bytes=(\d*)-(\d*)$/.exec(header);
  if (!m) return null;
  if (m[1] === "") return { start: Math.max(0, size - Number(m[2])), end: size - 1 };
  const start = Number(m[1]);
  const end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  return start > end || start >= size ? ("unsatisfiable" as const) : { start, end };
}

export async function startS3TestServer(options: { port?: number; bucket?: string } = {}) {
  const bucket = options.bucket ?? "postdeck-media";
  const directory = await mkdtemp(path.join(tmpdir(), "postdeck-s3-"));
  const objects = path.join(directory, "objects");
  const uploads = path.join(directory, "uploads");
  await mkdir(objects, { recursive: true });
  await mkdir(uploads, { recursive: true });
  // Keys are stored by their hash: any key (slashes, dots) maps to one safe file name.
  const fileOf = (key: string) =>
    path.join(objects, createHash("sha256").update(key).digest("hex"));
  const uploadDir = (id: string) => {
    if (!/^[0-9a-f]{32}$/.test(id)) throw Object.assign(new Error("NoSuchUpload"), { s3: 404 });
    return path.join(uploads, id);
  };
  const readMeta = async (file: string): Promise<(Meta & { key: string }) | null> => {
    try {
      return JSON.parse(await readFile(`${file}.meta`, "utf8"));
    } catch {
      return null;
    }
  };
  const metaFrom = (req: IncomingMessage) => {
    const metadata: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers))
      if (name.startsWith("x-amz-meta-")) metadata[name.slice(11)] = String(value);
    return {
      contentType: String(req.headers["content-type"] ?? "application/octet-stream"),
      metadata,
    };
  };
  const listKeys = async () => {
    const { readdir } = await import("node:fs/promises");
    const names = (await readdir(objects)).filter((n) => n.endsWith(".meta"));
    const keys: string[] = [];
    for (const n of names) {
      const meta = await readMeta(path.join(objects, n.slice(0, -5)));
      if (meta) keys.push(meta.key);
    }
    return keys.sort();
  };

  const requests: S3TestServer["requests"] = [];
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://s3.test");
    const q = url.searchParams;
    const [, bucketName, ...rest] = url.pathname.split("/");
    const key = decodeURIComponent(rest.join("/"));
    requests.push({
      method: req.method ?? "",
      key,
      query: url.search,
      range: req.headers.range ?? null,
    });
    const signed = q.has("X-Amz-Signature") || typeof req.headers.authorization === "string";
    if (!signed) return sendError(res, 403, "AccessDenied", "Anonymous access is not allowed");
    if (q.has("X-Amz-Signature")) {
      const date = q.get("X-Amz-Date") ?? "";
      const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(date);
      const signedAt = m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : NaN;
      const expires = Number(q.get("X-Amz-Expires"));
      if (!Number.isFinite(signedAt) || !(expires > 0) || signedAt + expires * 1000 < Date.now())
        return sendError(res, 403, "AccessDenied", "Request has expired");
    }
    if (decodeURIComponent(bucketName ?? "") !== bucket)
      return sendError(res, 404, "NoSuchBucket", "The specified bucket does not exist");

    // Bucket-level: batch delete and the multipart upload listing.
    if (!key) {
      if (req.method === "POST" && q.has("delete")) {
        const body = (await readBody(req)).toString("utf8");
        const keys = [...body.matchAll(/<Key>([\s\S]*?)<\/Key>/g)].map((m) =>
          m[1].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"),
        );
        for (const k of keys) {
          await rm(fileOf(k), { force: true });
          await rm(`${fileOf(k)}.meta`, { force: true });
        }
        const deleted = keys.map((k) => `<Deleted><Key>${esc(k)}</Key></Deleted>`).join("");
        return sendXml(res, 200, `<DeleteResult>${deleted}</DeleteResult>`);
      }
      if (req.method === "GET" && q.has("uploads")) {
        const { readdir } = await import("node:fs/promises");
        const items: string[] = [];
        for (const id of await readdir(uploads)) {
          const info = JSON.parse(await readFile(path.join(uploads, id, "upload.json"), "utf8"));
          items.push(
            `<Upload><Key>${esc(info.key)}</Key><UploadId>${id}</UploadId><Initiated>${info.initiated}</Initiated></Upload>`,
          );
        }
        return sendXml(
          res,
          200,
          `<ListMultipartUploadsResult><Bucket>${bucket}</Bucket><IsTruncated>false</IsTruncated>${items.join("")}</ListMultipartUploadsResult>`,
        );
      }
      if (req.method === "HEAD" || req.method === "GET") {
        // ListObjectsV2 in pages (max-keys, continuation-token: the last key of the page before).
        const after = q.get("continuation-token") ?? q.get("start-after") ?? "";
        const maxKeys = Math.min(Number(q.get("max-keys") ?? 1000) || 1000, 1000);
        const matching = (await listKeys()).filter(
          (k) => k.startsWith(q.get("prefix") ?? "") && k > after,
        );
        const page = matching.slice(0, maxKeys);
        const truncated = matching.length > page.length;
        const items: string[] = [];
        for (const k of page) {
          const info = await stat(fileOf(k));
          items.push(
            `<Contents><Key>${esc(k)}</Key><LastModified>${info.mtime.toISOString()}</LastModified><Size>${info.size}</Size></Contents>`,
          );
        }
        const next = truncated
          ? `<NextContinuationToken>${esc(page[page.length - 1])}</NextContinuationToken>`
          : "";
        return sendXml(
          res,
          200,
          `<ListBucketResult><Name>${bucket}</Name><IsTruncated>${truncated}</IsTruncated><KeyCount>${items.length}</KeyCount>${next}${items.join("")}</ListBucketResult>`,
        );
      }
      return sendError(res, 405, "MethodNotAllowed", "Not supported on a bucket");
    }

    // Multipart uploads.
    if (req.method === "POST" && q.has("uploads")) {
      const id = randomBytes(16).toString("hex");
      await mkdir(uploadDir(id));
      const info = { key, initiated: new Date().toISOString(), ...metaFrom(req) };
      await writeFile(path.join(uploadDir(id), "upload.json"), JSON.stringify(info));
      return sendXml(
        res,
        200,
        `<InitiateMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${esc(key)}</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`,
      );
    }
    const uploadId = q.get("uploadId");
    if (uploadId !== null) {
      const dir = uploadDir(uploadId);
      let info: { key: string; contentType: string; metadata: Record<string, string> };
      try {
        info = JSON.parse(await readFile(path.join(dir, "upload.json"), "utf8"));
      } catch {
        return sendError(res, 404, "NoSuchUpload", "The specified upload does not exist");
      }
      if (req.method === "PUT") {
        const part = Number(q.get("partNumber"));
        if (!Number.isInteger(part) || part < 1 || part > 10000)
          return sendError(res, 400, "InvalidArgument", "Bad part number");
        const etag = await writeBody(req, path.join(dir, `part-${part}`));
        await writeFile(path.join(dir, `part-${part}.etag`), etag);
        res.writeHead(200, { ETag: etag });
        return res.end();
      }
      const parts = async () => {
        const { readdir } = await import("node:fs/promises");
        const numbers = (await readdir(dir))
          .map((n) => /^part-(\d+)$/.exec(n)?.[1])
          .filter((n): n is string => n !== undefined)
          .map(Number)
          .sort((a, b) => a - b);
        return Promise.all(
          numbers.map(async (n) => ({
            n,
            size: (await stat(path.join(dir, `part-${n}`))).size,
            etag: await readFile(path.join(dir, `part-${n}.etag`), "utf8"),
          })),
        );
      };
      if (req.method === "GET") {
        const marker = Number(q.get("part-number-marker") ?? "0");
        const max = Number(q.get("max-parts") ?? "1000");
        const after = (await parts()).filter((p) => p.n > marker);
        const page = after.slice(0, max);
        const truncated = after.length > page.length;
        const body = page
          .map(
            (p) =>
              `<Part><PartNumber>${p.n}</PartNumber><ETag>${esc(p.etag)}</ETag><Size>${p.size}</Size></Part>`,
          )
          .join("");
        return sendXml(
          res,
          200,
          `<ListPartsResult><Bucket>${bucket}</Bucket><Key>${esc(info.key)}</Key><UploadId>${uploadId}</UploadId><IsTruncated>${truncated}</IsTruncated>${truncated ? `<NextPartNumberMarker>${page[page.length - 1].n}</NextPartNumberMarker>` : ""}${body}</ListPartsResult>`,
        );
      }
      if (req.method === "DELETE") {
        await rm(dir, { recursive: true, force: true });
        res.writeHead(204);
        return res.end();
      }
      if (req.method === "POST") {
        const body = (await readBody(req)).toString("utf8");
        const wanted = [...body.matchAll(/<PartNumber>(\d+)<\/PartNumber>/g)].map((m) => +m[1]);
        const have = new Map((await parts()).map((p) => [p.n, p]));
        if (wanted.length === 0 || wanted.some((n) => !have.has(n)))
          return sendError(res, 400, "InvalidPart", "One or more parts could not be found");
        const file = fileOf(key);
        const tmp = `${file}.${randomBytes(4).toString("hex")}.tmp`;
        const files = wanted.map((n) => path.join(dir, `part-${n}`));
        await pipeline(async function* () {
          for (const file of files) yield* createReadStream(file);
        }, createWriteStream(tmp));
        await rename(tmp, file);
        const etag = `"${createHash("md5")
          .update(wanted.map((n) => have.get(n)!.etag).join(""))
          .digest("hex")}-${wanted.length}"`;
        const meta = { key, contentType: info.contentType, metadata: info.metadata, etag };
        await writeFile(`${file}.meta`, JSON.stringify(meta));
        await rm(dir, { recursive: true, force: true });
        return sendXml(
          res,
          200,
          `<CompleteMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${esc(key)}</Key><ETag>${esc(etag)}</ETag></CompleteMultipartUploadResult>`,
        );
      }
      return sendError(res, 405, "MethodNotAllowed", "Not supported on an upload");
    }

    // Plain objects.
    const file = fileOf(key);
    if (req.method === "PUT") {
      if (req.headers["x-amz-copy-source"])
        return sendError(res, 501, "NotImplemented", "Copy is not implemented");
      const etag = await writeBody(req, file);
      await writeFile(`${file}.meta`, JSON.stringify({ key, ...metaFrom(req), etag }));
      res.writeHead(200, { ETag: etag });
      return res.end();
    }
    if (req.method === "DELETE") {
      await rm(file, { force: true });
      await rm(`${file}.meta`, { force: true });
      res.writeHead(204);
      return res.end();
    }
    if (req.method === "GET" || req.method === "HEAD") {
      const meta = await readMeta(file);
      if (!meta) return sendError(res, 404, "NoSuchKey", "The specified key does not exist.");
      const size = (await stat(file)).size;
      const headers: Record<string, string> = {
        "Content-Type": q.get("response-content-type") ?? meta.contentType,
        ETag: meta.etag,
        "Accept-Ranges": "bytes",
        "Last-Modified": new Date().toUTCString(),
      };
      const disposition = q.get("response-content-disposition");
      if (disposition) headers["Content-Disposition"] = disposition;
      const cache = q.get("response-cache-control");
      if (cache) headers["Cache-Control"] = cache;
      for (const [name, value] of Object.entries(meta.metadata))
        headers[`x-amz-meta-${name}`] = value;
      const range = parseRange(req.headers.range, size);
      if (range === "unsatisfiable") {
        res.writeHead(416, { "Content-Range": `bytes */${size}` });
        return res.end();
      }
      const status = range ? 206 : 200;
      const { start, end } = range ?? { start: 0, end: size - 1 };
      if (range) headers["Content-Range"] = `bytes ${start}-${end}/${size}`;
      headers["Content-Length"] = String(size === 0 ? 0 : end - start + 1);
      res.writeHead(status, headers);
      if (req.method === "HEAD" || size === 0) return res.end();
      return pipeline(createReadStream(file, { start, end }), res);
    }
    return sendError(res, 405, "MethodNotAllowed", "Not supported on an object");
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error & { s3?: number }) => {
      if (error.s3 === 404) return sendError(res, 404, "NoSuchUpload", "No such upload");
      sendError(res, 500, "InternalError", error.message);
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const result: S3TestServer = {
    url,
    port,
    bucket,
    directory,
    config: {
      bucket,
      region: "us-east-1",
      endpoint: url,
      accessKeyId: "postdeck-test",
      secretAccessKey: "postdeck-test-secret",
      forcePathStyle: true,
    },
    keys: listKeys,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(directory, { recursive: true, force: true });
    },
  };
  return result;
}
