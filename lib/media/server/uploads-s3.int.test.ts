import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser, WorkspaceCtx } from "@/lib/data/context";
import { getMedia } from "@/lib/data/media";
import { createTestDatabase, type TestDatabase } from "@/lib/test/db";
import { makeOwner } from "@/lib/test/factories";
import { startS3TestServer, type S3TestServer } from "@/lib/test/s3-server";
import { createMediaRoutes } from "./routes";
import { createS3Storage, type MediaStorage } from "./storage";

/**
 * The media routes on S3 (a local S3-compatible server), as two app servers: each its own routes
 * and S3 store over one database and one bucket, as two `next start` processes would have.
 */
const base = "http://app.test";
const secret = "test-secret-test-secret-test-secret-42";
const fixtures = path.resolve("e2e/fixtures/media");

let t: TestDatabase;
let s3: S3TestServer;
const servers: { routes: ReturnType<typeof createMediaRoutes>; storage: MediaStorage }[] = [];
const users = new Map<string, SessionUser>();
let owner: WorkspaceCtx;
let outsider: WorkspaceCtx;

beforeAll(async () => {
  t = await createTestDatabase();
  s3 = await startS3TestServer();
  for (let i = 0; i < 2; i++) {
    const storage = await createS3Storage(s3.config);
    const routes = createMediaRoutes({
      db: t.db,
      storage,
      secret,
      getUser: async (req) => users.get(req.headers.get("x-test-user") ?? "") ?? null,
    });
    servers.push({ routes, storage });
  }
  owner = await makeOwner(t.db, "S3 Owner");
  outsider = await makeOwner(t.db, "Other Agency");
  for (const ctx of [owner, outsider]) users.set(ctx.user.id, ctx.user);
});
afterAll(async () => {
  await t?.close();
  await s3?.close();
});

const b64 = (s: string) => Buffer.from(s).toString("base64");
const tus = (as: WorkspaceCtx, extra: Record<string, string> = {}) => ({
  "x-test-user": as.user.id,
  "Tus-Resumable": "1.0.0",
  ...extra,
});

/** A body without Content-Length, in 64 kB chunks, as a browser's stream arrives. */
function stream(bytes: Buffer): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + 65536));
      offset += 65536;
    },
  });
}

const rangeLength = (range: string) => {
  const [start, end] = range.slice(6).split("-").map(Number);
  return end - start + 1;
};

const patch = (server: number, location: string, offset: number, body: Buffer) =>
  servers[server].routes.uploads(
    new Request(new URL(location, base), {
      method: "PATCH",
      headers: tus(owner, {
        "Upload-Offset": String(offset),
        "Content-Type": "application/offset+octet-stream",
      }),
      body: stream(body),
      duplex: "half",
    } as RequestInit),
  );

describe("uploads in S3 across two app servers", () => {
  let id: string;
  let bytes: Buffer;

  it("an upload paused on server A resumes through server B, keeps its bytes and is probed by ranges", async () => {
    // A real video with 20 MB of trailing bytes: three S3 parts of 8 MB, and still a probable MP4.
    const video = await readFile(path.join(fixtures, "video-valid-720x1280.mp4"));
    bytes = Buffer.concat([video, randomBytes(20 * 1024 * 1024)]);
    const created = await servers[0].routes.uploads(
      new Request(`${base}/api/uploads`, {
        method: "POST",
        headers: tus(owner, {
          "Upload-Length": String(bytes.length),
          "Upload-Metadata": `workspaceId ${b64(owner.workspaceId)},filename ${b64("big.mp4")},filetype ${b64("video/mp4")}`,
        }),
      }),
    );
    expect(created.status).toBe(201);
    const location = created.headers.get("location")!;
    id = location.split("/").pop()!;

    // Server A takes 9 MB and the client pauses.
    const first = await patch(0, location, 0, bytes.subarray(0, 9 * 1024 * 1024 + 17));
    expect(first.status).toBe(204);
    // Server B, which never saw this upload, reads its offset from S3 …
    const head = await servers[1].routes.uploads(
      new Request(new URL(location, base), { method: "HEAD", headers: tus(owner) }),
    );
    expect(head.status).toBe(200);
    const offset = Number(head.headers.get("upload-offset"));
    expect(offset).toBe(9 * 1024 * 1024 + 17);
    // … and takes the rest.
    s3.requests.length = 0;
    const rest = await patch(1, location, offset, bytes.subarray(offset));
    expect(rest.status).toBe(204);
    expect(rest.headers.get("upload-offset")).toBe(String(bytes.length));

    // Object reads so far (not ListParts, a GET with ?uploadId): those of probing.
    const reads = s3.requests.filter(
      (r) => r.method === "GET" && r.key === id && !r.query.includes("uploadId"),
    );
    const media = await getMedia(owner, id);
    expect(media).toMatchObject({ status: "ready", kind: "video", mime: "video/mp4", width: 720 });
    const stored = await servers[0].storage.readBytes(id, 0, bytes.length);
    expect(stored.equals(bytes)).toBe(true);
    // Probing read the finished object by small byte ranges, never whole.
    expect(reads.every((r) => /^bytes=\d+-\d+$/.test(r.range ?? ""))).toBe(true);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.reduce((n, r) => n + rangeLength(r.range!), 0)).toBeLessThan(bytes.length / 4);
    // The lease is gone once the PATCH is done.
    const { uploadLeases } = await import("@/lib/db/schema");
    expect(await t.db.select().from(uploadLeases)).toEqual([]);
  });

  it("sends a member's browser to a presigned bucket link that serves the bytes, its type and ranges", async () => {
    const res = await servers[1].routes.media(
      new Request(`${base}/api/media/${id}`, { headers: { "x-test-user": owner.user.id } }),
      id,
    );
    expect(res.status).toBe(302);
    const link = new URL(res.headers.get("location")!);
    expect(link.origin).toBe(s3.url);
    expect(Number(link.searchParams.get("X-Amz-Expires"))).toBe(7200);
    const whole = await fetch(link);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("video/mp4");
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
    const part = await fetch(link, { headers: { Range: "bytes=100-199" } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
    // The same link within the hour: the browser's cache keeps working.
    const again = await servers[0].routes.media(
      new Request(`${base}/api/media/${id}`, { headers: { "x-test-user": owner.user.id } }),
      id,
    );
    expect(again.headers.get("location")).toBe(link.toString());
    // Without a signature the bucket refuses.
    expect((await fetch(`${link.origin}${link.pathname}`)).status).toBe(403);
  });

  it("gives another workspace's member 404 and no link", async () => {
    const res = await servers[0].routes.media(
      new Request(`${base}/api/media/${id}`, { headers: { "x-test-user": outsider.user.id } }),
      id,
    );
    expect(res.status).toBe(404);
    expect(res.headers.get("location")).toBeNull();
  });

  it("removes the object and its tus info from the bucket", async () => {
    expect(await s3.keys()).toContain(id);
    await servers[1].storage.remove(id);
    expect((await s3.keys()).filter((k) => k.startsWith(id))).toEqual([]);
  });
});
