// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser, WorkspaceCtx } from "@/lib/data/context";
import { posts, postTargets } from "@/lib/db/schema";
import { testDatabase } from "@/lib/test/integration";
import { addMember, makeOwner } from "@/lib/test/factories";
import { defaultTikTokSettings } from "@/lib/tiktok/params";

const t = await testDatabase();
let sessionUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => sessionUser }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const { reschedulePostAction } = await import("./post-manage");

beforeEach(() => {
  sessionUser = null;
});

async function scheduledPost(ctx: WorkspaceCtx) {
  const at = new Date("2031-06-01T12:00:00Z");
  const [row] = await t.db
    .insert(posts)
    .values({
      workspaceId: ctx.workspaceId,
      status: "scheduled",
      caption: "move me",
      settings: { ...defaultTikTokSettings },
      profileIds: ["prof_a"],
      scheduledAt: at,
      submittedAt: new Date(),
      version: 3,
    })
    .returning({ id: posts.id });
  await t.db.insert(postTargets).values({
    workspaceId: ctx.workspaceId,
    postId: row.id,
    profileId: "prof_a",
    profileName: "A",
    status: "scheduled",
    postproxyPostId: "pp_1",
    scheduledAt: at,
  });
  return row.id;
}

const scheduledAtOf = async (id: string) =>
  (await t.db.select({ at: posts.scheduledAt }).from(posts).where(eq(posts.id, id)))[0].at;

describe("reschedulePostAction", () => {
  it("refuses viewers and other workspaces, and changes nothing", async () => {
    const owner = await makeOwner(t.db, "Owner");
    const postId = await scheduledPost(owner);
    const viewer = await addMember(owner, "viewer");
    const input = {
      workspaceId: owner.workspaceId,
      postId,
      version: 3,
      at: "2031-06-02T12:00",
      timeZone: "UTC",
    };
    sessionUser = viewer.user;
    expect(await reschedulePostAction(input)).toMatchObject({ ok: false, code: "forbidden" });
    const stranger = await makeOwner(t.db, "Stranger");
    sessionUser = stranger.user;
    const foreign = await reschedulePostAction(input);
    expect(foreign.ok).toBe(false);
    sessionUser = stranger.user;
    const viaOwnWorkspace = await reschedulePostAction({
      ...input,
      workspaceId: stranger.workspaceId,
    });
    expect(viaOwnWorkspace).toMatchObject({ ok: false, code: "not_found" });
    expect(await scheduledAtOf(postId)).toEqual(new Date("2031-06-01T12:00:00Z"));
  });

  it("refuses a spring-forward time with the reason, and a stale view with conflict", async () => {
    const owner = await makeOwner(t.db, "Editor owner");
    const postId = await scheduledPost(owner);
    const editor = await addMember(owner, "editor");
    sessionUser = editor.user;
    const skipped = await reschedulePostAction({
      workspaceId: owner.workspaceId,
      postId,
      version: 3,
      at: "2031-03-09T02:30",
      timeZone: "America/New_York",
    });
    expect(skipped).toMatchObject({ ok: false, code: "invalid_input" });
    if (!skipped.ok) expect(skipped.message).toMatch(/does not exist in America\/New_York/);
    const stale = await reschedulePostAction({
      workspaceId: owner.workspaceId,
      postId,
      version: 2,
      at: "2031-06-02T12:00",
      timeZone: "UTC",
    });
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    expect(await scheduledAtOf(postId)).toEqual(new Date("2031-06-01T12:00:00Z"));
  });
});
