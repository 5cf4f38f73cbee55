// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceCtx } from "@/lib/data/context";
import { posts, postTargets } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/test/db";
import { addMember, insertMirroredGroup, makeOwner } from "@/lib/test/factories";
import { createComposeDefaults, draftSchema } from "@/lib/validation/post";
import { mediaRow } from "../publishing/test-support/setup";
import { getMedia } from "./media";
import { listPostsPage } from "./posts-list";
import {
  deleteDraft,
  getComposeDraft,
  getPostView,
  listProfilePostTimes,
  saveDraft,
} from "./posts";

let t: TestDatabase;
let owner: WorkspaceCtx;
let outsider: WorkspaceCtx;

beforeAll(async () => {
  t = await createTestDatabase();
  owner = await makeOwner(t.db, "Drafter");
  outsider = await makeOwner(t.db, "Outsider");
});
afterAll(async () => {
  await t?.close();
});

const draft = (ctx: WorkspaceCtx, extra: Record<string, unknown> = {}) =>
  draftSchema.parse({ ...createComposeDefaults(ctx.workspaceId, "Europe/Paris"), ...extra });

describe("drafts", () => {
  it("autosave creates, then updates the same draft, and reopens it as typed", async () => {
    const video = await mediaRow(owner, t.db, { kind: "video" });
    const created = await saveDraft(owner, draft(owner, { caption: "first" }));
    expect(created.postId).toMatch(/^[0-9a-f-]{36}$/);
    const typed = {
      postId: created.postId,
      caption: "second line\nwith #tag",
      profileIds: ["prof_acme_tiktok"],
      media: [{ id: video, kind: "video" }],
      privacy: "SELF_ONLY",
      allowComments: true,
      schedule: { mode: "schedule", at: "2031-05-01T09:30", timeZone: "Europe/Paris" },
    };
    const updated = await saveDraft(owner, draft(owner, typed));
    expect(updated.postId).toBe(created.postId);
    const reopened = await getComposeDraft(owner, created.postId);
    expect(reopened.values).toMatchObject({ ...typed, allowDuet: false });
    expect(reopened.media.map((m) => m.id)).toEqual([video]);
    expect(reopened.lockedProfileIds).toEqual([]);
    const view = await getPostView(owner, created.postId);
    expect(view).toMatchObject({ status: "draft", format: "video", isFinal: true });
    expect(view.scheduledAt).toBe("2031-05-01T07:30:00.000Z");
    // The draft's file is in use: the cleanup of never-used uploads leaves it alone.
    expect((await getMedia(owner, video)).id).toBe(video);
  });

  it("a draft submitted meanwhile is a conflict, never overwritten", async () => {
    const { postId } = await saveDraft(owner, draft(owner, { caption: "kept" }));
    await t.db.update(posts).set({ status: "scheduled" }).where(eq(posts.id, postId));
    await expect(
      saveDraft(owner, draft(owner, { postId, caption: "late autosave" })),
    ).rejects.toMatchObject({ code: "conflict" });
    expect((await getPostView(owner, postId)).caption).toBe("kept");
    await expect(deleteDraft(owner, postId)).rejects.toMatchObject({ code: "conflict" });
  });

  it("another workspace's draft is not found for every read and write, and viewers cannot write", async () => {
    const { postId } = await saveDraft(owner, draft(owner, { caption: "private" }));
    await expect(saveDraft(outsider, draft(outsider, { postId }))).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(getComposeDraft(outsider, postId)).rejects.toMatchObject({ code: "not_found" });
    await expect(getPostView(outsider, postId)).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteDraft(outsider, postId)).rejects.toMatchObject({ code: "not_found" });
    for (const tab of ["drafts", "posts"] as const)
      expect(
        (await listPostsPage(outsider, { tab }, { limit: 100 })).items.map((i) => i.id),
      ).not.toContain(postId);
    const viewer = await addMember(owner, "viewer");
    await expect(saveDraft(viewer.ctx, draft(owner, { postId }))).rejects.toMatchObject({
      code: "forbidden",
    });
    expect((await getPostView(viewer.ctx, postId)).caption).toBe("private");
    // Another workspace's file in a draft is kept as typed but never shown or attached.
    const theirs = await mediaRow(outsider, t.db, { kind: "video" });
    const saved = await saveDraft(owner, draft(owner, { media: [{ id: theirs, kind: "video" }] }));
    expect((await getComposeDraft(owner, saved.postId)).media).toEqual([]);
  });

  it("deletes a draft", async () => {
    const { postId } = await saveDraft(owner, draft(owner));
    expect(await deleteDraft(owner, postId)).toEqual({ id: postId });
    await expect(getPostView(owner, postId)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("post lists", () => {
  it("lists drafts in their own tab, last edited first, page by page, apart from sent posts", async () => {
    const ws = await makeOwner(t.db, "Lister");
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await saveDraft(ws, draft(ws, { caption: `d${i}` }))).postId);
    await t.db.update(posts).set({ status: "scheduled" }).where(eq(posts.id, ids[0]));
    await t.db.update(posts).set({ status: "published" }).where(eq(posts.id, ids[1]));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listPostsPage(ws, { tab: "drafts" }, { limit: 2, cursor });
      seen.push(...page.items.map((i) => i.caption));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(["d4", "d3", "d2"]);
    const sent = await listPostsPage(ws, { tab: "posts" });
    expect(sent.items.map((i) => i.caption).sort()).toEqual(["d0", "d1"]);
    const published = await listPostsPage(ws, { tab: "posts", status: "published" });
    expect(published.items.map((i) => i.caption)).toEqual(["d1"]);
  });

  it("gives each profile's scheduled and published times for the daily cap", async () => {
    const ws = await makeOwner(t.db, "Capper");
    const { postId } = await saveDraft(ws, draft(ws));
    const soon = new Date(Date.now() + 3_600_000);
    await t.db.insert(postTargets).values([
      {
        workspaceId: ws.workspaceId,
        postId,
        profileId: "prof_a",
        profileName: "A",
        status: "scheduled",
        scheduledAt: soon,
      },
      {
        workspaceId: ws.workspaceId,
        postId,
        profileId: "prof_b",
        profileName: "B",
        status: "failed",
        scheduledAt: soon,
      },
    ]);
    expect(await listProfilePostTimes(ws, ["prof_a", "prof_b"])).toEqual({
      prof_a: [soon.toISOString()],
      prof_b: [],
    });
    expect(await listProfilePostTimes(outsider, ["prof_a"])).toEqual({ prof_a: [] });
  });

  it("the post page flags a profile whose connection is gone while the post is still to go out", async () => {
    const { postId } = await saveDraft(owner, draft(owner, { caption: "at risk" }));
    await t.db.update(posts).set({ status: "scheduled" }).where(eq(posts.id, postId));
    await insertMirroredGroup(owner, "grp_r", {
      prof_gone: { name: "@gone", status: "expired" },
      prof_fine: { name: "@fine", status: "active" },
    });
    for (const [profileId, status] of [
      ["prof_gone", "scheduled"],
      ["prof_fine", "scheduled"],
    ] as const)
      await t.db.insert(postTargets).values({
        workspaceId: owner.workspaceId,
        postId,
        profileId,
        profileName: profileId,
        status,
      });
    const view = await getPostView(owner, postId);
    const flags = Object.fromEntries(
      view.targets.map((x) => [x.profileId, x.profileNeedsReconnect]),
    );
    expect(flags).toEqual({ prof_gone: true, prof_fine: false });
    await t.db
      .update(postTargets)
      .set({ status: "published" })
      .where(eq(postTargets.postId, postId));
    expect((await getPostView(owner, postId)).targets.every((x) => !x.profileNeedsReconnect)).toBe(
      true,
    );
  });
});
