import { open, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createReadStream } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, TestSandbox, type Loose } from "./test-support/harness";
import { startFileServer, startReceiver } from "./test-support/servers";

// Rules Postproxy learns only from the bytes: media_processing_failed + media.failed.
let sb: TestSandbox;
let files: Awaited<ReturnType<typeof startFileServer>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const bigJpeg = path.join(tmpdir(), `sandbox-big-${process.pid}.jpg`);

beforeAll(async () => {
  // A JPEG header followed by 22 MB of padding: a "JPEG" over TikTok's 20 MB limit.
  const handle = await open(bigJpeg, "w");
  await handle.write(
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]),
  );
  await handle.truncate(22 * 1024 * 1024);
  await handle.close();
  files = await startFileServer((req, res) => {
    if (req.url === "/huge.mp4") {
      // Claims 5 GiB; the sandbox must refuse from the header without downloading.
      res.writeHead(200, { "content-length": String(5 * 1024 ** 3) });
      res.write(Buffer.alloc(1024));
      return true;
    }
    if (req.url === "/big.jpg") {
      res.writeHead(200);
      createReadStream(bigJpeg).pipe(res);
      return true;
    }
    return false;
  });
  receiver = await startReceiver();
  sb = await TestSandbox.start();
  await sb.post("/api/webhooks", { url: receiver.url, events: ["media.failed"] });
});
afterAll(async () => {
  await sb.close();
  await files.close();
  await receiver.close();
  await rm(bigJpeg, { force: true });
});

async function publish(media: string[], tiktok?: Record<string, unknown>): Promise<Loose> {
  const res = await sb.post("/api/posts", {
    post: { body: "media check" },
    profiles: ["tiktok"],
    media,
    platforms: tiktok ? { tiktok } : undefined,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.status).toBe("pending");
  await sb.advance(300);
  return (await sb.get(`/api/posts/${res.body.id}`)).body;
}

function expectPublished(post: Loose) {
  expect(post.status).toBe("processed");
  expect(post.platforms[0].status).toBe("published");
  for (const media of post.media) expect(media.status).toBe("processed");
}

function expectMediaFailure(post: Loose, pattern: RegExp) {
  expect(post.status).toBe("media_processing_failed");
  const failed = post.media.filter((m: Loose) => m.status === "failed");
  expect(failed.length).toBeGreaterThan(0);
  expect(failed[0].error_message).toMatch(pattern);
  expect(post.platforms[0].status).toBe("failed");
}

describe("videos", () => {
  it.each([
    ["video-valid-720x1280.mp4", "video/mp4"],
    ["video-valid-720x1280.mov", "video/quicktime"],
    ["video-valid-720x1280.webm", "video/webm"],
    ["video-valid-720x1280.avi", "video/vnd.avi"],
    ["video-landscape-1280x720.mp4", "video/mp4"],
  ])("publishes %s (type %s read from the bytes)", async (name, mime) => {
    const post = await publish([files.media(name)]);
    expectPublished(post);
    expect(post.media[0].content_type).toBe(mime);
    expect(post.media[0].url).toMatch(/\/__sandbox\/media\//);
  });

  it("rejects a video shorter than 3 s", async () => {
    expectMediaFailure(
      await publish([files.media("video-too-short-1.5s.mp4")]),
      /too short for TikTok: 1.5 s/,
    );
  });

  it("rejects a video longer than 10 min", async () => {
    expectMediaFailure(
      await publish([files.media("video-too-long-601s.mp4")]),
      /too long for TikTok: 601 s/,
    );
  });

  it("rejects a video below 720x1280", async () => {
    expectMediaFailure(
      await publish([files.media("video-too-small-480x854.mp4")]),
      /480x854 is below/,
    );
  });

  it("rejects a text file named .mp4 by its bytes", async () => {
    expectMediaFailure(await publish([files.media("text-renamed.mp4")]), /could not be recognised/);
  });

  it("rejects an image in a video post", async () => {
    expectMediaFailure(await publish([files.media("photo-1-720x900.jpg")]), /needs a video/);
  });

  it("refuses a download over 4 GiB from its Content-Length", async () => {
    const started = Date.now();
    expectMediaFailure(await publish([`${files.url}/huge.mp4`]), /larger than the maximum of 4 GB/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("fails a URL that does not answer 200", async () => {
    expectMediaFailure(await publish([files.media("missing.mp4")]), /HTTP 404/);
  });
});

describe("photos", () => {
  it("publishes JPEGs and a GIF as a photo post", async () => {
    const post = await publish(
      [
        files.media("photo-1-720x900.jpg"),
        files.media("photo-animated-160x200.gif"),
        files.media("photo-2-720x900.jpg"),
      ],
      { format: "image", photo_cover_index: 1 },
    );
    expectPublished(post);
    expect(post.media.map((m: Loose) => m.content_type)).toEqual([
      "image/jpeg",
      "image/gif",
      "image/jpeg",
    ]);
  });

  it("rejects PNG and WebP with a clear message", async () => {
    expectMediaFailure(
      await publish([files.media("photo-rejected-320x400.png")], { format: "image" }),
      /PNG images are not supported by TikTok; use JPEG or GIF/,
    );
    expectMediaFailure(
      await publish([files.media("photo-rejected-320x400.webp")], { format: "image" }),
      /WebP images are not supported by TikTok/,
    );
  });

  it("rejects a video mixed into a photo post", async () => {
    const post = await publish(
      [files.media("photo-1-720x900.jpg"), files.media("video-valid-720x1280.mp4")],
      { format: "image" },
    );
    expectMediaFailure(post, /photo post accepts only images/);
    expect(post.media[0].status).toBe("processed");
  });

  it("rejects an image over 20 MB", async () => {
    expectMediaFailure(
      await publish([`${files.url}/big.jpg`], { format: "image" }),
      /over TikTok's limit of 20 MB/,
    );
  });
});

describe("uploads and media.failed", () => {
  it("publishes an uploaded file (multipart) and serves its bytes back", async () => {
    const bytes = await readFile(fixture("video-valid-720x1280.mp4"));
    const form = new FormData();
    form.set("post[body]", "upload");
    form.append("profiles[]", "tiktok");
    form.append("media[]", new Blob([bytes], { type: "video/mp4" }), "clip.mp4");
    const res = await sb.request("POST", "/api/posts", { form });
    expect(res.status).toBe(200);
    expect(res.body.media[0]).toMatchObject({ status: "pending", source_url: null });
    await sb.advance(300);
    const post = (await sb.get(`/api/posts/${res.body.id}`)).body;
    expectPublished(post);
    const served = await fetch(post.media[0].url);
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("sent media.failed for the failures above", async () => {
    const events = receiver.events();
    expect(events.length).toBeGreaterThanOrEqual(10);
    const first = events[0] as Loose;
    expect(first.type).toBe("media.failed");
    expect(first.data.object).toMatchObject({ status: "failed" });
    expect(first.data.object.error_message).toEqual(expect.any(String));
    expect(first.data.object.post_id).toEqual(expect.any(String));
  });
});
