import { describe, expect, it } from "vitest";
import { PostproxyError, type Post } from "@/lib/postproxy";
import { describeSendFailure, targetFromPost } from "./outcome";

const now = new Date("2026-11-25T12:00:00Z");
const post = (over: Partial<Post>, platform: Partial<Post["platforms"][number]> = {}): Post =>
  ({
    id: "post_1",
    body: "",
    status: "scheduled",
    scheduled_at: null,
    created_at: now.toISOString(),
    queue_id: null,
    queue_priority: null,
    media: [],
    thread: [],
    platforms: [
      {
        platform: "tiktok",
        status: "pending",
        params: null,
        error: null,
        error_details: null,
        attempted_at: null,
        insights: null,
        ...platform,
      },
    ],
    ...over,
  }) as Post;

const failure = (kind: PostproxyError["kind"], extra: Partial<PostproxyError> = {}) =>
  new PostproxyError({ kind, message: kind, endpoint: "POST /api/posts", host: "h", ...extra });

describe("targetFromPost", () => {
  it("waits as scheduled for a later time, processes when due, publishes only when TikTok did", () => {
    expect(targetFromPost(post({ scheduled_at: "2026-11-26T12:00:00Z" }), "A", now).status).toBe(
      "scheduled",
    );
    expect(targetFromPost(post({ status: "pending" }), "A", now).status).toBe("processing");
    expect(targetFromPost(post({ status: "processed" }), "A", now).status).toBe("processing");
    const published = targetFromPost(
      post({ status: "processed" }, { status: "published", attempted_at: now.toISOString() }),
      "A",
      now,
    );
    expect(published).toMatchObject({ status: "published", postproxyPostId: "post_1" });
  });

  it("explains TikTok's refusals with who acts", () => {
    const unaudited = targetFromPost(
      post(
        {},
        {
          status: "failed",
          error: "unaudited_client_can_only_post_to_private_accounts: review",
          error_details: {
            platform_error_code: "unaudited_client_can_only_post_to_private_accounts",
            platform_error_subcode: null,
            platform_error_message: "review",
            postproxy_note: null,
          },
        },
      ),
      "A",
      now,
    );
    expect(unaudited).toMatchObject({ status: "failed", errorKind: "needs_edit" });
    expect(unaudited.error).toMatch(/Only me/);
    const expired = targetFromPost(
      post(
        {},
        {
          status: "failed",
          error_details: {
            platform_error_code: "access_token_invalid",
            platform_error_subcode: null,
            platform_error_message: "invalid",
            postproxy_note: null,
          },
        },
      ),
      "@acme",
      now,
    );
    expect(expired).toMatchObject({ status: "failed", errorKind: "retryable" });
    expect(expired.error).toMatch(/@acme .*Reconnect it on the Profiles page/);
    expect(targetFromPost(post({ status: "media_processing_failed" }), "A", now)).toMatchObject({
      status: "failed",
      errorKind: "needs_edit",
    });
  });
});

describe("describeSendFailure", () => {
  it("a 422 needs an edit; only a refusal fails a target, a lost answer leaves it unknown", () => {
    const refused = describeSendFailure(
      failure("validation", { status: 422, messages: ["Body is too long for tiktok"] }),
    );
    expect(refused.patch).toMatchObject({ status: "failed", errorKind: "needs_edit" });
    expect(refused.refusals).toEqual(["Body is too long for tiktok"]);
    for (const kind of ["timeout", "network", "server", "conflict"] as const) {
      const { patch } = describeSendFailure(failure(kind, { status: 503, timeoutMs: 1000 }));
      expect(patch).toMatchObject({ status: "unknown", errorKind: null });
      expect(patch.error).toMatch(/Checking with Postproxy/);
    }
    const limited = describeSendFailure(failure("rate_limited", { status: 429 }));
    expect(limited.patch).toMatchObject({ status: "failed", errorKind: "retryable" });
    expect(limited.patch.error).toMatch(/did not take the post/);
    expect(describeSendFailure(failure("unauthorized")).patch.error).toMatch(/owner must update/);
  });
});
