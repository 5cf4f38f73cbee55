import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox, type Loose } from "./test-support/harness";

// Create-time (422) rules. URLs are never fetched for rejected posts, so fake hosts are fine.
let sb: TestSandbox;
beforeAll(async () => {
  sb = await TestSandbox.start();
});
afterAll(() => sb.close());

const VIDEO = "https://cdn.example.test/clip.mp4";
const images = (n: number) =>
  Array.from({ length: n }, (_, i) => `https://cdn.example.test/p${i}.jpg`);

function create(overrides: {
  body?: string;
  media?: string[];
  tiktok?: Record<string, unknown>;
  extra?: Loose;
}) {
  return sb.post("/api/posts", {
    post: { body: overrides.body ?? "caption", draft: true },
    profiles: ["tiktok"],
    media: overrides.media ?? [VIDEO],
    platforms: overrides.tiktok ? { tiktok: overrides.tiktok } : undefined,
    ...overrides.extra,
  });
}

async function expectErrors(promise: ReturnType<typeof create>, pattern: RegExp | string) {
  const res = await promise;
  expect(res.status).toBe(422);
  const text = res.body.errors.join("\n");
  if (typeof pattern === "string") expect(res.body.errors).toContain(pattern);
  else expect(text).toMatch(pattern);
}

describe("TikTok request rules", () => {
  it("accepts a plain video post (format defaults to video)", async () => {
    expect((await create({})).status).toBe(200);
  });

  it("requires media", async () => {
    await expectErrors(create({ media: [] }), "Media is required for tiktok");
  });

  it("takes exactly one video in a video post", async () => {
    await expectErrors(create({ media: [VIDEO, VIDEO] }), /exactly 1 video/);
    await expectErrors(
      create({ media: [VIDEO, VIDEO], tiktok: { format: "video" } }),
      /exactly 1 video/,
    );
  });

  it("takes 1 to 35 images in a photo post", async () => {
    expect((await create({ media: images(1), tiktok: { format: "image" } })).status).toBe(200);
    expect((await create({ media: images(35), tiktok: { format: "image" } })).status).toBe(200);
    await expectErrors(
      create({ media: images(36), tiktok: { format: "image" } }),
      /1 to 35 images/,
    );
    await expectErrors(
      create({ media: [], tiktok: { format: "image" } }),
      "Media is required for tiktok",
    );
  });

  it("only knows the formats video and image", async () => {
    await expectErrors(
      create({ tiktok: { format: "photo" } }),
      /format must be one of video, image/,
    );
  });

  it("rejects unknown params and params of the other format by key", async () => {
    await expectErrors(
      create({ tiktok: { colour: "red" } }),
      "Invalid platform params for tiktok: colour",
    );
    await expectErrors(
      create({ tiktok: { auto_add_music: true } }),
      "Invalid platform params for tiktok: auto_add_music",
    );
    await expectErrors(
      create({ tiktok: { photo_cover_index: 0 } }),
      "Invalid platform params for tiktok: photo_cover_index",
    );
    for (const key of ["disable_duet", "disable_stitch", "made_with_ai"]) {
      await expectErrors(
        create({ media: images(2), tiktok: { format: "image", [key]: true } }),
        `Invalid platform params for tiktok: ${key}`,
      );
    }
  });

  it("accepts every documented param for its format", async () => {
    const video = {
      format: "video",
      privacy_status: "SELF_ONLY",
      made_with_ai: true,
      disable_comment: true,
      disable_duet: true,
      disable_stitch: false,
      brand_content_toggle: false,
      brand_organic_toggle: true,
    };
    const res = await create({ tiktok: video });
    expect(res.status).toBe(200);
    expect(res.body.platforms[0].params).toEqual(video);
    const photo = {
      format: "image",
      privacy_status: "FOLLOWER_OF_CREATOR",
      photo_cover_index: 2,
      auto_add_music: true,
      disable_comment: false,
      brand_content_toggle: true,
      brand_organic_toggle: false,
    };
    expect((await create({ media: images(3), tiktok: photo })).status).toBe(200);
  });

  it("checks privacy values and boolean types", async () => {
    for (const value of [
      "PUBLIC_TO_EVERYONE",
      "MUTUAL_FOLLOW_FRIENDS",
      "FOLLOWER_OF_CREATOR",
      "SELF_ONLY",
    ]) {
      expect((await create({ tiktok: { privacy_status: value } })).status, value).toBe(200);
    }
    await expectErrors(
      create({ tiktok: { privacy_status: "PRIVATE" } }),
      /privacy_status must be one of/,
    );
    await expectErrors(
      create({ tiktok: { disable_comment: "yes" } }),
      /disable_comment must be true or false/,
    );
  });

  it("checks photo_cover_index against the number of images", async () => {
    expect(
      (await create({ media: images(3), tiktok: { format: "image", photo_cover_index: 2 } }))
        .status,
    ).toBe(200);
    await expectErrors(
      create({ media: images(3), tiktok: { format: "image", photo_cover_index: 3 } }),
      /photo_cover_index 3 is out of range for 3 images/,
    );
    await expectErrors(
      create({ media: images(3), tiktok: { format: "image", photo_cover_index: -1 } }),
      /photo_cover_index must be a whole number/,
    );
    await expectErrors(
      create({ media: images(3), tiktok: { format: "image", photo_cover_index: 1.5 } }),
      /photo_cover_index must be a whole number/,
    );
  });

  it("counts the caption in UTF-16 code units (2,200 max)", async () => {
    // "🎉" is two UTF-16 code units: 1,100 of them is exactly at the limit.
    expect((await create({ body: "🎉".repeat(1100) })).status).toBe(200);
    await expectErrors(
      create({ body: "🎉".repeat(1100) + "a" }),
      /Body is too long for tiktok \(2201 characters/,
    );
    expect((await create({ body: "" })).status).toBe(200);
  });

  it("rejects threads with TikTok", async () => {
    await expectErrors(
      create({ extra: { thread: [{ body: "reply" }] } }),
      "Threads are not supported for tiktok",
    );
  });
});

describe("general post rules", () => {
  it("rejects unknown profiles by id and by network", async () => {
    const res = await sb.post("/api/posts", {
      post: { body: "x" },
      profiles: ["prof_nope", "youtube"],
      media: [VIDEO],
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual(
      expect.arrayContaining(["Profile not found for prof_nope", "Profile not found for youtube"]),
    );
  });

  it("rejects invalid media URLs, unknown platform keys and bad times", async () => {
    await expectErrors(
      create({ media: ["ftp://host/file.mp4"] }),
      "Invalid media URL: ftp://host/file.mp4",
    );
    await expectErrors(
      create({ extra: { platforms: { myspace: {} } } }),
      "Unknown platform: myspace",
    );
    const res = await sb.post("/api/posts", {
      post: { body: "x", scheduled_at: "next tuesday" },
      profiles: ["tiktok"],
      media: [VIDEO],
    });
    expect(res.body.errors).toContain("Scheduled at must be an ISO 8601 time");
  });

  it("lists every problem at once", async () => {
    const res = await create({ media: [], tiktok: { privacy_status: "NOPE", foo: 1 } });
    expect(res.body.errors.length).toBeGreaterThanOrEqual(3);
  });

  it("applies the same rules to multipart bodies, coercing bracket fields", async () => {
    const form = new FormData();
    form.set("post[body]", "multipart");
    form.set("post[draft]", "true");
    form.append("profiles[]", "tiktok");
    form.append("media[]", images(1)[0] as string);
    form.append("media[]", images(2)[1] as string);
    form.set("platforms[tiktok][format]", "image");
    form.set("platforms[tiktok][photo_cover_index]", "1");
    form.set("platforms[tiktok][auto_add_music]", "true");
    const ok = await sb.request("POST", "/api/posts", { form });
    expect(ok.status).toBe(200);
    expect(ok.body.platforms[0].params).toEqual({
      format: "image",
      photo_cover_index: 1,
      auto_add_music: true,
    });
    expect(ok.body.draft).toBe(true);

    form.set("platforms[tiktok][photo_cover_index]", "5");
    form.set("platforms[tiktok][disable_duet]", "true");
    const bad = await sb.request("POST", "/api/posts", { form });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toContain("Invalid platform params for tiktok: disable_duet");
    expect(bad.body.errors.join()).toMatch(/photo_cover_index 5 is out of range/);
  });

  it("parses thread bracket fields in multipart (and rejects them for TikTok)", async () => {
    const form = new FormData();
    form.set("post[body]", "thread");
    form.append("profiles[]", "tiktok");
    form.append("media[]", VIDEO);
    form.set("thread[1][body]", "second");
    form.set("thread[0][body]", "first");
    form.append("thread[0][media][]", images(1)[0] as string);
    form.set("queue_priority", "urgent");
    const res = await sb.request("POST", "/api/posts", { form });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        "Threads are not supported for tiktok",
        "Queue priority must be one of high, medium, low",
      ]),
    );
  });

  it("accepts platforms as a JSON string field (MCP style) in multipart", async () => {
    const form = new FormData();
    form.set("post[body]", "mcp");
    form.set("post[draft]", "true");
    form.append("profiles[]", "tiktok");
    form.append("media[]", VIDEO);
    form.set("platforms", JSON.stringify({ tiktok: { privacy_status: "SELF_ONLY" } }));
    const res = await sb.request("POST", "/api/posts", { form });
    expect(res.status).toBe(200);
    expect(res.body.platforms[0].params).toEqual({ privacy_status: "SELF_ONLY" });
  });
});
