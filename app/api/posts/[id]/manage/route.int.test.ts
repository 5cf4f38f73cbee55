import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser, WorkspaceCtx } from "@/lib/data/context";
import { createTestDatabase, type TestDatabase } from "@/lib/test/db";
import { addMember, makeOwner } from "@/lib/test/factories";
import { draftSchema } from "@/lib/validation/post";
import type { PostManageView } from "@/lib/validation/post-manage";

let t: TestDatabase;
let sessionUser: SessionUser | null = null;

vi.mock("@/lib/db/client", async (orig) => ({
  ...(await orig<object>()),
  getDb: async () => t.db,
}));
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () => sessionUser,
  requireUserCtx: async () => {
    if (!sessionUser) throw new Error("requireUserCtx without a session");
    return { db: t.db, user: sessionUser };
  },
}));

const { saveDraft } = await import("@/lib/data/posts");
const { recordTargetChange } = await import("@/lib/data/posts-edits");
const { GET } = await import("./route");

let owner: WorkspaceCtx;
let other: WorkspaceCtx;
let postId: string;

beforeAll(async () => {
  process.env.APP_ENCRYPTION_KEY ??= "a".repeat(64);
  process.env.NEXTAUTH_SECRET ??= "b".repeat(40);
  t = await createTestDatabase();
  owner = await makeOwner(t.db, "Olive Owner");
  other = await makeOwner(t.db, "Other Agency");
  postId = (await saveDraft(owner, draftSchema.parse({ workspaceId: owner.workspaceId }))).postId;
  await recordTargetChange(
    owner,
    { postId, targetId: null },
    { kind: "note" },
    "system",
    () => "draft",
  );
});
afterAll(async () => {
  await t?.close();
});

function get(id: string, workspaceId?: string) {
  const query = workspaceId ? `?workspaceId=${workspaceId}` : "";
  return GET(new Request(`http://localhost/api/posts/${id}/manage${query}`), {
    params: Promise.resolve({ id }),
  });
}

describe("GET /api/posts/<id>/manage", () => {
  it("401 without a session; a viewer reads the timeline; another workspace gets 404", async () => {
    sessionUser = null;
    expect((await get(postId)).status).toBe(401);

    sessionUser = (await addMember(owner, "viewer")).user;
    const res = await get(postId, owner.workspaceId);
    expect(res.status).toBe(200);
    const view = (await res.json()) as PostManageView;
    expect(view).toMatchObject({ postId, version: 0, targets: [] });
    expect(view.events.map((e) => [e.kind, e.source])).toEqual([["note", "system"]]);

    sessionUser = other.user;
    expect((await get(postId)).status).toBe(404);
    expect((await get(postId, other.workspaceId)).status).toBe(404);
    // Naming the owner's workspace without being its member.
    expect((await get(postId, owner.workspaceId)).status).toBe(404);
    expect((await get("not-a-uuid")).status).toBe(404);
  });
});
