// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { WorkspaceCtx } from "@/lib/data/context";
import type { TestDatabase } from "@/lib/test/db";
import { testDatabase } from "@/lib/test/integration";
import { testSession } from "@/lib/test/session";
import { addMember, makeOwner } from "@/lib/test/factories";
import { draftSchema } from "@/lib/validation/post";
import type { PostManageView } from "@/lib/validation/post-manage";

let t: TestDatabase;

vi.mock("@/lib/auth/session", async () => (await import("@/lib/test/session")).sessionModule);

const { saveDraft } = await import("@/lib/data/posts");
const { recordTargetChange } = await import("@/lib/data/posts-edits");
const { GET } = await import("./route");

let owner: WorkspaceCtx;
let other: WorkspaceCtx;
let postId: string;

beforeAll(async () => {
  t = await testDatabase();
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

function get(id: string, workspaceId?: string) {
  const query = workspaceId ? `?workspaceId=${workspaceId}` : "";
  return GET(new Request(`http://localhost/api/posts/${id}/manage${query}`), {
    params: Promise.resolve({ id }),
  });
}

describe("GET /api/posts/<id>/manage", () => {
  it("401 without a session; a viewer reads the timeline; another workspace gets 404", async () => {
    testSession.user = null;
    expect((await get(postId)).status).toBe(401);

    testSession.user = (await addMember(owner, "viewer")).user;
    const res = await get(postId, owner.workspaceId);
    expect(res.status).toBe(200);
    const view = (await res.json()) as PostManageView;
    expect(view).toMatchObject({ postId, version: 0, targets: [] });
    expect(view.events.map((e) => [e.kind, e.source])).toEqual([["note", "system"]]);

    testSession.user = other.user;
    expect((await get(postId)).status).toBe(404);
    expect((await get(postId, other.workspaceId)).status).toBe(404);
    // Naming the owner's workspace without being its member.
    expect((await get(postId, owner.workspaceId)).status).toBe(404);
    expect((await get("not-a-uuid")).status).toBe(404);
  });
});
