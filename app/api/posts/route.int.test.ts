import { beforeAll, describe, expect, it, vi } from "vitest";
import type { WorkspaceCtx } from "@/lib/data/context";
import type { TestDatabase } from "@/lib/test/db";
import { testDatabase } from "@/lib/test/integration";
import { testSession } from "@/lib/test/session";
import { addMember, makeOwner } from "@/lib/test/factories";
import { draftSchema } from "@/lib/validation/post";
import type { PostsListPage } from "@/lib/validation/posts-query";

let t: TestDatabase;

vi.mock("@/lib/auth/session", async () => (await import("@/lib/test/session")).sessionModule);

const { saveDraft } = await import("@/lib/data/posts");
const { postsPageSize } = await import("@/lib/validation/posts-query");
const { GET } = await import("./route");

type Page = PostsListPage;
let owner: WorkspaceCtx;

beforeAll(async () => {
  t = await testDatabase();
  owner = await makeOwner(t.db, "Lena Lister");
  for (let i = 0; i < postsPageSize + 3; i++)
    await saveDraft(
      owner,
      draftSchema.parse({ workspaceId: owner.workspaceId, caption: `Draft ${i}` }),
    );
});

async function list(query: Record<string, string>) {
  const res = await GET(new Request(`http://localhost/api/posts?${new URLSearchParams(query)}`), {
    params: Promise.resolve({}),
  });
  return { status: res.status, cache: res.headers.get("cache-control"), body: await res.json() };
}

describe("GET /api/posts", () => {
  it("answers 401 without a session", async () => {
    testSession.user = null;
    expect((await list({ workspaceId: owner.workspaceId })).status).toBe(401);
  });

  it("pages the list by keyset cursor, with nothing repeated or skipped", async () => {
    const viewer = await addMember(owner, "viewer");
    testSession.user = viewer.user;
    const first = await list({ workspaceId: owner.workspaceId, tab: "drafts" });
    expect(first.status).toBe(200);
    expect(first.cache).toBe("no-store");
    const page1 = first.body as Page;
    expect(page1.items).toHaveLength(postsPageSize);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (
      await list({
        workspaceId: owner.workspaceId,
        tab: "drafts",
        cursor: page1.nextCursor ?? "",
      })
    ).body as Page;
    expect(page2.items).toHaveLength(3);
    expect(page2.nextCursor).toBeNull();
    const captions = [...page1.items, ...page2.items].map((p) => p.caption);
    expect(new Set(captions).size).toBe(postsPageSize + 3);
  });

  it("keeps drafts off the Posts tab, and answers 400 with the field's message to a bad filter", async () => {
    testSession.user = owner.user;
    const posts = await list({ workspaceId: owner.workspaceId });
    expect(posts.body).toEqual({ items: [], nextCursor: null });
    const failed = (await list({ workspaceId: owner.workspaceId, status: "failed" })).body as Page;
    expect(failed).toEqual({ items: [], nextCursor: null });
    const bad = await list({
      workspaceId: owner.workspaceId,
      status: "nonsense",
      from: "2026-13-01",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toEqual({
      status: "Choose a status from the list.",
      from: "Enter a date as YYYY-MM-DD.",
    });
    const reversed = await list({
      workspaceId: owner.workspaceId,
      from: "2026-05-02",
      to: "2026-05-01",
    });
    expect(reversed.body.problems).toEqual({ to: "The start date is after the end date." });
  });

  it("never lists another workspace's posts", async () => {
    const stranger = await makeOwner(t.db, "Stan Stranger");
    testSession.user = stranger.user;
    const named = await list({ workspaceId: owner.workspaceId });
    expect(named.status).toBe(404);
    const own = (await list({ tab: "drafts" })).body as Page;
    expect(own.items).toEqual([]);
  });
});
