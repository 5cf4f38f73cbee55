// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { WorkspaceCtx } from "@/lib/data/context";
import type { TestDatabase } from "@/lib/test/db";
import { testDatabase } from "@/lib/test/integration";
import { testSession } from "@/lib/test/session";
import { addMember, makeOwner } from "@/lib/test/factories";
import { draftSchema } from "@/lib/validation/post";
import type { PostView } from "@/lib/validation/post-view";

vi.mock("@/lib/auth/session", async () => (await import("@/lib/test/session")).sessionModule);

const { saveDraft } = await import("@/lib/data/posts");
const { GET } = await import("./route");

let owner: WorkspaceCtx;
let postId: string;

let t: TestDatabase;

beforeAll(async () => {
  process.env.APP_ENCRYPTION_KEY ??= "a".repeat(64);
  process.env.NEXTAUTH_SECRET ??= "b".repeat(40);
  t = await testDatabase();
  owner = await makeOwner(t.db, "Olive Owner");
  const draft = draftSchema.parse({
    workspaceId: owner.workspaceId,
    caption: "Morning brew\nwith oat milk",
  });
  postId = (await saveDraft(owner, draft)).postId;
});

function get(id: string, workspaceId?: string) {
  const query = workspaceId ? `?workspaceId=${workspaceId}` : "";
  return GET(new Request(`http://localhost/api/posts/${id}${query}`), {
    params: Promise.resolve({ id }),
  });
}

describe("GET /api/posts/<id>", () => {
  it("answers 401 without a session", async () => {
    testSession.user = null;
    const res = await get(postId);
    expect(res.status).toBe(401);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("gives a member the PostView, uncached", async () => {
    testSession.user = owner.user;
    const res = await get(postId, owner.workspaceId);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const view = (await res.json()) as PostView;
    expect(view).toMatchObject({
      id: postId,
      workspaceId: owner.workspaceId,
      status: "draft",
      caption: "Morning brew\nwith oat milk",
      isFinal: true,
      targets: [],
    });
  });

  it("lets a viewer read it", async () => {
    const viewer = await addMember(owner, "viewer", "Vic Viewer");
    testSession.user = viewer.user;
    const res = await get(postId, owner.workspaceId);
    expect(res.status).toBe(200);
    expect(((await res.json()) as PostView).id).toBe(postId);
  });

  it("answers another workspace's member 404 JSON, with or without naming the workspace", async () => {
    const stranger = await makeOwner(t.db, "Sam Stranger");
    testSession.user = stranger.user;
    for (const res of [await get(postId), await get(postId, owner.workspaceId)]) {
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      expect(await res.json()).toMatchObject({ error: "not_found" });
    }
  });

  it("answers 404 for a malformed id and for an unknown one", async () => {
    testSession.user = owner.user;
    for (const id of ["not-a-uuid", "1 or 1=1", randomUUID()]) {
      const res = await get(id, owner.workspaceId);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: "not_found" });
    }
  });
});
