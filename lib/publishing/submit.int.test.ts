import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { env, setUpPublishingEnv } from "@/lib/publishing/test-support/env";
import type { WorkspaceCtx } from "@/lib/data/context";
import { postTargets } from "@/lib/db/schema";
import { resetEnvForTests } from "@/lib/env";
import type { ComposeProfiles } from "@/lib/integrations/tiktok-profiles";
import { PostproxyError, type PostproxyClient } from "@/lib/postproxy";
import { makeOwner } from "@/lib/test/factories";
import { draftSchema } from "@/lib/validation/post";
import {
  connectSandbox,
  fastClient,
  sandboxPostCount,
  storeFixture,
  videoPost,
} from "./test-support/setup";

vi.mock("@/lib/media/server/storage", async (orig) =>
  (await import("@/lib/publishing/test-support/env")).storageModule(orig),
);

setUpPublishingEnv("submit");

const { submitPost } = await import("./submit");
const { syncWorkspaceTargets } = await import("./sync");
const { getPostView, getComposeDraft } = await import("@/lib/data/posts");
const { listComposeProfiles } = await import("@/lib/integrations/tiktok-profiles");

let owner: WorkspaceCtx;
let profiles: ComposeProfiles;
let videoId: string;

beforeAll(async () => {
  // listComposeProfiles reaches the sandbox the way the app does, through the environment.
  process.env.POSTPROXY_BASE_URL = env.sandbox.url;
  resetEnvForTests();
  owner = await makeOwner(env.db, "Refused");
  await connectSandbox(owner, env.sandbox);
  const client = await fastClient(env.sandbox, owner);
  profiles = await listComposeProfiles(owner);
  expect(client).not.toBeNull();
  videoId = await storeFixture(owner, env.db, env.storage, "video-valid-720x1280.mp4");
});
afterAll(async () => {
  delete process.env.POSTPROXY_BASE_URL;
  resetEnvForTests();
});

/** Postproxy answering 422 with its own texts, for every create. */
function refusingClient(messages: string[]): PostproxyClient {
  const refuse = async () => {
    throw new PostproxyError({
      kind: "validation",
      status: 422,
      message: messages.join("; "),
      messages,
      endpoint: "POST /api/posts",
      host: "postproxy.test",
    });
  };
  return { posts: { create: refuse, createMultipart: refuse } } as unknown as PostproxyClient;
}

describe("Postproxy refusals", () => {
  it("every profile refused (422): the post goes back to a draft, the texts at their fields; fixed, it goes out as revision 1", async () => {
    const values = draftSchema.parse(
      videoPost(owner, videoId, {
        profileIds: ["prof_acme_tiktok", "prof_northwind_tiktok"],
        schedule: {
          mode: "schedule",
          at: (await env.sandbox.inMinutes(120)).slice(0, 16),
          timeZone: "UTC",
        },
      }),
    );
    const refusal = submitPost(owner, values, {
      client: refusingClient([
        "Invalid platform params for tiktok: disable_duet",
        "Something Postproxy says about the account",
      ]),
      loadProfiles: async () => profiles,
    });
    const error = await refusal.catch((e) => e);
    expect(error).toMatchObject({ code: "invalid_input" });
    expect(error.fieldErrors.allowDuet).toEqual([
      "Invalid platform params for tiktok: disable_duet",
    ]);
    expect(error.message).toMatch(/kept as a draft.*Something Postproxy says about the account/);
    expect(error.fieldErrors.postId).toBeUndefined();
    const postId = error.meta.postId;
    const view = await getPostView(owner, postId);
    expect(view.status).toBe("draft");
    expect(view.caption).toBe(values.caption);
    expect(view.media.map((m) => m.id)).toEqual([videoId]);
    for (const target of view.targets) {
      expect(target).toMatchObject({ status: "failed", needsEdit: true, canRetry: false });
      expect(target.error).toMatch(/^Postproxy refused this post: .*Fix it in the composer/);
    }
    const draft = await getComposeDraft(owner, postId);
    expect(draft.lockedProfileIds).toEqual([]);

    const before = await sandboxPostCount(env.sandbox);
    const client = await fastClient(env.sandbox, owner);
    const sent = await submitPost(owner, draftSchema.parse(draft.values), {
      client,
      loadProfiles: async () => profiles,
    });
    expect(sent.postId).toBe(postId);
    expect(await sandboxPostCount(env.sandbox)).toBe(before + 2);
    const rows = await env.db
      .select({ revision: postTargets.revision, status: postTargets.status })
      .from(postTargets)
      .where(eq(postTargets.postId, postId));
    expect(rows.map((r) => r.revision)).toEqual([1, 1]);

    // Status sync: published once the sandbox publishes, never before, and never backwards.
    await syncWorkspaceTargets(owner, { minIntervalMs: 0 }, { client });
    expect((await getPostView(owner, postId)).targets.map((x) => x.status)).toEqual([
      "scheduled",
      "scheduled",
    ]);
    await env.sandbox.advance(3 * 3600);
    await syncWorkspaceTargets(owner, { minIntervalMs: 60_000 }, { client });
    const throttled = await getPostView(owner, postId);
    expect(throttled.targets.every((x) => x.status !== "published")).toBe(true);
    await syncWorkspaceTargets(owner, { minIntervalMs: 0 }, { client });
    const done = await getPostView(owner, postId);
    expect(done.targets.map((x) => x.status)).toEqual(["published", "published"]);
    expect(done).toMatchObject({ status: "published", isFinal: true });
    expect(done.targets[0].publishedAt).not.toBeNull();
  });

  it("a sync with Postproxy down changes nothing", async () => {
    const values = draftSchema.parse(videoPost(owner, videoId));
    const client = await fastClient(env.sandbox, owner);
    const { postId } = await submitPost(owner, values, {
      client,
      loadProfiles: async () => profiles,
    });
    const before = await getPostView(owner, postId);
    const down = refusingClient([]);
    let calls = 0;
    (down.posts as unknown as { get: () => Promise<never> }).get = async () => {
      calls += 1;
      throw new PostproxyError({
        kind: "network",
        message: "down",
        endpoint: "GET /api/posts/x",
        host: "h",
      });
    };
    await syncWorkspaceTargets(owner, { minIntervalMs: 0 }, { client: down });
    expect(calls).toBeGreaterThan(0);
    const after = await getPostView(owner, postId);
    expect(after.targets.map((x) => x.status)).toEqual(before.targets.map((x) => x.status));
    expect(after.status).toBe(before.status);
  });
});
