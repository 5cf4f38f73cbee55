import "server-only";
import { createReadStream } from "node:fs";
import { mkdir, open, readdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { DataStore } from "@tus/utils";
import { getEnv } from "@/lib/env";
import { presignConfigOf, s3ConfigFrom, type S3Config } from "./s3-config";
import { presignGetObject } from "./s3-presign";

/** Unfinished uploads expire after a day: tus answers 410 and the cleanup removes them. */
export const uploadExpiryMs = 24 * 60 * 60 * 1000;

export type ByteRange = { start: number; end: number };

/**
 * One stored object as the cleanup sees it: the media id it belongs to, the key `remove` takes for
 * it (the id, whose companions go with it, or a thumbnail's key) and when it was last written.
 */
export type StoredObject = { mediaId: string; key: string; modifiedAt: Date };

/** What the store's own names look like: `<id>`, its tus companions, and `thumbs/<id>.jpg`. */
const storedNamePattern = /^(thumbs\/)?([0-9a-f-]{36})(\.jpg|\.json|\.info|\.part)?$/;

/** The object a stored name belongs to, or null for anything the store did not write. */
export function storedObjectOf(name: string, modifiedAt: Date): StoredObject | null {
  const m = storedNamePattern.exec(name);
  if (!m) return null;
  const [, thumbs, mediaId, suffix] = m;
  if (thumbs) return suffix === ".jpg" ? { mediaId, key: thumbnailKey(mediaId), modifiedAt } : null;
  if (suffix === ".jpg") return null;
  return { mediaId, key: mediaId, modifiedAt };
}

/** The media store, on local disk or in an S3 bucket; keys are chosen by the server only. */
export type MediaStorage = {
  kind: "file" | "s3";
  datastore: DataStore;
  size(key: string): Promise<number | null>;
  /** The bytes of a stored object (a range when given), streamed. */
  read(key: string, range?: ByteRange): Promise<Readable>;
  readBytes(key: string, offset: number, length: number): Promise<Buffer>;
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  remove(key: string): Promise<void>;
  /**
   * Every object in the store, in pages (for the cleanup of bytes no media row owns). An id's
   * companions (tus's `.json`, `.info`, `.part`) are listed under the id's own key.
   */
  list(options?: { pageSize?: number }): AsyncIterable<StoredObject[]>;
  /** How many bytes an unfinished upload has received (null when the store has no such upload). */
  uploadOffset(key: string): Promise<number | null>;
  /** A local file path for tools that need one (ffmpeg); null on S3. */
  localPath(key: string): string | null;
  /**
   * A presigned GET straight to the bucket (S3 with static keys), so big files never pass through
   * an app server; null when the store cannot make one (disk, or S3 credentials from the SDK chain).
   */
  presignedUrl(
    key: string,
    options: { signedAt: Date; expiresIn: number; responseHeaders?: Record<string, string> },
  ): string | null;
};

const keyPattern = /^(thumbs\/)?[0-9a-f-]{36}(\.jpg)?$/;

/** Keys come from the server (uuids); anything else is a bug or an attack and is refused. */
export function assertKey(key: string) {
  if (!keyPattern.test(key)) throw new Error("Invalid media storage key");
}

/** How many bytes of an unfinished upload the tus store holds; null when it knows no such upload. */
async function uploadOffsetIn(datastore: DataStore, key: string): Promise<number | null> {
  assertKey(key);
  try {
    return (await datastore.getUpload(key)).offset;
  } catch {
    return null;
  }
}

export const thumbnailKey = (mediaId: string) => `thumbs/${mediaId}.jpg`;

export async function createFileStorage(directory: string): Promise<MediaStorage> {
  const { FileStore } = await import("@tus/file-store");
  const root = path.resolve(/*turbopackIgnore: true*/ directory);
  await mkdir(path.join(root, "thumbs"), { recursive: true });
  const datastore = new FileStore({
    directory: root,
    expirationPeriodInMilliseconds: uploadExpiryMs,
  });
  const resolve = (key: string) => {
    assertKey(key);
    return path.join(root, key);
  };
  return {
    kind: "file",
    datastore,
    async size(key) {
      try {
        return (await stat(resolve(key))).size;
      } catch {
        return null;
      }
    },
    async read(key, range) {
      return createReadStream(resolve(key), range ?? {});
    },
    async readBytes(key, offset, length) {
      const handle = await open(resolve(key), "r");
      try {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buffer, 0, length, offset);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    async put(key, body) {
      await writeFile(resolve(key), body);
    },
    async remove(key) {
      await rm(resolve(key), { force: true });
      if (!key.startsWith("thumbs/")) await rm(`${resolve(key)}.json`, { force: true });
    },
    uploadOffset: (key) => uploadOffsetIn(datastore, key),
    async *list(options = {}) {
      const pageSize = options.pageSize ?? 1000;
      let page: StoredObject[] = [];
      for (const folder of ["", "thumbs/"]) {
        const names = await readdir(path.join(root, folder)).catch(() => [] as string[]);
        for (const name of names) {
          const info = await stat(path.join(root, folder, name)).catch(() => null);
          if (!info?.isFile()) continue;
          const object = storedObjectOf(folder + name, info.mtime);
          if (!object) continue;
          page.push(object);
          if (page.length >= pageSize) {
            yield page;
            page = [];
          }
        }
      }
      if (page.length) yield page;
    },
    localPath: resolve,
    presignedUrl: () => null,
  };
}

// Same MediaStorage methods as createFileStorage on another backend: alike openings stay.
export async function createS3Storage(config: S3Config): Promise<MediaStorage> {
  const { S3Store } = await import("@tus/s3-store");
  const s3 = await import("@aws-sdk/client-s3");
  const clientConfig = {
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials:
      config.accessKeyId && config.secretAccessKey
        ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
        : undefined,
  };
  const client = new s3.S3Client(clientConfig);
  const datastore = new S3Store({
    partSize: 8 * 1024 * 1024,
    expirationPeriodInMilliseconds: uploadExpiryMs,
    s3ClientConfig: { ...clientConfig, bucket: config.bucket },
  });
  const Bucket = config.bucket;
  const presign = presignConfigOf(config);
  const get = async (key: string, range?: ByteRange) => {
    assertKey(key);
    const out = await client.send(
      new s3.GetObjectCommand({
        Bucket,
        Key: key,
        Range: range ? `bytes=${range.start}-${range.end}` : undefined,
      }),
    );
    return out.Body as Readable;
  };
  return {
    kind: "s3",
    datastore,
    async size(key) {
      assertKey(key);
      try {
        const head = await client.send(new s3.HeadObjectCommand({ Bucket, Key: key }));
        return head.ContentLength ?? null;
      } catch {
        return null;
      }
    },
    read: get,
    async readBytes(key, offset, length) {
      if (length <= 0) return Buffer.alloc(0);
      const body = await get(key, { start: offset, end: offset + length - 1 });
      const chunks: Buffer[] = [];
      for await (const chunk of Readable.from(body)) chunks.push(Buffer.from(chunk));
      return Buffer.concat(chunks);
    },
    async put(key, body, contentType) {
      assertKey(key);
      await client.send(
        new s3.PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: contentType }),
      );
    },
    async remove(key) {
      assertKey(key);
      if (key.startsWith("thumbs/")) {
        await client.send(new s3.DeleteObjectCommand({ Bucket, Key: key }));
        return;
      }
      // An unfinished upload: the tus store aborts its multipart upload (it throws for a finished
      // one, whose upload id S3 no longer knows). Then the object and tus's companions go.
      await datastore.remove(key).catch(() => {});
      await client.send(
        new s3.DeleteObjectsCommand({
          Bucket,
          Delete: { Objects: [key, `${key}.info`, `${key}.part`].map((Key) => ({ Key })) },
        }),
      );
    },
    uploadOffset: (key) => uploadOffsetIn(datastore, key),
    async *list(options = {}) {
      let token: string | undefined;
      do {
        const out = await client.send(
          new s3.ListObjectsV2Command({
            Bucket,
            MaxKeys: options.pageSize ?? 1000,
            ContinuationToken: token,
          }),
        );
        const page: StoredObject[] = [];
        for (const item of out.Contents ?? []) {
          const object = item.Key
            ? storedObjectOf(item.Key, item.LastModified ?? new Date(0))
            : null;
          if (object) page.push(object);
        }
        if (page.length) yield page;
        token = out.IsTruncated ? out.NextContinuationToken : undefined;
      } while (token);
    },
    localPath: () => null,
    presignedUrl(key, options) {
      assertKey(key);
      return presign ? presignGetObject(presign, key, options) : null;
    },
  };
}

const globalForMedia = globalThis as unknown as { postdeckMediaStorage?: Promise<MediaStorage> };

/** The configured store: S3 when S3_BUCKET is set, else MEDIA_DIR on local disk. */
export function getMediaStorage(): Promise<MediaStorage> {
  globalForMedia.postdeckMediaStorage ??= (async () => {
    const env = getEnv();
    const s3 = s3ConfigFrom(env);
    return s3 ? createS3Storage(s3) : createFileStorage(env.mediaDir);
  })();
  return globalForMedia.postdeckMediaStorage;
}
