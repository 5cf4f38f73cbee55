import { describe, expect, it } from "vitest";
import {
  declaredKindOf,
  describeJpegConversion,
  describeMisnamedFile,
  mediaVerdict,
  selectionVerdict,
  tiktokMediaLimits,
  uploadLimitFor,
  uploadTooLargeMessage,
  type MediaFacts,
} from "./index";

const video = (over: Partial<MediaFacts> = {}): MediaFacts => ({
  mime: "video/mp4",
  size: 10_000_000,
  durationSec: 30,
  width: 1080,
  height: 1920,
  frameRate: 30,
  ...over,
});
const photo = (over: Partial<MediaFacts> = {}): MediaFacts => ({
  mime: "image/jpeg",
  size: 500_000,
  durationSec: null,
  width: 1080,
  height: 1350,
  frameRate: null,
  ...over,
});

describe("mediaVerdict against every row of the rules table", () => {
  it("lists each rule that applies to a video, passing", () => {
    const v = mediaVerdict(video());
    expect(v.checks.map((c) => [c.rule, c.ok])).toEqual([
      ["Type", true],
      ["Size", true],
      ["Duration", true],
      ["Dimensions", true],
    ]);
    expect(v).toMatchObject({ passes: true, format: "video", reasons: [], warnings: [] });
  });

  it("accepts the boundaries exactly: 3 s, 10 min, 720×1280, 4 GiB", () => {
    for (const facts of [
      video({ durationSec: 3 }),
      video({ durationSec: 600 }),
      video({ width: 720, height: 1280 }),
      video({ size: tiktokMediaLimits.videoMaxBytes }),
    ])
      expect(mediaVerdict(facts).passes).toBe(true);
  });

  it("refuses just past each boundary with the reason", () => {
    expect(mediaVerdict(video({ durationSec: 2.4 })).reasons).toEqual([
      "2.4 s long — TikTok needs at least 3 s",
    ]);
    expect(mediaVerdict(video({ durationSec: 600.5 })).reasons).toEqual([
      "10 min 1 s long — TikTok takes at most 10 min",
    ]);
    expect(mediaVerdict(video({ width: 719, height: 1280 })).passes).toBe(false);
    expect(mediaVerdict(video({ width: 720, height: 1279 })).passes).toBe(false);
    expect(mediaVerdict(video({ size: tiktokMediaLimits.videoMaxBytes + 1 })).reasons).toEqual([
      "4,294,967,297 bytes — TikTok takes videos up to 4 GB",
    ]);
    expect(mediaVerdict(video({ durationSec: null })).reasons).toEqual([
      "The video's duration could not be read",
    ]);
  });

  it("warns without refusing: frame rate outside 23–60, landscape, longer than 3 min", () => {
    expect(mediaVerdict(video({ frameRate: 61 })).warnings).toEqual([
      "61 fps — TikTok recommends 23 to 60 fps",
    ]);
    expect(mediaVerdict(video({ frameRate: 23 })).warnings).toEqual([]);
    const long = mediaVerdict(video({ durationSec: 181 }));
    expect(long.passes).toBe(true);
    expect(long.warnings).toEqual([
      "3 min 1 s long — some accounts can only post videos up to 3 or 5 min",
    ]);
    expect(mediaVerdict(video({ width: 1920, height: 1080 })).warnings).toEqual([
      "Landscape (1920×1080) — TikTok shows vertical video full screen",
    ]);
  });

  it("photos: JPEG and GIF up to 20 MB", () => {
    expect(mediaVerdict(photo())).toMatchObject({ passes: true, format: "image" });
    expect(mediaVerdict(photo({ mime: "image/gif" })).passes).toBe(true);
    expect(mediaVerdict(photo({ size: tiktokMediaLimits.imageMaxBytes })).passes).toBe(true);
    expect(mediaVerdict(photo({ size: tiktokMediaLimits.imageMaxBytes + 1 })).reasons).toEqual([
      "20,971,521 bytes — TikTok takes photos up to 20 MB",
    ]);
  });

  it("other types are refused by what the bytes are", () => {
    expect(mediaVerdict(photo({ mime: "image/heic" })).reasons).toEqual([
      "The file's contents are image/heic — TikTok takes MP4, MOV, AVI or WebM videos and JPEG or GIF photos",
    ]);
    expect(mediaVerdict(photo({ mime: "image/png" })).canConvertToJpeg).toBe(true);
  });
});

describe("selectionVerdict (the Count row)", () => {
  it("a video post takes exactly one video and no photos", () => {
    expect(selectionVerdict("video", [video()]).passes).toBe(true);
    expect(selectionVerdict("video", []).reasons).toEqual([
      "A video post needs exactly 1 video (0 chosen)",
    ]);
    expect(selectionVerdict("video", [video(), photo()]).reasons).toEqual([
      "A video post cannot include photos",
    ]);
  });

  it("a photo post takes 1 to 35 photos and no video", () => {
    expect(selectionVerdict("image", Array(35).fill(photo())).passes).toBe(true);
    expect(selectionVerdict("image", Array(36).fill(photo())).reasons).toEqual([
      "A photo post takes at most 35 photos (36 chosen)",
    ]);
    expect(selectionVerdict("image", [video()]).reasons).toEqual([
      "A photo post needs at least 1 photo",
      "A photo post cannot include a video",
    ]);
  });
});

describe("upload limits by declared kind", () => {
  it("picks the limit from the declared type or, without one, the name", () => {
    expect(declaredKindOf("image/png", "x.mp4")).toBe("image");
    expect(declaredKindOf("", "holiday.JPG")).toBe("image");
    expect(declaredKindOf("", "clip.mov")).toBe("video");
    expect(uploadLimitFor("image")).toBe(20 * 1024 ** 2);
    expect(uploadLimitFor("video")).toBe(4 * 1024 ** 3);
    expect(uploadTooLargeMessage("video", 5 * 1024 ** 3)).toBe(
      "TikTok takes videos up to 4 GB; this one is 5 GB.",
    );
    expect(uploadTooLargeMessage("image", 20 * 1024 ** 2 + 1)).toBe(
      "TikTok takes photos up to 20 MB; this one is 20,971,521 bytes.",
    );
  });
});

describe("describeJpegConversion", () => {
  it("says a PNG or WebP will become a JPEG, and what a misnamed one really is", () => {
    expect(describeJpegConversion("png-named-video.mp4", "image/png")).toBe(
      "This is a PNG image, not a video; it will be converted to JPEG",
    );
    expect(describeJpegConversion("logo.webp", "image/webp")).toBe(
      "This WebP photo will be converted to JPEG",
    );
    expect(describeJpegConversion("photo.jpg", "image/jpeg")).toBeNull();
    expect(describeJpegConversion("clip.mp4", "video/mp4")).toBeNull();
  });
});

describe("describeMisnamedFile", () => {
  it("says what a file's bytes are when its name says another kind", () => {
    expect(describeMisnamedFile("png-named-video.mp4", "image/png")).toBe(
      "This is a PNG image, not a video",
    );
    expect(describeMisnamedFile("clip.jpg", "video/mp4")).toBe("This is an MP4 video, not a photo");
    expect(describeMisnamedFile("photo.png", "image/png")).toBeNull();
    expect(describeMisnamedFile("clip.mp4", "video/mp4")).toBeNull();
    expect(describeMisnamedFile("text.mp4", null)).toBeNull();
  });
});
