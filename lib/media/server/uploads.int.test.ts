import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser, WorkspaceCtx } from "@/lib/data/context";
import { getMedia } from "@/lib/data/media";
import { listMediaPage } from "@/lib/data/media-library";
import { attachMedia, deleteMedia } from "@/lib/data/media-usage";
import { parseMediaLibraryQuery } from "@/lib/validation/media-library";
import { mediaFiles } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/test/db";
import { addMember, makeDraftPost, makeOwner } from "@/lib/test/factories";
import { tiktokMediaLimits } from "@/lib/tiktok";
import { cleanupMedia } from "./cleanup";
import { convertMediaToJpeg } from "./convert";
import { createMediaRoutes } from "./routes";
import { createMediaSigner } from "./signed-url";
import { createFileStorage, thumbnailKey, type MediaStorage } from "./storage";

const fixtures = path.resolve("e2e/fixtures/media");
const base = "http://app.test";
const secret = "test-secret-test-secret-test-secret-42";

let t: TestDatabase;
let dir: string;
let storage: MediaStorage;
let routes: ReturnType<typeof createMediaRoutes>;
const usersByToken = new Map<string, SessionUser>();
let owner: WorkspaceCtx;
let editor: WorkspaceCtx;
let viewer: WorkspaceCtx;
let outsider: WorkspaceCtx;

const tokenOf = (ctx: WorkspaceCtx) => {
  usersByToken.set(ctx.user.id, ctx.user);
  return ctx.user.id;
};

beforeAll(async () => {
  t = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), "postdeck-media-"));
  storage = await createFileStorage(dir);
  routes = createMediaRoutes({
    db: t.db,
    storage,
    secret,
    getUser: async (req) => usersByToken.get(req.headers.get("x-test-user") ?? "") ?? null,
  });
  owner = await makeOwner(t.db, "Media Owner");
  editor = (await addMember(owner, "editor")).ctx;
  viewer = (await addMember(owner, "viewer")).ctx;
  outsider = await makeOwner(t.db, "Other Agency");
});
afterAll(async () => {
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const b64 = (s: string) => Buffer.from(s).toString("base64");

function create(
  as: WorkspaceCtx,
  opts: { length: number; filename: string; filetype?: string; workspaceId?: string },
) {
  const meta = [
    `workspaceId ${b64(opts.workspaceId ?? as.workspaceId)}`,
    `filename ${b64(opts.filename)}`,
    `filetype ${b64(opts.filetype ?? "")}`,
  ].join(",");
  return routes.uploads(
    new Request(`${base}/api/uploads`, {
      method: "POST",
      headers: {
        "x-test-user": tokenOf(as),
        "Tus-Resumable": "1.0.0",
        "Upload-Length": String(opts.length),
        "Upload-Metadata": meta,
      },
    }),
  );
}

function patch(as: WorkspaceCtx, location: string, offset: number, body: BodyInit, extra = {}) {
  return routes.uploads(
    new Request(new URL(location, base), {
      method: "PATCH",
      headers: {
        "x-test-user": tokenOf(as),
        "Tus-Resumable": "1.0.0",
        "Upload-Offset": String(offset),
        "Content-Type": "application/offset+octet-stream",
        ...extra,
      },
      body,
      duplex: "half",
    } as RequestInit),
  );
}

/** A body without Content-Length: the server only learns its length by reading it. */
function stream(bytes: Buffer): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 256) controller.enqueue(bytes.subarray(i, i + 256));
      controller.close();
    },
  });
}

async function upload(as: WorkspaceCtx, fixture: string, filename = fixture, filetype = "") {
  const bytes = await readFile(path.join(fixtures, fixture));
  const created = await create(as, { length: bytes.length, filename, filetype });
  if (created.status !== 201) throw new Error(`${created.status} ${await created.text()}`);
  const location = created.headers.get("location")!;
  expect(location).toMatch(/^\/api\/uploads\/[0-9a-f-]{36}$/);
  const done = await patch(as, location, 0, bytes);
  expect(done.status).toBe(204);
  return { id: location.split("/").pop()!, done, bytes };
}

const get = (as: WorkspaceCtx | null, url: string, headers: Record<string, string> = {}) => {
  const request = new Request(new URL(url, base), {
    headers: { ...(as ? { "x-test-user": tokenOf(as) } : {}), ...headers },
  });
  const id = url.split("/")[3].split("?")[0];
  return url.includes("/thumbnail") ? routes.thumbnail(request, id) : routes.media(request, id);
};

const storedFiles = async () => (await readdir(dir)).filter((f) => f !== "thumbs");

describe("uploads through the tus endpoint", () => {
  it("stores a video, probes it from the bytes and lists it with its facts", async () => {
    const { id } = await upload(editor, "video-valid-720x1280.mp4", "clip.mp4", "video/mp4");
    const media = await getMedia(owner, id);
    expect(media).toMatchObject({
      status: "ready",
      kind: "video",
      mime: "video/mp4",
      width: 720,
      height: 1280,
      name: "clip.mp4",
      uploadedByName: editor.user.name,
    });
    expect(media.durationSec).toBeCloseTo(3.5, 1);
    const list = async (kind: string) =>
      (await listMediaPage(viewer, parseMediaLibraryQuery({ kind }))).items.map((m) => m.id);
    expect(await list("video")).toContain(id);
    expect(await list("image")).not.toContain(id);
  });

  it("makes an image thumbnail on the server, downscaled", async () => {
    const { id } = await upload(editor, "photo-1-720x900.jpg");
    expect((await getMedia(owner, id)).hasThumbnail).toBe(true);
    const res = await get(viewer, `/api/media/${id}/thumbnail`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    const sharp = (await import("sharp")).default;
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect(meta.width).toBeLessThanOrEqual(480);
  });

  it("refuses a declared length one byte over each limit before anything is stored", async () => {
    const before = await storedFiles();
    for (const [length, filename, filetype, refusal] of [
      [
        tiktokMediaLimits.videoMaxBytes + 1,
        "big.mp4",
        "video/mp4",
        "TikTok takes videos up to 4 GB; this one is 4,294,967,297 bytes.\n",
      ],
      [
        tiktokMediaLimits.imageMaxBytes + 1,
        "big.jpg",
        "image/jpeg",
        "TikTok takes photos up to 20 MB; this one is 20,971,521 bytes.\n",
      ],
    ] as const) {
      const response = await create(editor, { length, filename, filetype });
      expect(response.status, filename).toBe(413);
      expect(await response.text()).toBe(refusal);
    }
    // Exactly at the limit is accepted.
    const atLimit = await create(editor, {
      length: tiktokMediaLimits.imageMaxBytes,
      filename: "ok.jpg",
      filetype: "image/jpeg",
    });
    expect(atLimit.status).toBe(201);
    const rows = await t.db
      .select({ name: mediaFiles.name })
      .from(mediaFiles)
      .where(eq(mediaFiles.workspaceId, owner.workspaceId));
    expect(rows.map((r) => r.name)).not.toContain("big.mp4");
    expect(rows.map((r) => r.name)).not.toContain("big.jpg");
    expect((await storedFiles()).length).toBe(before.length + 2); // ok.jpg and its .json
  });

  it("cuts a stream that runs past its declared length", async () => {
    const created = await create(editor, { length: 1000, filename: "short.mp4" });
    const location = created.headers.get("location")!;
    const id = location.split("/").pop()!;
    const tooLong = Buffer.alloc(5000, 7);
    const declared = await patch(editor, location, 0, tooLong);
    expect(declared.status).toBe(413);
    expect((await stat(path.join(dir, id))).size).toBe(0);
    const streamed = await patch(editor, location, 0, stream(tooLong));
    expect(streamed.status).toBe(413);
    expect((await stat(path.join(dir, id))).size).toBeLessThanOrEqual(1000);
  });

  it("never lets a file name choose a path", async () => {
    const names = ["../../../etc/passwd.jpg", "/etc/shadow.jpg", "..\\..\\boot.ini.jpg", ".."];
    for (const name of names) {
      const { id } = await upload(editor, "photo-2-720x900.jpg", name);
      const media = await getMedia(editor, id);
      expect(media.name).not.toMatch(/[\\/]/);
      expect(await stat(path.join(dir, id))).toBeTruthy();
    }
    const listed = (
      await getMedia(editor, (await listMediaPage(editor, parseMediaLibraryQuery({}))).items[0].id)
    ).name;
    expect(listed).toBe("untitled");
    expect((await storedFiles()).every((f) => /^[0-9a-f-]{36}(\.json)?$/.test(f))).toBe(true);
    await expect(stat(path.join(dir, "..", "etc"))).rejects.toThrow();
  });

  it("refuses a file whose bytes are not a video or photo, with the reason, and drops its bytes", async () => {
    const { id, done } = await upload(editor, "text-renamed.mp4", "fake.mp4", "video/mp4");
    expect(decodeURIComponent(done.headers.get("media-rejected") ?? "")).toMatch(
      /^The file's contents are not a video or photo TikTok knows/,
    );
    expect(await getMedia(editor, id)).toMatchObject({ status: "rejected", kind: "other" });
    expect(await storedFiles()).not.toContain(id);
    expect((await get(editor, `/api/media/${id}`)).status).toBe(404);
  });

  it("refuses a photo over 20 MB declared as a video to get the larger limit", async () => {
    const jpeg = await readFile(path.join(fixtures, "photo-1-720x900.jpg"));
    const padded = Buffer.concat([
      jpeg,
      Buffer.alloc(tiktokMediaLimits.imageMaxBytes + 1 - jpeg.length),
    ]);
    const created = await create(editor, {
      length: padded.length,
      filename: "huge.mp4",
      filetype: "video/mp4",
    });
    expect(created.status).toBe(201);
    const location = created.headers.get("location")!;
    const done = await patch(editor, location, 0, padded);
    expect(decodeURIComponent(done.headers.get("media-rejected") ?? "")).toBe(
      "TikTok takes photos up to 20 MB; this one is 20,971,521 bytes.",
    );
    const id = location.split("/").pop()!;
    expect(await getMedia(editor, id)).toMatchObject({ status: "rejected", kind: "image" });
    expect(await storedFiles()).not.toContain(id);
  });

  it("refuses an upload by a viewer and by a non-member, storing nothing", async () => {
    const before = await storedFiles();
    const byViewer = await create(viewer, { length: 100, filename: "v.mp4" });
    expect(byViewer.status).toBe(403);
    expect(await byViewer.text()).toMatch(/^Viewers can see media but not upload it/);
    const byOutsider = await create(outsider, {
      length: 100,
      filename: "x.mp4",
      workspaceId: owner.workspaceId,
    });
    expect(byOutsider.status).toBe(404);
    const anonymous = await routes.uploads(
      new Request(`${base}/api/uploads`, {
        method: "POST",
        headers: { "Tus-Resumable": "1.0.0", "Upload-Length": "10" },
      }),
    );
    expect(anonymous.status).toBe(401);
    expect(await storedFiles()).toEqual(before);
  });
});

describe("reading, attaching and deleting across workspaces", () => {
  it("gives another workspace's member 404 on read, thumbnail, attach, delete and tus calls", async () => {
    const { id } = await upload(editor, "photo-1-720x900.jpg");
    expect((await get(viewer, `/api/media/${id}`)).status).toBe(200);
    expect((await get(outsider, `/api/media/${id}`)).status).toBe(404);
    expect((await get(outsider, `/api/media/${id}/thumbnail`)).status).toBe(404);
    expect((await get(null, `/api/media/${id}`)).status).toBe(401);
    const postId = crypto.randomUUID();
    await expect(
      attachMedia(outsider, { mediaId: id, postId, status: "draft" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteMedia(outsider, id)).rejects.toMatchObject({ code: "not_found" });
    const head = await routes.uploads(
      new Request(`${base}/api/uploads/${id}`, {
        method: "HEAD",
        headers: { "x-test-user": tokenOf(outsider), "Tus-Resumable": "1.0.0" },
      }),
    );
    expect(head.status).toBe(404);
    const download = await routes.uploads(
      new Request(`${base}/api/uploads/${id}`, { headers: { "x-test-user": tokenOf(owner) } }),
    );
    expect(download.status).toBe(405);
    const poster = await routes.putPoster(
      new Request(`${base}/api/media/${id}/thumbnail`, {
        method: "PUT",
        headers: { "x-test-user": tokenOf(outsider) },
        body: Buffer.from("x"),
      }),
      id,
    );
    expect(poster.status).toBe(404);
    expect((await getMedia(owner, id)).status).toBe("ready");
  });

  it("reads the upload id once: crafted tus URLs reach no other upload and delete nothing", async () => {
    const started = async (as: WorkspaceCtx) => {
      const created = await create(as, { length: 1000, filename: "clip.mp4" });
      expect(created.status).toBe(201);
      return created.headers.get("location")!.split("/").pop()!;
    };
    const victim = await started(editor);
    const mine = await started(outsider);
    const crafted = [
      `/api/uploads/${mine}%2F..%2F${victim}`,
      `/api/uploads/${mine}%2f${victim}`,
      `/api/uploads/${mine}/${victim}`,
      `/api/uploads/${mine}/../${victim}`,
      `/api/uploads/..%2F${victim}`,
      `/api/uploads?id=${victim}`,
      `/api/uploads/?${victim}`,
      `/api/uploads/${victim}%3Fid%3D${mine}`,
      `/api/uploads/${victim.toUpperCase()}`,
    ];
    for (const url of crafted) {
      const response = await routes.uploads(
        new Request(`${base}${url}`, {
          method: "DELETE",
          headers: { "x-test-user": tokenOf(outsider), "Tus-Resumable": "1.0.0" },
        }),
      );
      expect(response.status, url).toBe(404);
    }
    expect((await getMedia(editor, victim)).status).toBe("uploading");
    expect((await getMedia(outsider, mine)).status).toBe("uploading");
    expect(await storedFiles()).toEqual(expect.arrayContaining([victim, mine]));
  });

  it("lets viewers read but not attach, delete or continue an upload", async () => {
    const { id } = await upload(editor, "photo-2-720x900.jpg");
    const postId = crypto.randomUUID();
    await expect(
      attachMedia(viewer, { mediaId: id, postId, status: "draft" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteMedia(viewer, id)).rejects.toMatchObject({ code: "forbidden" });
    const created = await create(editor, { length: 10, filename: "part.jpg" });
    const res = await patch(viewer, created.headers.get("location")!, 0, Buffer.alloc(10));
    expect(res.status).toBe(403);
  });

  it("serves byte ranges so a preview can be scrubbed", async () => {
    const { id, bytes } = await upload(editor, "video-valid-720x1280.webm");
    const part = await get(viewer, `/api/media/${id}`, { Range: "bytes=100-199" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-199/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(100, 200));
    const tail = await get(viewer, `/api/media/${id}`, { Range: "bytes=-10" });
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(bytes.subarray(bytes.length - 10));
    const beyond = await get(viewer, `/api/media/${id}`, { Range: `bytes=${bytes.length}-` });
    expect(beyond.status).toBe(416);
    const whole = await get(viewer, `/api/media/${id}`);
    expect(whole.headers.get("content-type")).toBe("video/webm");
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(bytes);
  });

  it("serves a signed link without a session until it expires", async () => {
    const { id } = await upload(editor, "photo-1-720x900.jpg");
    const signer = createMediaSigner(secret);
    const expires = Math.floor(Date.now() / 1000) + 3600;
    const good = `/api/media/${id}?expires=${expires}&signature=${signer.sign(id, expires)}`;
    expect((await get(null, good)).status).toBe(200);
    const otherId = (await upload(editor, "photo-2-720x900.jpg")).id;
    const swapped = `/api/media/${otherId}?expires=${expires}&signature=${signer.sign(id, expires)}`;
    expect((await get(null, swapped)).status).toBe(403);
    const past = Math.floor(Date.now() / 1000) - 1;
    const expired = `/api/media/${id}?expires=${past}&signature=${signer.sign(id, past)}`;
    expect((await get(null, expired)).status).toBe(403);
    const forged = createMediaSigner("another-secret-another-secret-12345");
    expect(
      (await get(null, `/api/media/${id}?expires=${expires}&signature=${forged.sign(id, expires)}`))
        .status,
    ).toBe(403);
  });

  it("refuses to delete a file a scheduled post uses, with the reason; drafts do not block", async () => {
    const { id } = await upload(editor, "video-valid-720x1280.mp4", "launch.mp4");
    const postId = await makeDraftPost(editor);
    await attachMedia(editor, { mediaId: id, postId, status: "scheduled" });
    await expect(deleteMedia(editor, id)).rejects.toMatchObject({
      code: "conflict",
      message:
        "“launch.mp4” is used by a scheduled post. Remove it from that post or cancel the post first.",
    });
    await attachMedia(editor, { mediaId: id, postId, status: "draft" });
    await expect(deleteMedia(editor, id)).resolves.toEqual({ id });
  });

  it("accepts a browser poster frame for a video and refuses non-images", async () => {
    const { id } = await upload(editor, "video-valid-720x1280.mov");
    const put = (as: WorkspaceCtx, body: Uint8Array<ArrayBuffer>) =>
      routes.putPoster(
        new Request(`${base}/api/media/${id}/thumbnail`, {
          method: "PUT",
          headers: { "x-test-user": tokenOf(as) },
          body,
        }),
        id,
      );
    expect((await put(editor, new TextEncoder().encode("not an image"))).status).toBe(400);
    const png = new Uint8Array(await readFile(path.join(fixtures, "photo-rejected-320x400.png")));
    expect((await put(viewer, png)).status).toBe(403);
    expect((await put(editor, png)).status).toBe(204);
    expect((await getMedia(viewer, id)).hasThumbnail).toBe(true);
  });

  it("makes a poster with ffmpeg on the server when FFMPEG_PATH is configured", async () => {
    const withFfmpeg = createMediaRoutes({
      db: t.db,
      storage,
      secret,
      ffmpegPath: "/usr/bin/ffmpeg",
      getUser: async (req) => usersByToken.get(req.headers.get("x-test-user") ?? "") ?? null,
    });
    const bytes = await readFile(path.join(fixtures, "video-valid-720x1280.mp4"));
    const created = await withFfmpeg.uploads(
      new Request(`${base}/api/uploads`, {
        method: "POST",
        headers: {
          "x-test-user": tokenOf(editor),
          "Tus-Resumable": "1.0.0",
          "Upload-Length": String(bytes.length),
          "Upload-Metadata": `workspaceId ${b64(owner.workspaceId)},filename ${b64("hevc.mp4")}`,
          "Content-Type": "application/offset+octet-stream",
        },
        body: bytes,
        duplex: "half",
      } as RequestInit),
    );
    expect(created.status).toBe(201);
    const id = created.headers.get("location")!.split("/").pop()!;
    expect((await getMedia(editor, id)).hasThumbnail).toBe(true);
    expect((await stat(path.join(dir, thumbnailKey(id)))).size).toBeGreaterThan(0);
  });
});

describe("conversion and cleanup", () => {
  it("converts a PNG to a new JPEG and keeps the original", async () => {
    const { id } = await upload(editor, "photo-rejected-320x400.png");
    const created = await convertMediaToJpeg(editor, storage, id);
    expect(created.name).toBe("photo-rejected-320x400.jpg");
    expect(await getMedia(editor, created.id)).toMatchObject({
      mime: "image/jpeg",
      width: 320,
      height: 400,
      convertedFromId: id,
    });
    expect((await getMedia(editor, id)).status).toBe("ready");
    await expect(convertMediaToJpeg(viewer, storage, id)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(convertMediaToJpeg(outsider, storage, id)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(convertMediaToJpeg(editor, storage, created.id)).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("removes unfinished uploads after 24 h and never a finished file, used or not", async () => {
    const ws = await makeOwner(t.db, "Cleanup Owner");
    const unfinished = (await create(ws, { length: 50, filename: "stale.mp4" })).headers
      .get("location")!
      .split("/")
      .pop()!;
    const unused = (await upload(ws, "photo-1-720x900.jpg")).id;
    const used = (await upload(ws, "photo-2-720x900.jpg")).id;
    await attachMedia(ws, { mediaId: used, postId: await makeDraftPost(ws), status: "published" });
    const fresh = (await create(ws, { length: 50, filename: "fresh.mp4" })).headers
      .get("location")!
      .split("/")
      .pop()!;
    const day = 24 * 60 * 60 * 1000;
    const ago = (ms: number) => new Date(Date.now() - ms);
    await t.db
      .update(mediaFiles)
      .set({ createdAt: ago(day + 60_000) })
      .where(eq(mediaFiles.id, unfinished));
    await t.db
      .update(mediaFiles)
      .set({ createdAt: ago(31 * day) })
      .where(eq(mediaFiles.id, unused));
    await t.db
      .update(mediaFiles)
      .set({ createdAt: ago(31 * day) })
      .where(eq(mediaFiles.id, used));

    const result = await cleanupMedia({ db: t.db, storage });
    expect(result.removed).toBeGreaterThanOrEqual(1);
    const left = await t.db
      .select({ id: mediaFiles.id })
      .from(mediaFiles)
      .where(eq(mediaFiles.workspaceId, ws.workspaceId));
    expect(left.map((r) => r.id).sort()).toEqual([unused, used, fresh].sort());
    const files = await storedFiles();
    expect(files).not.toContain(unfinished);
    expect(files).toContain(unused);
    expect(files).toContain(used);
    expect(await readdir(path.join(dir, "thumbs"))).toContain(`${unused}.jpg`);
  });
});
