import busboy from "busboy";
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, open, rm, writeFile } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createPostproxyClient } from "./client";
import { toAppError, type PostproxyError } from "./errors";
import { bracketFields, createMultipartBody } from "./multipart";
import type { CreateMultipartPostInput } from "./post-input";
import { samplePost, sendJson, startStubServer, type StubServer } from "./test-support/stub-server";

interface ParsedForm {
  fields: [string, string][];
  files: { name: string; filename: string; mimeType: string; sha256: string; size: number }[];
  bytes: number;
}

function parseForm(req: IncomingMessage): Promise<ParsedForm> {
  return new Promise((resolve, reject) => {
    const form: ParsedForm = { fields: [], files: [], bytes: 0 };
    const pending: Promise<void>[] = [];
    req.on("data", (chunk: Buffer) => (form.bytes += chunk.length));
    const parser = busboy({ headers: req.headers, limits: { fileSize: Infinity } });
    parser.on("field", (name, value) => form.fields.push([name, value]));
    parser.on("file", (name, stream, info) => {
      const hash = createHash("sha256");
      let size = 0;
      pending.push(
        new Promise((done) => {
          stream.on("data", (chunk: Buffer) => {
            hash.update(chunk);
            size += chunk.length;
          });
          stream.on("end", () => {
            const { filename, mimeType } = info;
            form.files.push({
              name,
              filename: filename ?? "",
              mimeType,
              sha256: hash.digest("hex"),
              size,
            });
            done();
          });
        }),
      );
    });
    parser.on("close", () => Promise.all(pending).then(() => resolve(form)));
    parser.on("error", reject);
    req.pipe(parser);
  });
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

let dir: string;
let video: { path: string; bytes: Buffer };
let image: { path: string; bytes: Buffer };
let stub: StubServer | undefined;
const forms: ParsedForm[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "postdeck-multipart-"));
  video = { path: path.join(dir, "clip.mp4"), bytes: randomBytes(3 * 1024 * 1024 + 17) };
  image = { path: path.join(dir, "cover.jpg"), bytes: randomBytes(40_000) };
  await writeFile(video.path, video.bytes);
  await writeFile(image.path, image.bytes);
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(async () => {
  await stub?.close();
  stub = undefined;
  forms.length = 0;
});

async function startFormStub(failFirst = false) {
  stub = await startStubServer(async (req, res, index) => {
    forms.push(await parseForm(req));
    if (failFirst && index === 0) sendJson(res, 503, { error: "try later" });
    else sendJson(res, 201, samplePost);
  });
  return createPostproxyClient({
    baseUrl: stub.url,
    apiKey: "k",
    retry: { baseDelayMs: 5, maxDelayMs: 10 },
  });
}

const input = (): CreateMultipartPostInput => ({
  body: 'Sunset 🌅 "quoted"',
  profiles: ["prof_1", "tiktok"],
  scheduledAt: new Date("2030-01-02T03:04:05.000Z"),
  draft: true,
  media: [
    "https://cdn.example/a.jpg",
    { path: image.path, filename: "cover.jpg", contentType: "image/jpeg" },
    {
      path: video.path,
      filename: "my clip.mp4",
      contentType: "video/mp4",
      size: video.bytes.length,
    },
  ],
  platforms: {
    tiktok: { privacy_status: "SELF_ONLY", disable_comment: false, photo_cover_index: 1 },
  },
});

describe("multipart create", () => {
  it("sends the documented bracket fields and intact file bytes", async () => {
    const client = await startFormStub();
    await client.posts.createMultipart(input());
    const [req] = stub!.requests;
    const [form] = forms;
    expect(req.headers["transfer-encoding"]).toBeUndefined();
    expect(Number(req.headers["content-length"])).toBe(form.bytes);
    expect(req.headers["idempotency-key"]).toBeTruthy();
    expect(form.fields).toEqual([
      ["post[body]", 'Sunset 🌅 "quoted"'],
      ["post[scheduled_at]", "2030-01-02T03:04:05.000Z"],
      ["post[draft]", "true"],
      ["profiles[]", "prof_1"],
      ["profiles[]", "tiktok"],
      ["platforms[tiktok][privacy_status]", "SELF_ONLY"],
      ["platforms[tiktok][disable_comment]", "false"],
      ["platforms[tiktok][photo_cover_index]", "1"],
      ["media[]", "https://cdn.example/a.jpg"],
    ]);
    expect(form.files).toEqual([
      expect.objectContaining({
        name: "media[]",
        filename: "cover.jpg",
        mimeType: "image/jpeg",
        sha256: sha256(image.bytes),
      }),
      expect.objectContaining({
        name: "media[]",
        filename: "my clip.mp4",
        mimeType: "video/mp4",
        size: video.bytes.length,
        sha256: sha256(video.bytes),
      }),
    ]);
  });

  it("re-reads the files when the upload is retried", async () => {
    const client = await startFormStub(true);
    await client.posts.createMultipart(input());
    expect(forms).toHaveLength(2);
    expect(forms[1].files.map((f) => f.sha256)).toEqual([sha256(image.bytes), sha256(video.bytes)]);
    const keys = stub!.requests.map((r) => r.headers["idempotency-key"]);
    expect(keys[0]).toBe(keys[1]);
  });

  it("does not upload again a body Postproxy received in full when no answer comes", async () => {
    stub = await startStubServer(async (req) => {
      forms.push(await parseForm(req)); // reads every byte, then never answers
    });
    const client = createPostproxyClient({
      baseUrl: stub.url,
      apiKey: "k",
      timeoutMs: 300,
      retry: { baseDelayMs: 5, maxDelayMs: 10 },
    });
    const error = await client.posts.createMultipart(input()).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "timeout", isBodySent: true });
    expect(toAppError(error as PostproxyError).message).toMatch(/received the upload.*Check Posts/);
    expect(stub.requests).toHaveLength(1);
    expect(forms[0].files.map((f) => f.size)).toEqual([image.bytes.length, video.bytes.length]);
  });

  it("sends again an upload that was cut off before the body was complete", async () => {
    stub = await startStubServer(async (req, res, index) => {
      if (index === 0) {
        req.once("data", () => req.socket.destroy());
        return;
      }
      forms.push(await parseForm(req));
      sendJson(res, 201, samplePost);
    });
    const client = createPostproxyClient({
      baseUrl: stub.url,
      apiKey: "k",
      retry: { baseDelayMs: 5, maxDelayMs: 10 },
    });
    await client.posts.createMultipart(input());
    expect(stub.requests).toHaveLength(2);
    expect(forms[0].files.map((f) => f.sha256)).toEqual([sha256(image.bytes), sha256(video.bytes)]);
  });

  it("fails before any request when a file is missing or its size differs", async () => {
    const client = await startFormStub();
    const missing = {
      path: path.join(dir, "nope.mp4"),
      filename: "nope.mp4",
      contentType: "video/mp4",
    };
    await expect(
      client.posts.createMultipart({ body: "", profiles: ["tiktok"], media: [missing] }),
    ).rejects.toMatchObject({ code: "ENOENT" });
    const wrongSize = { path: video.path, filename: "v.mp4", contentType: "video/mp4", size: 1 };
    await expect(
      client.posts.createMultipart({ body: "", profiles: ["tiktok"], media: [wrongSize] }),
    ).rejects.toThrow(/not the declared 1/);
    expect(stub!.requests).toHaveLength(0);
  });

  it("streams a large file without holding it in memory", async () => {
    const size = 512 * 1024 * 1024;
    const bigPath = path.join(dir, "big.mp4");
    const file = await open(bigPath, "w");
    await file.truncate(size); // sparse: no disk space used, reads as zeros
    await file.close();
    let received = 0;
    stub = await startStubServer((req, res) => {
      req.on("data", (chunk: Buffer) => (received += chunk.length));
      req.on("end", () => sendJson(res, 201, samplePost));
    });
    const client = createPostproxyClient({ baseUrl: stub.url, apiKey: "k" });
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    }, 10);
    const media = [{ path: bigPath, filename: "big.mp4", contentType: "video/mp4" }];
    await client.posts.createMultipart({ body: "", profiles: ["tiktok"], media });
    clearInterval(sampler);
    expect(received).toBeGreaterThan(size);
    expect((peak - before) / 2 ** 20).toBeLessThan(128);
  });
});

describe("multipart encoder", () => {
  it("computes the exact Content-Length of what it streams", async () => {
    const body = await createMultipartBody([
      { name: "a", value: "é" },
      { name: "media[]", file: { path: image.path, filename: "x.jpg", contentType: "image/jpeg" } },
    ]);
    let streamed = 0;
    for await (const chunk of body.open()) streamed += chunk.length;
    expect(streamed).toBe(body.contentLength);
  });

  it("flattens nested values into bracket names", () => {
    expect(
      bracketFields("platforms[instagram]", { collaborators: ["a", "b"], tags: [{ x: 1 }] }),
    ).toEqual([
      { name: "platforms[instagram][collaborators][]", value: "a" },
      { name: "platforms[instagram][collaborators][]", value: "b" },
      { name: "platforms[instagram][tags][][x]", value: "1" },
    ]);
    expect(bracketFields("post[draft]", undefined)).toEqual([]);
  });
});
