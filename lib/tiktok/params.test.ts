// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { describe, expect, it } from "vitest";
import { readMediaSelection } from "./media-selection";
import {
  buildTikTokParams,
  defaultTikTokSettings,
  refuseSettingsForFormat,
  resetSettingsForFormat,
  settingsByFormat,
  tiktokParamsByFormat,
  type TikTokSettings,
} from "./params";

const settings: TikTokSettings = { ...defaultTikTokSettings, privacy: "FOLLOWER_OF_CREATOR" };

describe("readMediaSelection", () => {
  it("takes the format from the media", () => {
    expect(readMediaSelection(["video"])).toEqual({
      format: "video",
      imageCount: 0,
      problem: null,
    });
    expect(readMediaSelection(Array(35).fill("image"))).toEqual({
      format: "image",
      imageCount: 35,
      problem: null,
    });
  });
  it("names what does not fit", () => {
    expect(readMediaSelection([]).problem).toBe("Add a video or photos.");
    expect(readMediaSelection(["video", "image"])).toEqual({
      format: null,
      imageCount: 1,
      problem: "A post holds either one video or photos, not both.",
    });
    expect(readMediaSelection(["video", "video"]).problem).toBe(
      "A video post needs exactly 1 video (2 chosen)",
    );
    expect(readMediaSelection(Array(36).fill("image")).problem).toBe(
      "A photo post takes at most 35 photos (36 chosen)",
    );
  });
});

describe("refuseSettingsForFormat", () => {
  it("refuses video-only settings on a photo post and a cover out of range", () => {
    const bad = {
      ...settings,
      allowDuet: true,
      allowStitch: true,
      madeWithAi: true,
      coverIndex: 3,
    };
    expect(refuseSettingsForFormat("image", bad, 3)).toEqual([
      { field: "allowDuet", message: "Duet is only for video posts." },
      { field: "allowStitch", message: "Stitch is only for video posts." },
      { field: "madeWithAi", message: "AI-generated content is only for video posts." },
      {
        field: "coverIndex",
        message: "Choose the cover among the post's 3 photos (number 1 to 3).",
      },
    ]);
    expect(
      refuseSettingsForFormat("image", { ...settings, coverIndex: 2, autoAddMusic: true }, 3),
    ).toEqual([]);
  });
  it("refuses photo-only settings on a video post", () => {
    expect(
      refuseSettingsForFormat("video", { ...settings, coverIndex: 0, autoAddMusic: true }, 0),
    ).toEqual([
      { field: "coverIndex", message: "A cover photo is only for photo posts." },
      { field: "autoAddMusic", message: "Adding music automatically is only for photo posts." },
    ]);
    const video = { ...settings, allowDuet: true, allowStitch: true, madeWithAi: true };
    expect(refuseSettingsForFormat("video", video, 0)).toEqual([]);
  });
  it("lets unchecked boxes of the other format through (they are not sent)", () => {
    expect(refuseSettingsForFormat("image", settings, 1)).toEqual([]);
    expect(refuseSettingsForFormat("video", settings, 0)).toEqual([]);
  });
});

describe("buildTikTokParams", () => {
  it("sends a video post's keys only, privacy always, disable_* = not checked", () => {
    const params = buildTikTokParams("video", {
      ...settings,
      privacy: "SELF_ONLY",
      allowComments: true,
      allowStitch: true,
      madeWithAi: true,
      coverIndex: 4,
      autoAddMusic: true,
    });
    expect(params).toEqual({
      format: "video",
      privacy_status: "SELF_ONLY",
      disable_comment: false,
      disable_duet: true,
      disable_stitch: false,
      made_with_ai: true,
      brand_organic_toggle: false,
      brand_content_toggle: false,
    });
    expect(Object.keys(params).sort()).toEqual([...tiktokParamsByFormat.video].sort());
  });
  it("sends a photo post's keys only, the cover defaulting to the first photo", () => {
    const params = buildTikTokParams("image", {
      ...settings,
      privacy: "PUBLIC_TO_EVERYONE",
      allowDuet: true,
      allowStitch: true,
      madeWithAi: true,
      autoAddMusic: true,
    });
    expect(params).toEqual({
      format: "image",
      privacy_status: "PUBLIC_TO_EVERYONE",
      disable_comment: true,
      photo_cover_index: 0,
      auto_add_music: true,
      brand_organic_toggle: false,
      brand_content_toggle: false,
    });
    expect(Object.keys(params).sort()).toEqual([...tiktokParamsByFormat.image].sort());
    expect(
      buildTikTokParams("image", { ...settings, privacy: "SELF_ONLY", coverIndex: 2 })
        .photo_cover_index,
    ).toBe(2);
  });
  it("sends the brand toggles only while the disclosure is on", () => {
    const ticked = {
      ...settings,
      privacy: "PUBLIC_TO_EVERYONE" as const,
      yourBrand: true,
      brandedContent: true,
    };
    expect(buildTikTokParams("video", ticked)).toMatchObject({
      brand_organic_toggle: false,
      brand_content_toggle: false,
    });
    expect(buildTikTokParams("video", { ...ticked, discloseContent: true })).toMatchObject({
      brand_organic_toggle: true,
      brand_content_toggle: true,
    });
  });
});

describe("TikTokPostParams", () => {
  it("is what the Postproxy client takes under platforms.tiktok", async () => {
    const { tiktokPrivacyStatuses } = await import("@/lib/postproxy/schemas");
    const { tiktokPrivacyStatuses: ours } = await import("@/lib/validation/enums");
    expect(ours).toEqual(tiktokPrivacyStatuses);
    const params: import("@/lib/postproxy/post-input").TikTokParams = buildTikTokParams("video", {
      ...settings,
      privacy: "SELF_ONLY",
    });
    expect(params.privacy_status).toBe("SELF_ONLY");
  });
});

describe("settingsByFormat and resetSettingsForFormat", () => {
  it("shows Duet, Stitch and AI only for video, cover and music only for photos", () => {
    expect(settingsByFormat.video).toEqual([
      "allowComments",
      "allowDuet",
      "allowStitch",
      "madeWithAi",
    ]);
    expect(settingsByFormat.image).toEqual(["allowComments", "coverIndex", "autoAddMusic"]);
  });
  it("clears what the other format set, so nothing hidden is refused", () => {
    const ticked = {
      ...settings,
      allowDuet: true,
      allowStitch: true,
      madeWithAi: true,
      coverIndex: 2,
      autoAddMusic: true,
    };
    const asPhoto = { ...ticked, ...resetSettingsForFormat("image") };
    expect(refuseSettingsForFormat("image", asPhoto, 3)).toEqual([]);
    expect(asPhoto).toMatchObject({ coverIndex: 2, autoAddMusic: true, allowDuet: false });
    const asVideo = { ...ticked, ...resetSettingsForFormat("video") };
    expect(refuseSettingsForFormat("video", asVideo, 0)).toEqual([]);
    expect(asVideo).toMatchObject({ allowDuet: true, madeWithAi: true, coverIndex: null });
  });
});
