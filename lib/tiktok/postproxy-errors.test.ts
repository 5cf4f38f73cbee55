import { describe, expect, it } from "vitest";
import { findFieldOfPostproxyError, placePostproxyErrors } from "./postproxy-errors";

describe("findFieldOfPostproxyError", () => {
  it("places Postproxy's known TikTok texts at their fields", () => {
    const cases: [string, string | null][] = [
      ["Invalid platform params for tiktok: disable_duet", "allowDuet"],
      ["Invalid platform params for tiktok: auto_add_music", "autoAddMusic"],
      ["Invalid platform params for tiktok: photo_cover_index", "coverIndex"],
      ["Invalid platform params for tiktok: colour", null],
      ["tiktok: privacy_status must be one of PUBLIC_TO_EVERYONE, SELF_ONLY", "privacy"],
      ["tiktok: made_with_ai must be true or false", "madeWithAi"],
      ["tiktok: photo_cover_index 3 is out of range for 3 images", "coverIndex"],
      ["tiktok: photo_cover_index must be a whole number of 0 or more", "coverIndex"],
      ["tiktok: format must be one of video, image", "media"],
      ["Body is too long for tiktok (2201 characters, maximum is 2200)", "caption"],
      ["Media is required for tiktok", "media"],
      ["tiktok: a video post takes exactly 1 video (got 2 media)", "media"],
      ["tiktok: a photo post takes 1 to 35 images (got 36)", "media"],
      ["Profile not found for 42", "profileIds"],
      ["Scheduled at must be an ISO 8601 time", "schedule.at"],
      ["Threads are not supported for tiktok", null],
    ];
    for (const [message, field] of cases)
      expect(findFieldOfPostproxyError(message), message).toBe(field);
  });
});

describe("placePostproxyErrors", () => {
  it("groups messages by field and keeps the rest for the top of the form", () => {
    expect(
      placePostproxyErrors([
        "Body is too long for tiktok (2201 characters, maximum is 2200)",
        "Invalid platform params for tiktok: disable_duet",
        "Invalid platform params for tiktok: disable_stitch",
        "Something new went wrong",
      ]),
    ).toEqual({
      fieldErrors: {
        caption: ["Body is too long for tiktok (2201 characters, maximum is 2200)"],
        allowDuet: ["Invalid platform params for tiktok: disable_duet"],
        allowStitch: ["Invalid platform params for tiktok: disable_stitch"],
      },
      formErrors: ["Something new went wrong"],
    });
  });
});
