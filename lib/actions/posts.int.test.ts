// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { env, setUpPublishingEnv } from "@/lib/publishing/test-support/env";
import { testSession } from "@/lib/test/session";
import type { WorkspaceCtx } from "@/lib/data/context";
import { addMember, makeOwner } from "@/lib/test/factories";
import type { ComposePostFormValues } from "@/lib/validation/post";
import {
  connectSandbox,
  mediaRow,
  sandboxPostCount,
  storeFixture,
  videoPost,
} from "../publishing/test-support/setup";

// vi.mock is hoisted per file, so each file names its mocks; the factories are shared.
vi.mock("@/lib/auth/session", async () => (await import("@/lib/test/session")).sessionModule);
vi.mock("@/lib/media/server/storage", async (orig) =>
  (await import("@/lib/publishing/test-support/env")).storageModule(orig),
);
vi.mock("@/lib/integrations/postproxy", async (orig) =>
  (await import("@/lib/publishing/test-support/env")).postproxyModule(orig),
);

setUpPublishingEnv("posts");

const { submitPostAction, saveDraftAction, retryTargetAction } = await import("./posts");
const { getPostView, getComposeDraft } = await import("@/lib/data/posts");
const { syncWorkspaceTargets } = await import("@/lib/publishing/sync");

let owner: WorkspaceCtx;
let other: WorkspaceCtx;
let videoId: string;
let photoIds: string[];

beforeAll(async () => {
  owner = await makeOwner(env.db, "Poster");
  other = await makeOwner(env.db, "Other Agency");
  await connectSandbox(owner, env.sandbox);
  await connectSandbox(other, env.sandbox);
  videoId = await storeFixture(
    owner,
    env.db,
    env.storage,
    "video-valid-720x1280.mp4",
    "launch.mp4",
  );
  photoIds = [
    await storeFixture(owner, env.db, env.storage, "photo-1-720x900.jpg"),
    await storeFixture(owner, env.db, env.storage, "photo-2-720x900.jpg"),
  ];
});
beforeEach(() => {
  testSession.user = owner.user;
});

async function inFuture(minutes: number): Promise<string> {
  return (await env.sandbox.inMinutes(minutes)).slice(0, 16);
}

/** Submits a crafted request and checks it was refused at `field` with nothing sent. */
async function expectRefused(
  values: ComposePostFormValues,
  field: string,
  message: string | RegExp,
) {
  const before = await sandboxPostCount(env.sandbox);
  const result = await submitPostAction(values);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.code).toBe("invalid_input");
  const messages = result.fieldErrors?.[field] ?? [];
  expect(
    messages.some((m) => (typeof message === "string" ? m === message : message.test(m))),
  ).toBe(true);
  expect(await sandboxPostCount(env.sandbox)).toBe(before);
}

const photoPost = (ids: string[], overrides: Partial<ComposePostFormValues> = {}) =>
  videoPost(owner, ids[0], {
    media: ids.map((id) => ({ id, kind: "image" as const })),
    coverIndex: 0,
    ...overrides,
  });

describe("submitPostAction refuses crafted requests at their field, sending nothing", () => {
  it("36 images", async () => {
    const ids = await Promise.all(
      Array.from({ length: 36 }, () => mediaRow(owner, env.db, { kind: "image" })),
    );
    await expectRefused(
      photoPost(ids),
      "media",
      "A photo post takes at most 35 photos (36 chosen)",
    );
  });

  it("a video and an image together, even when the client claims both are videos", async () => {
    await expectRefused(
      videoPost(owner, videoId, {
        media: [
          { id: videoId, kind: "video" },
          { id: photoIds[0], kind: "video" },
        ],
      }),
      "media",
      "A post holds either one video or photos, not both.",
    );
  });

  it("a cover index equal to the image count", async () => {
    await expectRefused(
      photoPost(photoIds, { coverIndex: 2 }),
      "coverIndex",
      "Choose the cover among the post's 2 photos (number 1 to 2).",
    );
  });

  it("duet, stitch or made_with_ai on a photo post", async () => {
    await expectRefused(
      photoPost(photoIds, { allowDuet: true }),
      "allowDuet",
      "Duet is only for video posts.",
    );
    await expectRefused(
      photoPost(photoIds, { allowStitch: true }),
      "allowStitch",
      "Stitch is only for video posts.",
    );
    await expectRefused(
      photoPost(photoIds, { madeWithAi: true }),
      "madeWithAi",
      "AI-generated content is only for video posts.",
    );
  });

  it("auto_add_music or photo_cover_index on a video post", async () => {
    await expectRefused(
      videoPost(owner, videoId, { autoAddMusic: true }),
      "autoAddMusic",
      "Adding music automatically is only for photo posts.",
    );
    await expectRefused(
      videoPost(owner, videoId, { coverIndex: 0 }),
      "coverIndex",
      "A cover photo is only for photo posts.",
    );
  });

  it("Branded content with Only me", async () => {
    await expectRefused(
      videoPost(owner, videoId, {
        discloseContent: true,
        brandedContent: true,
        privacy: "SELF_ONLY",
      }),
      "privacy",
      "Branded content visibility cannot be set to private.",
    );
  });

  it("disclosure on with nothing ticked", async () => {
    await expectRefused(
      videoPost(owner, videoId, { discloseContent: true }),
      "discloseContent",
      "You need to indicate if your content promotes yourself, a third party, or both.",
    );
  });

  it("no privacy", async () => {
    await expectRefused(
      videoPost(owner, videoId, { privacy: null }),
      "privacy",
      "Choose who can see this post.",
    );
  });

  it("public privacy on an unaudited workspace", async () => {
    const { updateWorkspaceSettings } = await import("@/lib/data/workspaces");
    const ws = await makeOwner(env.db, "Unaudited");
    await connectSandbox(ws, env.sandbox);
    await updateWorkspaceSettings(ws, {
      name: "Unaudited",
      timezone: "UTC",
      tiktokAuditStatus: "unaudited",
    });
    const media = await mediaRow(ws, env.db, { kind: "video" });
    testSession.user = ws.user;
    await expectRefused(
      videoPost(ws, media, { privacy: "PUBLIC_TO_EVERYONE" }),
      "privacy",
      /unaudited/,
    );
  });

  it("a schedule in the past", async () => {
    await expectRefused(
      videoPost(owner, videoId, {
        schedule: { mode: "schedule", at: "2020-01-01T10:00", timeZone: "UTC" },
      }),
      "schedule.at",
      "Choose a time in the future.",
    );
  });

  it("an expired profile", async () => {
    await expectRefused(
      videoPost(owner, videoId, { profileIds: ["prof_acme_tiktok", "prof_northwind_tiktok_old"] }),
      "profileIds.1",
      /expired/,
    );
  });

  it("another workspace's media id and profile id", async () => {
    const theirs = await mediaRow(other, env.db, { kind: "video" });
    await expectRefused(
      videoPost(owner, theirs),
      "media.0",
      "This file is not in your workspace's media library. Remove it and add it again.",
    );
    await expectRefused(
      videoPost(owner, videoId, { profileIds: ["prof_acme_tiktok", "prof_someone_else"] }),
      "profileIds.1",
      /not one of your workspace's TikTok profiles/,
    );
  });

  it("media whose probe failed: a PNG named .mp4, a 2 s video, a 640×360 video", async () => {
    const png = await storeFixture(owner, env.db, env.storage, "png-named-video.mp4");
    await expectRefused(
      videoPost(owner, png),
      "media.0",
      /PNG photo|convert it to JPEG|image\/png/,
    );
    const short = await storeFixture(owner, env.db, env.storage, "video-2s-720x1280.mp4");
    await expectRefused(videoPost(owner, short), "media.0", /TikTok needs at least 3 s/);
    const small = await storeFixture(owner, env.db, env.storage, "video-small-640x360.mp4");
    await expectRefused(videoPost(owner, small), "media.0", /at least 720×1280/);
  });

  it("a caption of 2,201 UTF-16 units made of emoji", async () => {
    const caption = "😀".repeat(1100) + "a";
    expect(caption.length).toBe(2201);
    await expectRefused(
      videoPost(owner, videoId, { caption }),
      "caption",
      /at most 2,200 characters/,
    );
  });

  it("a viewer is forbidden, and another workspace's post id is not found", async () => {
    const viewer = await addMember(owner, "viewer");
    testSession.user = viewer.user;
    const before = await sandboxPostCount(env.sandbox);
    expect(await submitPostAction(videoPost(owner, videoId))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    testSession.user = other.user;
    const theirDraft = await saveDraftAction({
      ...videoPost(other, await mediaRow(other, env.db, { kind: "video" })),
    });
    expect(theirDraft.ok).toBe(true);
    testSession.user = owner.user;
    const postId = theirDraft.ok ? theirDraft.data.postId : "";
    expect(await submitPostAction(videoPost(owner, videoId, { postId }))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await sandboxPostCount(env.sandbox)).toBe(before);
  });
});

describe("submitPostAction sends one Postproxy post per profile", () => {
  it("schedules a video post with exactly the video params, multipart from storage", async () => {
    const at = await inFuture(120);
    const result = await submitPostAction(
      videoPost(owner, videoId, { schedule: { mode: "schedule", at, timeZone: "UTC" } }),
    );
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const view = await getPostView(owner, result.data.postId);
    expect(view.status).toBe("scheduled");
    expect(view.targets).toHaveLength(1);
    const [target] = view.targets;
    expect(target).toMatchObject({
      status: "scheduled",
      profileName: expect.any(String),
      error: null,
    });
    const sent = await env.sandbox.get(`/api/posts/${target.postproxyPostId}`);
    expect(sent.status).toBe(200);
    expect(sent.body.body).toBe("Launch day #coffee");
    expect(sent.body.scheduled_at).toBe(new Date(`${at}:00Z`).toISOString());
    expect(sent.body.platforms[0].params).toEqual({
      format: "video",
      privacy_status: "SELF_ONLY",
      disable_comment: false,
      brand_organic_toggle: false,
      brand_content_toggle: false,
      disable_duet: true,
      disable_stitch: true,
      made_with_ai: false,
    });
    expect(sent.body.media).toHaveLength(1);
  });

  it("sends a photo post with its cover index and photo params only", async () => {
    const result = await submitPostAction(
      photoPost(photoIds, { coverIndex: 1, autoAddMusic: true }),
    );
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const view = await getPostView(owner, result.data.postId);
    const sent = await env.sandbox.get(`/api/posts/${view.targets[0].postproxyPostId}`);
    expect(sent.body.platforms[0].params).toEqual({
      format: "image",
      privacy_status: "SELF_ONLY",
      disable_comment: false,
      brand_organic_toggle: false,
      brand_content_toggle: false,
      photo_cover_index: 1,
      auto_add_music: true,
    });
    expect(sent.body.media).toHaveLength(2);
    expect(view.media.map((m) => m.id)).toEqual(photoIds);
  });

  it("creates one Postproxy post per profile, each in its own profile group", async () => {
    const before = await sandboxPostCount(env.sandbox);
    const result = await submitPostAction(
      videoPost(owner, videoId, { profileIds: ["prof_acme_tiktok", "prof_northwind_tiktok"] }),
    );
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(await sandboxPostCount(env.sandbox)).toBe(before + 2);
    const view = await getPostView(owner, result.data.postId);
    expect(view.targets.map((x) => x.profileId).sort()).toEqual([
      "prof_acme_tiktok",
      "prof_northwind_tiktok",
    ]);
    expect(new Set(view.targets.map((x) => x.postproxyPostId)).size).toBe(2);
  });

  it("one accepted and one refused on TikTok: per-target states; the refused one is fixed and resent as revision 1", async () => {
    await env.sandbox.post(
      "/__sandbox/profiles/prof_northwind_tiktok/unaudited",
      { unaudited: true },
      { key: null },
    );
    try {
      const values = videoPost(owner, videoId, {
        profileIds: ["prof_acme_tiktok", "prof_northwind_tiktok"],
        privacy: "FOLLOWER_OF_CREATOR",
      });
      const result = await submitPostAction(values);
      expect(result).toMatchObject({ ok: true });
      if (!result.ok) return;
      const postId = result.data.postId;
      await env.sandbox.advance(600);
      await syncWorkspaceTargets(owner, { minIntervalMs: 0 });
      let view = await getPostView(owner, postId);
      const acme = view.targets.find((x) => x.profileId === "prof_acme_tiktok")!;
      const north = view.targets.find((x) => x.profileId === "prof_northwind_tiktok")!;
      expect(acme.status).toBe("published");
      expect(north).toMatchObject({ status: "failed", needsEdit: true, canRetry: false });
      expect(north.error).toMatch(/unaudited/);
      expect(view.status).toBe("partially_published");

      // A sent post never reopens in the composer's create path, and a stale composer (the
      // Back button) cannot change it: nothing is sent, nothing is written.
      const reopened = await getComposeDraft(owner, postId).catch((e) => e);
      expect(reopened).toMatchObject({ code: "conflict", meta: { postId } });
      const before = await sandboxPostCount(env.sandbox);
      const stale = await submitPostAction({
        ...values,
        postId,
        caption: "Changed after it was sent",
        privacy: "SELF_ONLY",
      });
      expect(stale).toMatchObject({ ok: false, code: "conflict" });
      expect(await sandboxPostCount(env.sandbox)).toBe(before);
      view = await getPostView(owner, postId);
      expect(view.caption).toBe(values.caption);
      expect(view.targets.find((x) => x.profileId === "prof_acme_tiktok")).toMatchObject({
        status: "published",
        postproxyPostId: acme.postproxyPostId,
      });
    } finally {
      await env.sandbox.post(
        "/__sandbox/profiles/prof_northwind_tiktok/unaudited",
        { unaudited: false },
        { key: null },
      );
    }
  });

  it("a send whose answer never came is unknown, never retried by hand, and replayed by sync under its key", async () => {
    const start = await sandboxPostCount(env.sandbox);
    await env.sandbox.faults({ hangPaths: ["POST /api/posts*"] });
    let postId = "";
    try {
      const result = await submitPostAction(videoPost(owner, videoId));
      expect(result).toMatchObject({
        ok: true,
        data: { accepted: [], checking: [expect.any(String)], notTaken: [] },
      });
      if (!result.ok) return;
      postId = result.data.postId;
    } finally {
      await env.sandbox.faults({ hangPaths: [] });
    }
    const view = await getPostView(owner, postId);
    expect(view.targets[0]).toMatchObject({ status: "unknown", canRetry: false, needsEdit: false });
    expect(view.targets[0].error).toMatch(/Checking with Postproxy/);
    expect(
      await retryTargetAction({
        workspaceId: owner.workspaceId,
        postId,
        targetId: view.targets[0].id,
      }),
    ).toMatchObject({ ok: false, code: "conflict" });
    await syncWorkspaceTargets(owner, { minIntervalMs: 0 });
    const resolved = await getPostView(owner, postId);
    expect(["processing", "published", "scheduled"]).toContain(resolved.targets[0].status);
    expect(resolved.targets[0].postproxyPostId).not.toBeNull();
    expect(await sandboxPostCount(env.sandbox)).toBe(start + 1);
  });
});
