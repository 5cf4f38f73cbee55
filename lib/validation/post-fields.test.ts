import { zodResolver } from "@hookform/resolvers/zod";
import { describe, expect, it } from "vitest";
import {
  composePostSchema,
  createComposeDefaults,
  draftSchema,
  toPostproxyTikTokParams,
  toScheduledAt,
} from "./post";
import { audited, errorsOf, images, profile, uuid, video, ws } from "./test-support/compose";

const videoPost = {
  workspaceId: ws,
  profileIds: [profile],
  media: [video],
  caption: "",
  privacy: "SELF_ONLY" as const,
  schedule: { mode: "now" as const },
};

describe("composePostSchema: profiles, ids and schedule fields", () => {
  it("needs at least one profile, each once, every id well-formed", () => {
    expect(errorsOf({ ...videoPost, profileIds: [] })).toEqual({
      profileIds: "Choose at least one TikTok profile.",
    });
    expect(errorsOf({ ...videoPost, profileIds: [profile, profile] })).toEqual({
      "profileIds.1": "This profile is already chosen.",
    });
    expect(
      errorsOf({
        ...videoPost,
        workspaceId: "1",
        profileIds: ["prof 2"],
        media: [{ id: "3", kind: "video" }],
      }),
    ).toEqual({
      workspaceId: "Invalid id.",
      "profileIds.0": "This is not a Postproxy profile id.",
      "media.0.id": "Invalid id.",
    });
    expect(
      errorsOf({ ...videoPost, media: images(2).map((m) => ({ ...m, id: uuid(1) })) }),
    ).toEqual({
      "media.1": "This file is already in the post.",
    });
  });
  it("a schedule needs a real date and time and an IANA timezone", () => {
    const at = "2026-12-01T09:00";
    const bad = (schedule: object) =>
      errorsOf({ ...videoPost, schedule: { mode: "schedule", ...schedule } });
    expect(bad({ at, timeZone: "Europe/Paris" })).toEqual({});
    expect(bad({ timeZone: "Europe/Paris" })).toEqual({ "schedule.at": "Choose a date and time." });
    expect(bad({ at: "2026-02-30T09:00", timeZone: "UTC" })).toEqual({
      "schedule.at": "Enter the date and time as YYYY-MM-DD HH:MM.",
    });
    expect(bad({ at, timeZone: "CET+1" })).toEqual({
      "schedule.timeZone": "Choose a timezone from the list (an IANA name like Europe/Paris).",
    });
    expect(errorsOf({ ...videoPost, schedule: { mode: "later" } })).toEqual({
      "schedule.mode": "Choose Publish now, Schedule or Save as draft.",
    });
  });
  it("refuses a kind other than video or image, and a non-boolean box", () => {
    expect(
      errorsOf({ ...videoPost, media: [{ id: uuid(1), kind: "audio" }], allowDuet: "yes" }),
    ).toEqual({
      "media.0.kind": "TikTok takes only videos and photos.",
      allowDuet: "Tick or untick this box.",
    });
  });
  it("publish now ignores a stale schedule time", () => {
    expect(
      errorsOf({
        ...videoPost,
        schedule: { mode: "now", at: "2020-01-01T00:00", timeZone: "UTC" },
      }),
    ).toEqual({});
  });
  it("reports every problem at once", () => {
    const errors = errorsOf({
      ...videoPost,
      profileIds: [],
      media: images(36),
      privacy: undefined,
      allowDuet: true,
      discloseContent: true,
      caption: "x".repeat(2201),
    });
    expect(Object.keys(errors).sort()).toEqual(
      ["allowDuet", "caption", "discloseContent", "media", "privacy", "profileIds"].sort(),
    );
  });
  it("a draft is saved as typed: no TikTok rule applies", () => {
    const draft = {
      workspaceId: ws,
      media: images(36),
      caption: "😀".repeat(1200),
      schedule: { mode: "draft" },
    };
    expect(errorsOf(draft)).toEqual({});
    expect(errorsOf({ ...draft, caption: "x".repeat(22_001) })).toEqual({
      caption: "A draft caption can hold at most 22,000 characters.",
    });
  });
});

describe("createComposeDefaults", () => {
  it("starts with nothing chosen: submitting asks for profiles, media and privacy", () => {
    const values = createComposeDefaults(ws, "Europe/Paris");
    expect(values).toMatchObject({ privacy: null, allowComments: false, allowDuet: false });
    expect(errorsOf(values)).toEqual({
      profileIds: "Choose at least one TikTok profile.",
      media: "Add a video or photos.",
      privacy: "Choose who can see this post.",
    });
    expect(draftSchema.safeParse(values).success).toBe(true);
  });
});

describe("draftSchema", () => {
  it("keeps an incomplete post: no profile, media, privacy or mode yet", () => {
    expect(draftSchema.safeParse({ workspaceId: ws }).success).toBe(true);
    expect(draftSchema.parse({ workspaceId: ws, caption: "half a thought" })).toMatchObject({
      caption: "half a thought",
      profileIds: [],
      media: [],
      allowComments: false,
    });
  });
  it("still checks ids, types and storage bounds", () => {
    const r = draftSchema.safeParse({
      workspaceId: ws,
      profileIds: ["x/../y"],
      caption: "a\u0000b",
      media: images(101),
    });
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["profileIds.0", "This is not a Postproxy profile id."],
      ["media", "A draft can hold at most 100 files."],
      ["caption", "Remove control characters."],
    ]);
  });
});

describe("toPostproxyTikTokParams", () => {
  const parse = (input: object) => composePostSchema(audited).parse(input);
  it("maps a video post: its keys only, privacy always", () => {
    expect(
      toPostproxyTikTokParams(parse({ ...videoPost, allowComments: true, madeWithAi: true })),
    ).toEqual({
      format: "video",
      privacy_status: "SELF_ONLY",
      disable_comment: false,
      disable_duet: true,
      disable_stitch: true,
      made_with_ai: true,
      brand_organic_toggle: false,
      brand_content_toggle: false,
    });
  });
  it("maps a photo post: cover and music, never Duet, Stitch or made_with_ai", () => {
    const params = toPostproxyTikTokParams(
      parse({
        ...videoPost,
        media: images(4),
        coverIndex: 3,
        privacy: "PUBLIC_TO_EVERYONE",
        discloseContent: true,
        yourBrand: true,
      }),
    );
    expect(params).toEqual({
      format: "image",
      privacy_status: "PUBLIC_TO_EVERYONE",
      disable_comment: true,
      photo_cover_index: 3,
      auto_add_music: false,
      brand_organic_toggle: true,
      brand_content_toggle: false,
    });
  });
  it("refuses a post that skipped validation", () => {
    expect(() =>
      toPostproxyTikTokParams(draftSchema.parse({ workspaceId: ws, media: [video] }) as never),
    ).toThrow();
  });
});

describe("toScheduledAt", () => {
  it("is the UTC instant for a schedule and null otherwise", () => {
    const schedule = {
      mode: "schedule" as const,
      at: "2026-12-01T09:00",
      timeZone: "America/New_York",
    };
    expect(toScheduledAt({ schedule })?.toISOString()).toBe("2026-12-01T14:00:00.000Z");
    expect(toScheduledAt({ schedule: { ...schedule, mode: "now" } })).toBeNull();
    expect(toScheduledAt({ schedule: { ...schedule, mode: "draft" } })).toBeNull();
  });
});

describe("with react-hook-form's zodResolver", () => {
  it("puts each message on the form field it concerns", async () => {
    const resolver = zodResolver(composePostSchema(audited));
    const result = await resolver(
      {
        ...videoPost,
        privacy: null,
        discloseContent: true,
        schedule: { mode: "schedule", at: "2026-11-25T11:00", timeZone: "UTC" },
      },
      undefined,
      { fields: {}, shouldUseNativeValidation: false },
    );
    expect(result.errors.privacy?.message).toBe("Choose who can see this post.");
    expect(result.errors.discloseContent?.message).toBe(
      "You need to indicate if your content promotes yourself, a third party, or both.",
    );
    expect(result.errors.schedule?.at?.message).toBe("Choose a time in the future.");
  });
});
