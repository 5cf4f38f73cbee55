import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser, WorkspaceCtx } from "@/lib/data/context";
import type { MediaStorage } from "@/lib/media/server/storage";
import { testDatabase } from "@/lib/test/integration";
import { addMember, makeDraftPost, makeOwner } from "@/lib/test/factories";

const t = await testDatabase();
let dir: string;
let storage: MediaStorage;
let sessionUser: SessionUser | null = null;

vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => sessionUser }));
vi.mock("@/lib/media/server/storage", async (orig) => ({
  ...(await orig<object>()),
  getMediaStorage: async () => storage,
}));

const { createFileStorage } = await import("@/lib/media/server/storage");
const { getMedia } = await import("@/lib/data/media");
const { completeUpload, createUploadRecord } = await import("@/lib/data/media-uploads");
const { attachMedia } = await import("@/lib/data/media-usage");
const { convertMediaToJpegAction, convertUploadToJpegAction, deleteMediaAction } =
  await import("./media");

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "postdeck-media-actions-"));
  storage = await createFileStorage(dir);
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function storedPng(ctx: WorkspaceCtx, name = "logo.png") {
  const bytes = await readFile(path.resolve("e2e/fixtures/media/photo-rejected-320x400.png"));
  const id = randomUUID();
  await createUploadRecord(ctx, {
    id,
    name,
    declaredType: "image/png",
    kind: "image",
    size: bytes.length,
  });
  await storage.put(id, bytes, "image/png");
  await completeUpload(t.db, id, {
    kind: "image",
    mime: "image/png",
    container: "png",
    durationSec: null,
    width: 320,
    height: 400,
    frameRate: null,
    size: bytes.length,
    rejectReason: null,
  });
  return id;
}

describe("media actions called directly", () => {
  it("refuse viewers and other workspaces, and let editors delete", async () => {
    const owner = await makeOwner(t.db, "Ada");
    const viewer = await addMember(owner, "viewer");
    const editor = await addMember(owner, "editor");
    const outsider = await makeOwner(t.db, "Eli");
    const mediaId = await storedPng(owner);
    const input = { workspaceId: owner.workspaceId, mediaId };

    sessionUser = null;
    expect(await deleteMediaAction(input)).toMatchObject({ ok: false, code: "unauthorized" });
    sessionUser = viewer.user;
    expect(await deleteMediaAction(input)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await convertMediaToJpegAction(input)).toMatchObject({ ok: false, code: "forbidden" });
    sessionUser = outsider.user;
    expect(await deleteMediaAction(input)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await deleteMediaAction({ workspaceId: outsider.workspaceId, mediaId })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await readdir(dir)).toContain(mediaId);

    sessionUser = editor.user;
    expect(
      await deleteMediaAction({ workspaceId: owner.workspaceId, mediaId: "../etc" }),
    ).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(await deleteMediaAction(input)).toEqual({ ok: true, data: { id: mediaId } });
    expect(await readdir(dir)).not.toContain(mediaId);
    await expect(getMedia(owner, mediaId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuse to delete a file a scheduled post uses, with the reason", async () => {
    const owner = await makeOwner(t.db, "Bea");
    const mediaId = await storedPng(owner);
    await attachMedia(owner, { mediaId, postId: await makeDraftPost(owner), status: "scheduled" });
    sessionUser = owner.user;
    expect(await deleteMediaAction({ workspaceId: owner.workspaceId, mediaId })).toMatchObject({
      ok: false,
      code: "conflict",
      message:
        "“logo.png” is used by a scheduled post. Remove it from that post or cancel the post first.",
    });
    expect(await readdir(dir)).toContain(mediaId);
  });

  it("convert a PNG to a JPEG for an editor, keeping the original", async () => {
    const owner = await makeOwner(t.db, "Cy");
    const mediaId = await storedPng(owner);
    sessionUser = owner.user;
    const result = await convertMediaToJpegAction({ workspaceId: owner.workspaceId, mediaId });
    expect(result).toMatchObject({ ok: true, data: { name: "logo.jpg" } });
    if (!result.ok) return;
    expect(await getMedia(owner, result.data.id)).toMatchObject({
      mime: "image/jpeg",
      convertedFromId: mediaId,
    });
    expect(await readdir(dir)).toEqual(expect.arrayContaining([mediaId, result.data.id]));
  });

  it("the composer's conversion: a PNG named .mp4 becomes <name>.jpg; viewers and other workspaces are refused", async () => {
    const owner = await makeOwner(t.db, "Cora");
    const viewer = await addMember(owner, "viewer");
    const outsider = await makeOwner(t.db, "Otto");
    const mediaId = await storedPng(owner, "png-named-video.mp4");
    const input = { workspaceId: owner.workspaceId, mediaId };
    sessionUser = viewer.user;
    expect(await convertUploadToJpegAction(input)).toMatchObject({ ok: false, code: "forbidden" });
    sessionUser = outsider.user;
    expect(
      await convertUploadToJpegAction({ workspaceId: outsider.workspaceId, mediaId }),
    ).toMatchObject({ ok: false, code: "not_found" });
    sessionUser = owner.user;
    const result = await convertUploadToJpegAction(input);
    expect(result).toMatchObject({ ok: true, data: { name: "png-named-video.jpg" } });
    if (!result.ok) return;
    expect(await getMedia(owner, result.data.id)).toMatchObject({
      mime: "image/jpeg",
      convertedFromId: mediaId,
    });
    // A JPEG is not converted again.
    expect(await convertUploadToJpegAction({ ...input, mediaId: result.data.id })).toMatchObject({
      ok: false,
      code: "conflict",
    });
  });
});
