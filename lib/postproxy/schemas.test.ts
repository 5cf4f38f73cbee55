// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { describe, expect, it } from "vitest";
import { pageSchema, postSchema, profileSchema, webhookSchema } from "./schemas";
import { samplePost } from "./test-support/stub-server";

describe("postSchema", () => {
  it("tolerates nulls, missing optional fields and unknown values", () => {
    const post = postSchema.parse({
      ...samplePost,
      body: null,
      status: "some_future_status",
      queue_id: undefined,
      thread: undefined,
      media: [{ id: "m", status: "pending", content_type: "video/mp4", url: null }],
      platforms: [
        { platform: "tiktok", status: "failed_waiting_for_retry", published_url: "https://t/1" },
      ],
    });
    expect(post.body).toBe("");
    expect(post.status).toBe("some_future_status");
    expect(post.thread).toEqual([]);
    expect(post.queue_id).toBeNull();
    expect(post.media[0].source_url).toBeNull();
    expect(post.platforms[0]).toMatchObject({
      error: null,
      error_details: null,
      published_url: "https://t/1",
    });
  });

  it("rejects missing required fields and wrong types", () => {
    const { created_at: _c, ...noCreatedAt } = samplePost;
    expect(postSchema.safeParse(noCreatedAt).success).toBe(false);
    expect(postSchema.safeParse({ ...samplePost, media: "x" }).success).toBe(false);
    expect(
      postSchema.safeParse({ ...samplePost, platforms: [{ status: "pending" }] }).success,
    ).toBe(false);
  });

  it("parses the paginated envelope", () => {
    const page = pageSchema(postSchema).parse({
      total: 1,
      page: 0,
      per_page: 10,
      data: [samplePost],
    });
    expect(page.data[0].id).toBe("post_1");
    expect(pageSchema(postSchema).safeParse({ data: [samplePost] }).success).toBe(false);
  });
});

describe("other resources", () => {
  it("accepts a profile with optional extras absent", () => {
    const profile = profileSchema.parse({
      id: "prof_1",
      name: "Demo",
      status: "expired",
      platform: "tiktok",
      profile_group_id: "grp_1",
      post_count: 3,
    });
    expect(profile.expires_at).toBeNull();
    expect(profile.avatar_url).toBeNull();
  });

  it("keeps the webhook secret when Postproxy returns it", () => {
    const webhook = webhookSchema.parse({
      id: "wh_1",
      url: "https://x",
      events: ["*"],
      enabled: true,
      description: null,
      secret: "whsec_x",
      created_at: "2030-01-01T00:00:00Z",
      updated_at: "2030-01-01T00:00:00Z",
    });
    expect(webhook.secret).toBe("whsec_x");
  });
});
