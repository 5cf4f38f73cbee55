import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mediaFiles, mediaUsages, posts, postTargets } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/test/db";
import { addMember, insertMediaFile, makeDraftPost, makeOwner } from "@/lib/test/factories";
import { parseMediaLibraryQuery, type MediaLibraryQuery } from "@/lib/validation/media-library";
import type { WorkspaceCtx } from "./context";
import { listMediaLibraryLists, listMediaPage } from "./media-library";
import { deleteMediaFiles } from "./media-usage";
import { getComposeDraft } from "./posts";

let t: TestDatabase;
let owner: WorkspaceCtx;
let editor: WorkspaceCtx;
let outsider: WorkspaceCtx;
const now = new Date("2026-12-04T12:00:00Z");
const day = 864e5;

const addFile = (ctx: WorkspaceCtx, row: Parameters<typeof insertMediaFile>[1]) =>
  insertMediaFile(ctx, { createdAt: now, ...row });

async function usePost(ctx: WorkspaceCtx, mediaId: string, status: string, targets: string[]) {
  const postId = await makeDraftPost(ctx);
  await t.db
    .update(posts)
    .set({ status: status as "draft", media: [{ id: mediaId, kind: "image" }] })
    .where(eq(posts.id, postId));
  await t.db.insert(mediaUsages).values({
    workspaceId: ctx.workspaceId,
    mediaId,
    postId,
    status: status === "draft" ? "draft" : "published",
  });
  for (const [i, s] of targets.entries())
    await t.db.insert(postTargets).values({
      workspaceId: ctx.workspaceId,
      postId,
      profileId: `prof_${i}`,
      profileName: `@p${i}`,
      status: s as "pending",
    });
  return postId;
}

const q = (over: Partial<Record<keyof MediaLibraryQuery, string>> = {}) =>
  parseMediaLibraryQuery(over);
const names = async (ctx: WorkspaceCtx, query: MediaLibraryQuery) =>
  (await listMediaPage(ctx, { ...query, limit: 100 }, now)).items.map((m) => m.name).sort();

const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  owner = await makeOwner(t.db, "Olga Owner");
  editor = (await addMember(owner, "editor", "Eddie Editor")).ctx;
  outsider = await makeOwner(t.db, "Otto Outsider");
  ids.clip = await addFile(owner, { name: "launch-clip.mp4", kind: "video", size: 5_000_000 });
  ids.old = await addFile(owner, {
    name: "old photo.jpg",
    createdAt: new Date(now.getTime() - 40 * day),
  });
  ids.refused = await addFile(editor, {
    name: "notes.txt",
    kind: "other",
    status: "rejected",
    size: 10,
  });
  ids.sale = await addFile(editor, { name: "50%_off_sale.jpg", size: 2000 });
  ids.saleLike = await addFile(editor, { name: "50x-offXsale.jpg", size: 3000 });
  ids.used = await addFile(owner, { name: "used.jpg" });
  ids.uploading = await addFile(owner, { name: "half.mp4", status: "uploading", kind: "video" });
  await t.db.insert(mediaUsages).values({
    workspaceId: owner.workspaceId,
    mediaId: ids.used,
    postId: await makeDraftPost(owner),
    status: "draft",
  });
  await addFile(outsider, { name: "launch-clip-of-another-workspace.mp4", kind: "video" });
});
afterAll(async () => {
  await t?.close();
});

describe("the library query", () => {
  it("filters by each filter and never lists unfinished uploads", async () => {
    expect(await names(owner, q())).toEqual([
      "50%_off_sale.jpg",
      "50x-offXsale.jpg",
      "launch-clip.mp4",
      "notes.txt",
      "old photo.jpg",
      "used.jpg",
    ]);
    expect(await names(owner, q({ kind: "video" }))).toEqual(["launch-clip.mp4"]);
    expect(await names(owner, q({ kind: "other" }))).toEqual(["notes.txt"]);
    expect(await names(owner, q({ verdict: "refused" }))).toEqual(["notes.txt"]);
    expect(await names(owner, q({ verdict: "ready" }))).not.toContain("notes.txt");
    expect(await names(owner, q({ use: "used" }))).toEqual(["used.jpg"]);
    expect(await names(owner, q({ use: "unused" }))).not.toContain("used.jpg");
    expect(await names(owner, q({ by: editor.user.id }))).toEqual([
      "50%_off_sale.jpg",
      "50x-offXsale.jpg",
      "notes.txt",
    ]);
    expect(await names(owner, q({ since: "30d" }))).not.toContain("old photo.jpg");
    expect(await names(owner, q({ since: "90d" }))).toContain("old photo.jpg");
  });

  it("searches names case-insensitively, taking % and _ literally", async () => {
    expect(await names(owner, q({ q: "LAUNCH" }))).toEqual(["launch-clip.mp4"]);
    expect(await names(owner, q({ q: "50%_off" }))).toEqual(["50%_off_sale.jpg"]);
    expect(await names(owner, q({ q: "photo" }))).toEqual(["old photo.jpg"]);
    expect(await names(owner, q({ q: "nothing like this" }))).toEqual([]);
  });

  it("falls back to defaults for malformed URL values", () => {
    expect(q({ kind: "movies", sort: "random", by: "not-an-id", since: "1y" })).toEqual(q());
  });

  it("pages by keyset in every sort without repeats or gaps, ties included", async () => {
    const ws = await makeOwner(t.db, "Paging");
    const tie = new Date("2026-11-01T10:00:00.123456Z");
    for (let i = 0; i < 37; i++)
      await addFile(ws, {
        name: `File ${String(i % 9).padStart(2, "0")}.jpg`, // repeated names
        size: 1000 * (i % 5), // repeated sizes
        createdAt: i % 3 === 0 ? tie : new Date(tie.getTime() + i * 1000),
      });
    for (const sort of ["newest", "name", "size"] as const) {
      const seen: string[] = [];
      const sortKeys: (string | number)[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await listMediaPage(ws, { ...q({ sort }), cursor, limit: 5 }, now);
        seen.push(...page.items.map((m) => m.id));
        sortKeys.push(
          ...page.items.map((m) =>
            sort === "name"
              ? m.name.toLowerCase()
              : sort === "size"
                ? -m.size
                : -Date.parse(m.createdAt),
          ),
        );
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor && pages < 20);
      expect(new Set(seen).size, sort).toBe(37);
      expect(seen.length, sort).toBe(37);
      expect(pages, sort).toBe(8);
      expect(
        [...sortKeys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
        sort,
      ).toEqual(sortKeys);
    }
  });

  it("never shows another workspace's files, and a forged cursor restarts from the top", async () => {
    expect(await names(outsider, q({ q: "launch" }))).toEqual([
      "launch-clip-of-another-workspace.mp4",
    ]);
    expect(await names(owner, q({ q: "another" }))).toEqual([]);
    const page = await listMediaPage(owner, { ...q(), cursor: "bm90IGpzb24" }, now);
    expect(page.items.length).toBe(6);
  });
});

describe("the library page's short lists", () => {
  it("lists the members by name and, when asked, the unfinished uploads newest first", async () => {
    const older = await addFile(owner, {
      name: "older-half.mp4",
      status: "uploading",
      kind: "video",
      size: 1234,
      createdAt: new Date(now.getTime() - day),
    });
    const lists = await listMediaLibraryLists(owner, { withUnfinished: true });
    expect(lists.uploaders.map((u) => u.name)).toEqual(["Eddie Editor", "Olga Owner"]);
    expect(lists.unfinished).toEqual([
      { id: ids.uploading, name: "half.mp4", size: 1000, createdAt: now },
      { id: older, name: "older-half.mp4", size: 1234, createdAt: new Date(now.getTime() - day) },
    ]);
    expect(await listMediaLibraryLists(owner, { withUnfinished: false })).toEqual({
      uploaders: lists.uploaders,
      unfinished: [],
    });
    expect(await listMediaLibraryLists(outsider, { withUnfinished: true })).toEqual({
      uploaders: [{ id: outsider.user.id, name: "Otto Outsider" }],
      unfinished: [],
    });
    await t.db.delete(mediaFiles).where(eq(mediaFiles.id, older));
  });
});

describe("deleting several files", () => {
  it("refuses files of unfinished posts with the reason and deletes the rest", async () => {
    const scheduled = await addFile(owner, { name: "scheduled.jpg" });
    const unknown = await addFile(owner, { name: "still-fetched.jpg" });
    const done = await addFile(owner, { name: "published.jpg" });
    const free = await addFile(owner, { name: "free.jpg" });
    await usePost(owner, scheduled, "scheduled", ["scheduled"]);
    // A target Postproxy is still working on (any status that is not final) blocks too.
    await usePost(owner, unknown, "published", ["published", "processing"]);
    await usePost(owner, done, "published", ["published", "failed"]);
    const outcome = await deleteMediaFiles(editor, {
      mediaIds: [scheduled, unknown, done, free],
      confirmDrafts: false,
    });
    expect(outcome.refused.map((r) => r.reason).sort()).toEqual([
      "“scheduled.jpg” is used by a scheduled post. Remove it from that post or cancel the post first.",
      "“still-fetched.jpg” is used by a post Postproxy has not finished with (published). It can be deleted once that post is published, failed or cancelled.",
    ]);
    expect(outcome.deleted.map((d) => d.name).sort()).toEqual(["free.jpg", "published.jpg"]);
    const left = await t.db.select({ id: mediaFiles.id }).from(mediaFiles);
    expect(left.map((r) => r.id)).toEqual(expect.arrayContaining([scheduled, unknown]));
    expect(left.map((r) => r.id)).not.toContain(free);
  });

  it("asks to confirm a draft's file, then the draft says it is missing", async () => {
    const inDraft = await addFile(owner, { name: "draft-photo.jpg" });
    const other = await addFile(owner, { name: "other.jpg" });
    const postId = await usePost(owner, inDraft, "draft", []);
    const ask = await deleteMediaFiles(editor, {
      mediaIds: [inDraft, other],
      confirmDrafts: false,
    });
    expect(ask).toEqual({
      deleted: [],
      refused: [],
      needsConfirm: [{ id: inDraft, name: "draft-photo.jpg", drafts: 1 }],
    });
    expect((await getComposeDraft(owner, postId)).mediaNotice).toBeNull();
    const done = await deleteMediaFiles(editor, {
      mediaIds: [inDraft, other],
      confirmDrafts: true,
    });
    expect(done.deleted.map((d) => d.name).sort()).toEqual(["draft-photo.jpg", "other.jpg"]);
    const draft = await getComposeDraft(owner, postId);
    expect(draft.values.media).toEqual([]);
    expect(draft.mediaNotice).toBe(
      "1 file of this post was deleted from the media library, so it is no longer in the post. Add another file if the post needs one.",
    );
  });

  it("treats another workspace's file as not found and lets viewers delete nothing", async () => {
    const mine = await addFile(owner, { name: "mine.jpg" });
    await expect(
      deleteMediaFiles(outsider, { mediaIds: [mine], confirmDrafts: true }),
    ).rejects.toMatchObject({ code: "not_found" });
    const viewer = (await addMember(owner, "viewer", "Vera Viewer")).ctx;
    await expect(
      deleteMediaFiles(viewer, { mediaIds: [mine], confirmDrafts: true }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await t.db.select().from(mediaFiles).where(eq(mediaFiles.id, mine))).length).toBe(1);
  });
});
