import { describe, expect, it } from "vitest";
import { composePostSchema } from "./post";
import type { ComposeContext } from "./post-rules";
import { audited, errorsOf, images, now, profile, uuid, video, ws } from "./test-support/compose";

/** A valid video post; each test spoils one thing. */
const videoPost = {
  workspaceId: ws,
  profileIds: [profile],
  media: [video],
  caption: "Hello #tiktok",
  privacy: "FOLLOWER_OF_CREATOR",
  schedule: { mode: "now" },
};
const photoPost = { ...videoPost, media: images(3), coverIndex: 2 };

describe("composePostSchema: valid posts", () => {
  it("takes a video post and a photo post, everything unchecked by default", () => {
    expect(errorsOf(videoPost)).toEqual({});
    expect(errorsOf(photoPost)).toEqual({});
    const parsed = composePostSchema(audited).parse(videoPost);
    expect(parsed).toMatchObject({
      allowComments: false,
      allowDuet: false,
      allowStitch: false,
      madeWithAi: false,
      autoAddMusic: false,
      discloseContent: false,
      yourBrand: false,
      brandedContent: false,
    });
  });
  it("takes 35 photos and a caption of exactly 2,200 UTF-16 units of emoji", () => {
    expect(errorsOf({ ...photoPost, media: images(35), coverIndex: 34 })).toEqual({});
    expect(errorsOf({ ...videoPost, caption: "😀".repeat(1100) })).toEqual({});
  });
});

describe("composePostSchema: crafted bad input (issue 9 §3), each at its field", () => {
  it("36 images", () => {
    expect(errorsOf({ ...photoPost, media: images(36) })).toEqual({
      media: "A photo post takes at most 35 photos (36 chosen)",
    });
  });
  it("a video and an image together", () => {
    expect(errorsOf({ ...videoPost, media: [video, ...images(1)] })).toEqual({
      media: "A post holds either one video or photos, not both.",
    });
  });
  it("two videos, or no media at all", () => {
    expect(errorsOf({ ...videoPost, media: [video, { id: uuid(901), kind: "video" }] })).toEqual({
      media: "A video post needs exactly 1 video (2 chosen)",
    });
    expect(errorsOf({ ...videoPost, media: [] })).toEqual({ media: "Add a video or photos." });
  });
  it("the cover index equal to the image count", () => {
    expect(errorsOf({ ...photoPost, coverIndex: 3 })).toEqual({
      coverIndex: "Choose the cover among the post's 3 photos (number 1 to 3).",
    });
  });
  it("Duet, Stitch and made_with_ai on a photo post", () => {
    expect(
      errorsOf({ ...photoPost, allowDuet: true, allowStitch: true, madeWithAi: true }),
    ).toEqual({
      allowDuet: "Duet is only for video posts.",
      allowStitch: "Stitch is only for video posts.",
      madeWithAi: "AI-generated content is only for video posts.",
    });
  });
  it("auto_add_music and photo_cover_index on a video post", () => {
    expect(errorsOf({ ...videoPost, autoAddMusic: true, coverIndex: 0 })).toEqual({
      autoAddMusic: "Adding music automatically is only for photo posts.",
      coverIndex: "A cover photo is only for photo posts.",
    });
  });
  it("Branded content with Only me, refused at both fields", () => {
    const branded = {
      ...videoPost,
      discloseContent: true,
      brandedContent: true,
      privacy: "SELF_ONLY",
    };
    expect(errorsOf(branded)).toEqual({
      privacy: "Branded content visibility cannot be set to private.",
      brandedContent: "Branded content visibility cannot be set to private.",
    });
    expect(errorsOf({ ...branded, privacy: "MUTUAL_FOLLOW_FRIENDS" })).toEqual({});
    // Ticks hidden behind a disclosure toggled off count for nothing.
    expect(errorsOf({ ...branded, discloseContent: false })).toEqual({});
  });
  it("disclosure on with nothing ticked", () => {
    expect(errorsOf({ ...videoPost, discloseContent: true })).toEqual({
      discloseContent:
        "You need to indicate if your content promotes yourself, a third party, or both.",
    });
    expect(errorsOf({ ...videoPost, discloseContent: true, yourBrand: true })).toEqual({});
  });
  it("no privacy (there is no default)", () => {
    const { privacy: _, ...noPrivacy } = videoPost;
    expect(errorsOf(noPrivacy)).toEqual({ privacy: "Choose who can see this post." });
    expect(errorsOf({ ...videoPost, privacy: null })).toEqual({
      privacy: "Choose who can see this post.",
    });
    expect(errorsOf({ ...videoPost, privacy: "PRIVATE" })).toEqual({
      privacy: "Choose Everyone, Mutual followers, Followers only or Only me.",
    });
  });
  it("a public privacy on an unaudited workspace", () => {
    const unaudited: ComposeContext = { auditStatus: "unaudited", now: () => now };
    const reason =
      "Your workspace's TikTok app is unaudited: TikTok only accepts “Only me” posts from it.";
    for (const privacy of ["PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "FOLLOWER_OF_CREATOR"])
      expect(errorsOf({ ...videoPost, privacy }, unaudited)).toEqual({ privacy: reason });
    expect(errorsOf({ ...videoPost, privacy: "SELF_ONLY" }, unaudited)).toEqual({});
    // Unknown status: public is allowed (the form warns instead).
    expect(
      errorsOf(
        { ...videoPost, privacy: "PUBLIC_TO_EVERYONE" },
        { ...unaudited, auditStatus: "unknown" },
      ),
    ).toEqual({});
  });
  it("Branded content on an unaudited workspace, which may only post privately", () => {
    const unaudited: ComposeContext = { auditStatus: "unaudited", now: () => now };
    const branded = {
      ...videoPost,
      privacy: "SELF_ONLY",
      discloseContent: true,
      brandedContent: true,
    };
    expect(errorsOf(branded, unaudited)).toMatchObject({
      brandedContent: "Branded content visibility cannot be set to private.",
    });
  });
  it("a schedule in the past, or now to the minute", () => {
    const schedule = { mode: "schedule", at: "2026-11-25T12:59", timeZone: "Europe/Paris" };
    expect(errorsOf({ ...videoPost, schedule })).toEqual({
      "schedule.at": "Choose a time in the future.",
    });
    expect(errorsOf({ ...videoPost, schedule: { ...schedule, at: "2026-11-25T13:00" } })).toEqual({
      "schedule.at": "Choose a time in the future.",
    });
    expect(errorsOf({ ...videoPost, schedule: { ...schedule, at: "2026-11-25T13:01" } })).toEqual(
      {},
    );
  });
  it("a caption of 2,201 UTF-16 units made of emoji", () => {
    expect(errorsOf({ ...videoPost, caption: "😀".repeat(1100) + "✨" })).toEqual({
      caption:
        "TikTok captions take at most 2,200 characters (this one has 2,201; an emoji counts as 2).",
    });
  });
});
