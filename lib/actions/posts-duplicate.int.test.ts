// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { WorkspaceCtx } from "@/lib/data/context";
import { posts, postTargets } from "@/lib/db/schema";
import type { TestDatabase } from "@/lib/test/db";
import { testDatabase } from "@/lib/test/integration";
import { testSession } from "@/lib/test/session";
import { addMember, makeOwner } from "@/lib/test/factories";
import { defaultTikTokSettings } from "@/lib/tiktok/params";
import { mediaRow } from "../publishing/test-support/setup";

let t: TestDatabase;

vi.mock("@/lib/auth/session", async () => (await import("@/lib/test/session")).sessionModule);

const { duplicatePostAction, deleteDraftAction } = await import("./posts");
const { getComposeDraft } = await import("@/lib/data/posts");

let owner: WorkspaceCtx;
let other: WorkspaceCtx;
let published: string;
let videoId: string;

async function count() {
  return (await t.db.select({ id: posts.id }).from(posts)).length;
}

beforeAll(async () => {
  t = await testDatabase();
  owner = await makeOwner(t.db, "Dupe Owner");
  other = await makeOwner(t.db, "Other Agency");
  videoId = await mediaRow(owner, t.db, { kind: "video" });
  const [row] = await t.db
    .insert(posts)
    .values({
      workspaceId: owner.workspaceId,
      status: "published",
      caption: "Launch day #new",
      format: "video",
      settings: { ...defaultTikTokSettings, privacy: "PUBLIC_TO_EVERYONE", allowComments: true },
      profileIds: ["prof_a", "prof_b"],
      media: [{ id: videoId, kind: "video" }],
      scheduleMode: "schedule",
      scheduleAt: "2026-05-01T09:00",
      timeZone: "Europe/Paris",
      scheduledAt: new Date("2026-05-01T07:00:00Z"),
      submittedAt: new Date("2026-04-30T07:00:00Z"),
    })
    .returning({ id: posts.id });
  published = row.id;
  await t.db.insert(postTargets).values({
    workspaceId: owner.workspaceId,
    postId: published,
    profileId: "prof_a",
    profileName: "Acme",
    status: "published",
    postproxyPostId: "pp_1",
  });
});

describe("duplicatePostAction", () => {
  it("makes a new draft of a published post: profiles, media, caption, settings, no schedule", async () => {
    const editor = await addMember(owner, "editor");
    testSession.user = editor.user;
    const result = await duplicatePostAction({ workspaceId: owner.workspaceId, postId: published });
    if (!result.ok) throw new Error(result.message);
    expect(result.data.droppedMedia).toBe(0);
    const copy = await getComposeDraft(owner, result.data.postId);
    expect(copy.postId).not.toBe(published);
    expect(copy.lockedProfileIds).toEqual([]);
    expect(copy.values).toMatchObject({
      profileIds: ["prof_a", "prof_b"],
      media: [{ id: videoId, kind: "video" }],
      caption: "Launch day #new",
      privacy: "PUBLIC_TO_EVERYONE",
      allowComments: true,
      schedule: { mode: "now", timeZone: "Europe/Paris" },
    });
    const [row] = await t.db.select().from(posts).where(eq(posts.id, result.data.postId));
    expect(row).toMatchObject({ status: "draft", scheduledAt: null, submittedAt: null });
    expect(row.createdById).toBe(editor.user.id);
    // The original is untouched.
    const [original] = await t.db.select().from(posts).where(eq(posts.id, published));
    expect(original.status).toBe("published");
  });

  it("refuses a viewer, another workspace's post, a malformed id and no session; nothing is written", async () => {
    const before = await count();
    const viewer = await addMember(owner, "viewer");
    testSession.user = viewer.user;
    expect(
      await duplicatePostAction({ workspaceId: owner.workspaceId, postId: published }),
    ).toMatchObject({ ok: false, code: "forbidden" });
    // The other workspace's owner, naming their own workspace and our post.
    testSession.user = other.user;
    expect(
      await duplicatePostAction({ workspaceId: other.workspaceId, postId: published }),
    ).toMatchObject({ ok: false, code: "not_found" });
    // ... or naming our workspace, which they are not a member of.
    expect(
      await duplicatePostAction({ workspaceId: owner.workspaceId, postId: published }),
    ).toMatchObject({ ok: false, code: "forbidden" });
    expect(
      await duplicatePostAction({ workspaceId: other.workspaceId, postId: "nope" } as never),
    ).toMatchObject({ ok: false, code: "invalid_input" });
    testSession.user = null;
    expect(
      await duplicatePostAction({ workspaceId: owner.workspaceId, postId: published }),
    ).toMatchObject({ ok: false, code: "unauthorized" });
    expect(await count()).toBe(before);
  });
});

describe("deleteDraftAction", () => {
  it("deletes a draft for an editor; refuses a viewer, another workspace and a sent post", async () => {
    testSession.user = owner.user;
    const dup = await duplicatePostAction({ workspaceId: owner.workspaceId, postId: published });
    if (!dup.ok) throw new Error(dup.message);
    const draftId = dup.data.postId;
    const viewer = await addMember(owner, "viewer");
    testSession.user = viewer.user;
    expect(
      await deleteDraftAction({ workspaceId: owner.workspaceId, postId: draftId }),
    ).toMatchObject({ ok: false, code: "forbidden" });
    testSession.user = other.user;
    expect(
      await deleteDraftAction({ workspaceId: other.workspaceId, postId: draftId }),
    ).toMatchObject({ ok: false, code: "not_found" });
    testSession.user = owner.user;
    expect(
      await deleteDraftAction({ workspaceId: owner.workspaceId, postId: published }),
    ).toMatchObject({ ok: false, code: "conflict" });
    expect(await t.db.select().from(posts).where(eq(posts.id, draftId))).toHaveLength(1);
    const editor = await addMember(owner, "editor");
    testSession.user = editor.user;
    expect(await deleteDraftAction({ workspaceId: owner.workspaceId, postId: draftId })).toEqual({
      ok: true,
      data: { id: draftId },
    });
    expect(await t.db.select().from(posts).where(eq(posts.id, draftId))).toHaveLength(0);
  });
});
