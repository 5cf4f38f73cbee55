import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { posts, postTargets } from "@/lib/db/schema";
import { defaultTikTokSettings } from "@/lib/tiktok";
import { createTestDatabase, type TestDatabase } from "@/lib/test/db";
import { addMember, makeOwner } from "@/lib/test/factories";
import type { TargetStatus } from "@/lib/validation/post-view";
import type { WorkspaceCtx } from "./context";
import { getHomePosts } from "./home";

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

describe("getHomePosts", () => {
  it("says a fresh workspace has sent nothing and lists nothing", async () => {
    const ctx = await makeOwner(t.db, "Fresh Owner");
    await makePost(ctx, "Only a draft", "draft", []);
    expect(await getHomePosts(ctx, { now })).toEqual({
      hasSentPost: false,
      comingUp: [],
      needsAttention: [],
    });
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
    expect(home.hasSentPost).toBe(true);
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
