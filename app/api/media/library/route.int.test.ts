import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { WorkspaceCtx } from "@/lib/data/context";
import { addMember, insertMediaFile, makeOwner } from "@/lib/test/factories";
import { testDatabase } from "@/lib/test/integration";
import { testSession } from "@/lib/test/session";

vi.mock("@/lib/auth/session", async () => (await import("@/lib/test/session")).sessionModule);

const { GET, DELETE } = await import("./route");

let owner: WorkspaceCtx;
let viewer: WorkspaceCtx;
let stranger: WorkspaceCtx;
let ownFile: string;
let strangerFile: string;

const addFile = (ctx: WorkspaceCtx, name: string) => insertMediaFile(ctx, { name });

const get = (query: string) =>
  GET(new Request(`http://localhost/api/media/library?${query}`), { params: Promise.resolve({}) });

beforeAll(async () => {
  process.env.APP_ENCRYPTION_KEY ??= "a".repeat(64);
  process.env.NEXTAUTH_SECRET ??= "b".repeat(40);
  const { db } = await testDatabase();
  owner = await makeOwner(db, "Lena Library");
  viewer = (await addMember(owner, "viewer", "Vic Viewer")).ctx;
  stranger = await makeOwner(db, "Sid Stranger");
  ownFile = await addFile(owner, "beach.jpg");
  strangerFile = await addFile(stranger, "secret.jpg");
});

describe("GET /api/media/library", () => {
  it("answers 401 without a session", async () => {
    testSession.user = null;
    const res = await get(`workspaceId=${owner.workspaceId}`);
    expect(res.status).toBe(401);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("lists the workspace's files to any member, a page and by id", async () => {
    testSession.user = viewer.user;
    const page = await get(`workspaceId=${owner.workspaceId}&q=beach`);
    expect(page.status).toBe(200);
    expect((await page.json()).items.map((i: { id: string }) => i.id)).toEqual([ownFile]);
    const named = await get(`workspaceId=${owner.workspaceId}&id=${ownFile}`);
    expect((await named.json()).items).toHaveLength(1);
  });

  it("never shows another workspace's files: not a member is 404, its file by id is 404", async () => {
    testSession.user = stranger.user;
    const res = await get(`workspaceId=${owner.workspaceId}`);
    expect(res.status).toBe(404);
    testSession.user = owner.user;
    const other = await get(`workspaceId=${owner.workspaceId}&id=${strangerFile}`);
    expect(other.status).toBe(404);
    expect(JSON.stringify(await other.json())).not.toContain("secret.jpg");
    const mixed = await get(`workspaceId=${owner.workspaceId}&id=${ownFile}&id=${strangerFile}`);
    expect(mixed.status).toBe(404);
  });

  it("refuses more than 50 ids and other methods", async () => {
    testSession.user = owner.user;
    const ids = Array.from({ length: 51 }, () => `id=${randomUUID()}`).join("&");
    const res = await get(`workspaceId=${owner.workspaceId}&${ids}`);
    expect(res.status).toBe(400);
    expect((await res.json()).message).toBe("Ask for at most 50 files.");
    const del = await DELETE(
      new Request("http://localhost/api/media/library", { method: "DELETE" }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(del.status).toBe(405);
  });
});
