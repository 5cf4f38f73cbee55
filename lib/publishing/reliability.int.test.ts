import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { env, setUpPublishingEnv } from "@/lib/publishing/test-support/env";
import type { WorkspaceCtx } from "@/lib/data/context";
import { posts } from "@/lib/db/schema";
import { resetEnvForTests } from "@/lib/env";
import type { ComposeProfiles } from "@/lib/integrations/tiktok-profiles";
import { makeOwner } from "@/lib/test/factories";
import { draftSchema } from "@/lib/validation/post";
import { startMediaServer } from "./test-support/media-server";
import { connectSandbox, sandboxPostCount, storeFixture, videoPost } from "./test-support/setup";

vi.mock("@/lib/media/server/storage", async (orig) =>
  (await import("@/lib/publishing/test-support/env")).storageModule(orig),
);
vi.mock("@/lib/integrations/postproxy", async (orig) =>
  (await import("@/lib/publishing/test-support/env")).postproxyModule(orig),
);

setUpPublishingEnv("reliability");

const { submitPost, retryTarget } = await import("./submit");
const { syncWorkspaceTargets } = await import("./sync");
const { getPostView } = await import("@/lib/data/posts");
const { listComposeProfiles } = await import("@/lib/integrations/tiktok-profiles");

let owner: WorkspaceCtx;
let profiles: ComposeProfiles;
let mediaServer: Awaited<ReturnType<typeof startMediaServer>> | null = null;

beforeAll(async () => {
  owner = await makeOwner(env.db, "Reliable");
  await connectSandbox(owner, env.sandbox);
  profiles = await listComposeProfiles(owner);
});
afterAll(async () => {
  delete process.env.PUBLIC_BASE_URL;
  resetEnvForTests();
  await mediaServer?.close();
});

const faults: Record<string, unknown>[] = [
  { hangNext: { count: 1, afterHandling: true } },
  { failNext: { count: 2, status: 503 } },
  { rateLimitNext: { count: 1, retryAfter: 1 } },
  { failNext: { count: 1, status: 502, afterHandling: true } },
  { hangNext: { count: 1 } },
];

async function runTrials(label: string, count: number, mediaId: string) {
  const profileIds = ["prof_acme_tiktok", "prof_northwind_tiktok"];
  const at = (await env.sandbox.inMinutes(24 * 60)).slice(0, 16);
  for (let trial = 0; trial < count; trial++) {
    const before = await sandboxPostCount(env.sandbox);
    await env.sandbox.faults({ ...faults[trial % faults.length] });
    const values = videoPost(owner, mediaId, {
      profileIds,
      caption: `${label} trial ${trial}`,
      schedule: { mode: "schedule", at, timeZone: "UTC" },
    });
    const { postId } = await submitPost(owner, draftSchema.parse(values), {
      loadProfiles: async () => profiles,
    });
    await env.sandbox.faults({ hangNext: 0, failNext: 0, rateLimitNext: 0 });
    let view = await getPostView(owner, postId);
    // Every target ends clearly: taken; refused with a safe retry (a new revision: Postproxy
    // holds nothing); or unknown, which the sync replays under the same key by itself.
    for (const target of view.targets) {
      expect(["scheduled", "failed", "unknown"]).toContain(target.status);
      if (target.status === "failed") {
        expect(target).toMatchObject({ canRetry: true, needsEdit: false });
        expect(target.error).toMatch(/Retry/);
        await retryTarget(owner, { postId, targetId: target.id });
      }
      if (target.status === "unknown") {
        expect(target.canRetry).toBe(false);
        await syncWorkspaceTargets(owner, { minIntervalMs: 0 });
      }
    }
    view = await getPostView(owner, postId);
    expect(view.caption).toBe(`${label} trial ${trial}`);
    expect(view.targets.map((x) => x.status)).toEqual(["scheduled", "scheduled"]);
    expect(view.status).toBe("scheduled");
    const ids = view.targets.map((x) => x.postproxyPostId);
    expect(new Set(ids).size).toBe(2);
    expect(await sandboxPostCount(env.sandbox)).toBe(before + 2);
    for (const [i, id] of ids.entries()) {
      const stored = await env.sandbox.get(`/api/posts/${id}`, {
        query: { profile_group_id: i === 0 ? "grp_acme" : "grp_northwind" },
      });
      expect(stored.status).toBe(200);
    }
  }
}

// The trials exercise the client, the sandbox and the idempotency keys, not the driver: when the
// run has PostgreSQL (CI), they run there once instead of on both databases (≈30 s of CPU).
const isCoveredByPostgres =
  process.env.TEST_DB_DRIVER === "pglite" && Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(isCoveredByPostgres)("submitting under Postproxy faults", () => {
  it("25 trials streamed as multipart: one sandbox post per profile, a clear state, the post intact", async () => {
    const video = await storeFixture(owner, env.db, env.storage, "video-valid-720x1280.mp4");
    await runTrials("multipart", 25, video);
  }, 60_000);

  it("25 trials with signed media links: the same", async () => {
    const video = await storeFixture(owner, env.db, env.storage, "video-valid-720x1280.mp4");
    mediaServer = await startMediaServer({
      db: env.db,
      storage: env.storage,
      secret: process.env.NEXTAUTH_SECRET!,
    });
    process.env.PUBLIC_BASE_URL = mediaServer.url;
    resetEnvForTests();
    await runTrials("links", 25, video);
    const view = (await getPostView(owner, (await latestPostId())!)).targets[0];
    const stored = await env.sandbox.get(`/api/posts/${view.postproxyPostId}`, {
      query: { profile_group_id: "grp_acme" },
    });
    expect(stored.body.media[0].source_url).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/api\/media\/.+signature=/,
    );
  }, 60_000);
});

async function latestPostId() {
  // Every trial has the same schedule, so the list's order does not say which came last.
  const [row] = await env.db
    .select({ id: posts.id })
    .from(posts)
    .where(eq(posts.workspaceId, owner.workspaceId))
    .orderBy(desc(posts.createdAt))
    .limit(1);
  return row?.id;
}

// A lost answer past the retry budget: every attempt (the first and the client's 4 retries) gets
// no answer Postdeck can use. The target is `unknown`; only the sync resolves it, by replaying the
// same request under the same Idempotency-Key, and only while a replay cannot hurt.
describe("a lost answer past the retry budget", () => {
  const every = { count: 20 };
  async function submitLost(label: string, fault: Record<string, unknown>, schedule?: string) {
    const video = await storeFixture(owner, env.db, env.storage, "video-valid-720x1280.mp4");
    await env.sandbox.faults(fault);
    const values = videoPost(owner, video, {
      profileIds: ["prof_acme_tiktok", "prof_northwind_tiktok"],
      caption: label,
      ...(schedule
        ? { schedule: { mode: "schedule" as const, at: schedule, timeZone: "UTC" } }
        : {}),
    });
    const { postId } = await submitPost(owner, draftSchema.parse(values), {
      loadProfiles: async () => profiles,
    });
    await env.sandbox.faults({ hangNext: 0, failNext: 0, rateLimitNext: 0 });
    const view = await getPostView(owner, postId);
    expect(view.targets.map((x) => x.status)).toEqual(["unknown", "unknown"]);
    for (const target of view.targets) {
      expect(target.canRetry).toBe(false);
      expect(target.error).toMatch(/Checking with Postproxy/);
    }
    return postId;
  }

  it("taken by Postproxy, answer lost: the sync replays it to the post Postproxy holds, no second post", async () => {
    const before = await sandboxPostCount(env.sandbox);
    const at = (await env.sandbox.inMinutes(24 * 60)).slice(0, 16);
    const postId = await submitLost(
      "lost after handling",
      { failNext: { ...every, status: 500, afterHandling: true } },
      at,
    );
    // Postproxy took each create once; the retries were replays of it under the same key.
    expect(await sandboxPostCount(env.sandbox)).toBe(before + 2);
    await syncWorkspaceTargets(owner, { minIntervalMs: 0 });
    const view = await getPostView(owner, postId);
    expect(view.targets.map((x) => x.status)).toEqual(["scheduled", "scheduled"]);
    expect(view.status).toBe("scheduled");
    expect(await sandboxPostCount(env.sandbox)).toBe(before + 2);
    for (const [i, target] of view.targets.entries()) {
      const stored = await env.sandbox.get(`/api/posts/${target.postproxyPostId}`, {
        query: { profile_group_id: i === 0 ? "grp_acme" : "grp_northwind" },
      });
      expect(stored.status).toBe(200);
      expect(stored.body.body).toBe("lost after handling");
    }
    // A second sync has nothing left to replay.
    await syncWorkspaceTargets(owner, { minIntervalMs: 0 });
    expect(await sandboxPostCount(env.sandbox)).toBe(before + 2);
  }, 30_000);

  it("past the replay window (a scheduled post under 5 minutes ahead): stays unknown, nothing is sent", async () => {
    const before = await sandboxPostCount(env.sandbox);
    const at = (await env.sandbox.inMinutes(24 * 60)).slice(0, 16);
    // Never handled: Postproxy holds nothing, so any replay would create the post.
    const postId = await submitLost(
      "lost, too late to replay",
      {
        failNext: { ...every, status: 503 },
      },
      at,
    );
    expect(await sandboxPostCount(env.sandbox)).toBe(before);
    const fourMinutesBefore = new Date(Date.parse(`${at}:00Z`) - 4 * 60_000);
    await syncWorkspaceTargets(owner, { minIntervalMs: 0 }, { now: () => fourMinutesBefore });
    const view = await getPostView(owner, postId);
    expect(view.targets.map((x) => x.status)).toEqual(["unknown", "unknown"]);
    for (const target of view.targets) expect(target.error).toMatch(/cannot tell/i);
    expect(await sandboxPostCount(env.sandbox)).toBe(before);
    // Later syncs leave it alone too.
    await syncWorkspaceTargets(owner, { minIntervalMs: 0 });
    expect(await sandboxPostCount(env.sandbox)).toBe(before);
    expect((await getPostView(owner, postId)).targets.map((x) => x.status)).toEqual([
      "unknown",
      "unknown",
    ]);
  }, 30_000);

  it("a Publish-now post older than 15 minutes: stays unknown, nothing is sent", async () => {
    const before = await sandboxPostCount(env.sandbox);
    const postId = await submitLost("lost publish now", { failNext: { ...every, status: 503 } });
    const later = new Date(Date.now() + 16 * 60_000);
    await syncWorkspaceTargets(owner, { minIntervalMs: 0 }, { now: () => later });
    const view = await getPostView(owner, postId);
    expect(view.targets.map((x) => x.status)).toEqual(["unknown", "unknown"]);
    expect(await sandboxPostCount(env.sandbox)).toBe(before);
  }, 30_000);
});
