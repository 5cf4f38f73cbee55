// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mediaVerdict } from "@/lib/tiktok";
import { probeMedia, type ByteSource } from "./probe";

const fixtures = path.resolve("e2e/fixtures/media");

async function source(name: string): Promise<ByteSource> {
  const bytes = await readFile(path.join(fixtures, name));
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, offset + length),
  };
}

const probe = async (name: string) => probeMedia(await source(name));

describe("probeMedia reads the facts from the bytes", () => {
  it.each([
    ["video-valid-720x1280.mp4", "video/mp4", "MPEG-4"],
    ["video-valid-720x1280.mov", "video/quicktime", "MPEG-4"],
    ["video-valid-720x1280.webm", "video/webm", "WebM"],
    ["video-valid-720x1280.avi", "video/vnd.avi", "AVI"],
  ])("%s: %s, 720×1280, 3.5 s, 24 fps, passes", async (name, mime, container) => {
    const facts = await probe(name);
    expect(facts).toMatchObject({ kind: "video", mime, container, width: 720, height: 1280 });
    expect(facts.durationSec).toBeCloseTo(3.5, 1);
    expect(facts.frameRate).toBeCloseTo(24, 0);
    expect(mediaVerdict(facts)).toMatchObject({ format: "video", passes: true, warnings: [] });
  });

  it("2 s video: fails on duration with the reason in plain words", async () => {
    const facts = await probe("video-2s-720x1280.mp4");
    expect(facts.durationSec).toBeCloseTo(2, 1);
    const v = mediaVerdict(facts);
    expect(v.passes).toBe(false);
    expect(v.reasons).toEqual(["2 s long — TikTok needs at least 3 s"]);
  });

  it("640×360 video: fails on dimensions and warns about landscape", async () => {
    const facts = await probe("video-small-640x360.mp4");
    expect(facts).toMatchObject({ width: 640, height: 360 });
    const v = mediaVerdict(facts);
    expect(v.reasons).toEqual([
      "640×360 — TikTok needs at least 720×1280 (shorter side 720 px, longer side 1280 px)",
    ]);
    expect(v.warnings).toEqual(["Landscape (640×360) — TikTok shows vertical video full screen"]);
  });

  it("1280×720 landscape video: passes with a landscape warning", async () => {
    const v = mediaVerdict(await probe("video-landscape-1280x720.mp4"));
    expect(v.passes).toBe(true);
    expect(v.warnings).toEqual(["Landscape (1280×720) — TikTok shows vertical video full screen"]);
  });

  it("15 fps video: passes with a frame-rate warning", async () => {
    const facts = await probe("video-15fps-720x1280.mp4");
    expect(facts.frameRate).toBeCloseTo(15, 0);
    const v = mediaVerdict(facts);
    expect(v.passes).toBe(true);
    expect(v.warnings).toEqual(["15 fps — TikTok recommends 23 to 60 fps"]);
  });

  it("601 s video: fails as too long and warns that some accounts stop at 3 or 5 min", async () => {
    const v = mediaVerdict(await probe("video-too-long-601s.mp4"));
    expect(v.reasons).toEqual(["10 min 1 s long — TikTok takes at most 10 min"]);
  });

  it.each([
    ["photo-1-720x900.jpg", "image/jpeg", 720, 900],
    ["photo-animated-160x200.gif", "image/gif", 160, 200],
  ])("%s: a photo TikTok takes", async (name, mime, width, height) => {
    const facts = await probe(name);
    expect(facts).toMatchObject({ kind: "image", mime, width, height, durationSec: null });
    expect(mediaVerdict(facts)).toMatchObject({ format: "image", passes: true });
  });

  it.each([
    ["photo-rejected-320x400.png", "image/png", "PNG"],
    ["photo-rejected-320x400.webp", "image/webp", "WebP"],
  ])("%s: refused for photo posts, with conversion to JPEG offered", async (name, mime, label) => {
    const facts = await probe(name);
    expect(facts).toMatchObject({ kind: "image", mime, width: 320, height: 400 });
    const v = mediaVerdict(facts);
    expect(v).toMatchObject({ passes: false, canConvertToJpeg: true });
    expect(v.reasons).toEqual([
      `${label} photo — TikTok takes JPEG or GIF photos; convert it to JPEG to use it`,
    ]);
  });

  it("a PNG named .mp4 is a PNG: the name decides nothing", async () => {
    const facts = await probe("png-named-video.mp4");
    expect(facts).toMatchObject({ kind: "image", mime: "image/png" });
    expect(mediaVerdict(facts).format).toBe("image");
  });

  it("plain text named .mp4 is refused: no video or photo in its bytes", async () => {
    const facts = await probe("text-renamed.mp4");
    expect(facts).toMatchObject({ kind: "other", mime: null });
    expect(mediaVerdict(facts).reasons).toEqual([
      "The file's contents are not a video or photo TikTok knows — TikTok takes MP4, MOV, AVI or WebM videos and JPEG or GIF photos",
    ]);
  });
});
