import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { importedPosts, posts, postTargets, workspaces } from "@/lib/db/schema";
import { defaultTikTokSettings } from "@/lib/tiktok";
import { createTestDatabase, type TestDatabase } from "@/lib/test/db";
import { addMember, makeOwner } from "@/lib/test/factories";
import type { TargetStatus } from "@/lib/validation/post-view";
import type { WorkspaceCtx } from "./context";
import { getHomePosts, getHomeSetup } from "./home";
import { createInvite } from "./invites";
import { saveProfileMirror } from "./profiles";

let t: TestDatabase;
const now = new Date("2026-11-25T12:00:00Z");
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

async function makePost(
  ctx: WorkspaceCtx,
  caption: string,
  status: "draft" | "scheduled" | "failed" | "published",
  targets: { profile: string; status: TargetStatus; at?: Date; updatedAt?: Date; error?: string }[],
) {
  const [post] = await t.db
    .insert(posts)
    .values({ workspaceId: ctx.workspaceId, caption, status, settings: defaultTikTokSettings })
    .returning({ id: posts.id });
  for (const target of targets)
    await t.db.insert(postTargets).values({
      workspaceId: ctx.workspaceId,
      postId: post.id,
      profileId: target.profile,
      profileName: `@${target.profile}`,
      status: target.status,
      scheduledAt: target.at ?? null,
      error: target.error ?? null,
      updatedAt: target.updatedAt ?? now,
    });
  return post.id;
}

const profile = (postproxyId: string, platform: string, status: string) => ({
  postproxyId,
  platform,
  name: postproxyId,
  username: null,
  avatarUrl: null,
  status,
  expiresAt: null,
  postCount: null,
});

describe("getHomeSetup", () => {
  it("says what a fresh workspace lacks", async () => {
    const ctx = await makeOwner(t.db, "Fresh Setup");
    await makePost(ctx, "Only a draft", "draft", []);
    expect(await getHomeSetup(ctx, now)).toMatchObject({
      hasApiKey: false,
      auditStatus: "unknown",
      mirror: { hasKey: false, isLoaded: false },
      activeTikTokProfiles: null,
      expiredTikTokProfiles: 0,
      memberCount: 1,
      pendingInvites: 0,
      hasSentPost: false,
    });
  });

  it("counts members, open invites (for owners only), mirrored TikTok profiles and sent posts", async () => {
    const ctx = await makeOwner(t.db, "Setup Owner");
    const editor = await addMember(ctx, "editor");
    await createInvite(ctx, "viewer", now);
    await createInvite(ctx, "editor", new Date(now.getTime() - 365 * 24 * 3_600_000));
    await t.db
      .update(workspaces)
      .set({
        postproxyKeyCiphertext: "sealed",
        postproxyKeyLast4: "abcd",
        postproxyKeyUpdatedAt: now,
      })
      .where(eq(workspaces.id, ctx.workspaceId));
    expect((await getHomeSetup(ctx, now)).activeTikTokProfiles).toBeNull();
    await saveProfileMirror(
      ctx,
      [
        {
          postproxyId: "g1",
          name: "Brand",
          profiles: [
            profile("p1", "tiktok", "active"),
            profile("p2", "tiktok", "expired"),
            profile("p3", "tiktok", "active"),
            profile("p4", "instagram", "active"),
          ],
        },
      ],
      new Date(now.getTime() + 1000),
    );
    const imported = await makePost(ctx, "Made elsewhere", "published", []);
    await t.db
      .insert(importedPosts)
      .values({ workspaceId: ctx.workspaceId, postproxyPostId: "pp-1", postId: imported });
    expect((await getHomeSetup(ctx, now)).hasSentPost).toBe(false);
    await makePost(ctx, "Ours", "scheduled", []);
    const owner = await getHomeSetup(ctx, new Date(now.getTime() + 2000));
    expect(owner).toMatchObject({
      workspaceName: expect.any(String),
      hasApiKey: true,
      mirror: { hasKey: true, isLoaded: true, isStale: false },
      activeTikTokProfiles: 2,
      expiredTikTokProfiles: 1,
      memberCount: 2,
      pendingInvites: 1,
      hasSentPost: true,
    });
    expect((await getHomeSetup(editor.ctx, now)).pendingInvites).toBe(0);
    expect((await getHomeSetup(await makeOwner(t.db, "Other Setup"), now)).memberCount).toBe(1);
  });
});

describe("getHomePosts", () => {
  it("lists nothing for a workspace with drafts only", async () => {
    const ctx = await makeOwner(t.db, "Fresh Owner");
    await makePost(ctx, "Only a draft", "draft", []);
    expect(await getHomePosts(ctx, { now })).toEqual({ comingUp: [], needsAttention: [] });
  });

  it("lists the next scheduled targets soonest first and recent failures newest first", async () => {
    const ctx = await makeOwner(t.db, "Busy Owner");
    await makePost(ctx, "Later", "scheduled", [
      { profile: "a", status: "scheduled", at: hours(30) },
    ]);
    const soon = await makePost(ctx, "Soon", "scheduled", [
      { profile: "a", status: "scheduled", at: hours(2) },
      { profile: "b", status: "scheduled", at: hours(3) },
    ]);
    await makePost(ctx, "Past", "scheduled", [
      { profile: "a", status: "scheduled", at: hours(-1) },
    ]);
    const failed = await makePost(ctx, "Broke", "failed", [
      { profile: "a", status: "failed", error: "TikTok refused it.", updatedAt: hours(-1) },
    ]);
    await makePost(ctx, "Old failure", "failed", [
      { profile: "a", status: "failed", updatedAt: hours(-24 * 20) },
    ]);
    await makePost(ctx, "Fine", "published", [{ profile: "a", status: "published" }]);

    const home = await getHomePosts(ctx, { now, limit: 2 });
    expect(home.comingUp.map((c) => [c.caption, c.profileName])).toEqual([
      ["Soon", "@a"],
      ["Soon", "@b"],
    ]);
    expect(home.comingUp[0]).toMatchObject({ postId: soon, at: hours(2).toISOString() });
    expect(home.needsAttention).toEqual([
      expect.objectContaining({ postId: failed, caption: "Broke", error: "TikTok refused it." }),
    ]);
  });

  it("shows a viewer the workspace's lists and nothing of another workspace", async () => {
    const ctx = await makeOwner(t.db, "Owner A");
    await makePost(ctx, "Ours", "scheduled", [{ profile: "a", status: "scheduled", at: hours(5) }]);
    const other = await makeOwner(t.db, "Owner B");
    await makePost(other, "Theirs", "failed", [{ profile: "x", status: "failed" }]);
    const viewer = await addMember(ctx, "viewer");
    const home = await getHomePosts(viewer.ctx, { now });
    expect(home.comingUp.map((c) => c.caption)).toEqual(["Ours"]);
    expect(home.needsAttention).toEqual([]);
    expect((await getHomePosts(other, { now })).comingUp).toEqual([]);
  });
});
