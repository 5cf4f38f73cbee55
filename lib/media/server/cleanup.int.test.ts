// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Upload } from "@tus/utils";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceCtx } from "@/lib/data/context";
import { createUploadRecord, deleteMediaRows } from "@/lib/data/media-uploads";
import { mediaFiles } from "@/lib/db/schema";
import { storeFixture } from "@/lib/publishing/test-support/setup";
import { createTestDatabase, type TestDatabase } from "@/lib/test/db";
import { makeOwner } from "@/lib/test/factories";
import { startS3TestServer, type S3TestServer } from "@/lib/test/s3-server";
import { cleanupMedia } from "./cleanup";
import {
  createFileStorage,
  createS3Storage,
  thumbnailKey,
  type MediaStorage,
  type StoredObject,
} from "./storage";

/**
 * The media cleanup on both stores: unfinished uploads past 24 h go (row and bytes), bytes older
 * than 24 h that no media row owns go, and a finished file stays however old and unused it is.
 */
let t: TestDatabase;
let dir: string;
let s3: S3TestServer;
const stores: Record<string, MediaStorage> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), "postdeck-cleanup-"));
  s3 = await startS3TestServer();
  stores.disk = await createFileStorage(dir);
  stores.s3 = await createS3Storage(s3.config);
});
afterAll(async () => {
  await t?.close();
  await s3?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const day = 24 * 60 * 60 * 1000;

async function listed(storage: MediaStorage, pageSize?: number): Promise<StoredObject[]> {
  const all: StoredObject[] = [];
  for await (const page of storage.list({ pageSize })) {
    if (pageSize) expect(page.length).toBeLessThanOrEqual(pageSize);
    all.push(...page);
  }
  return all;
}
const idsIn = async (storage: MediaStorage) =>
  new Set((await listed(storage)).map((o) => o.mediaId));

describe.each(["disk", "s3"])("media cleanup on %s", (kind) => {
  let owner: WorkspaceCtx;
  let storage: MediaStorage;
  beforeAll(async () => {
    storage = stores[kind];
    owner = await makeOwner(t.db, `Cleanup ${kind}`);
  });

  it("lists every object under its media id, in pages, thumbnails under their own key", async () => {
    const id = randomUUID();
    await storage.put(id, Buffer.from("bytes"), "video/mp4");
    await storage.put(thumbnailKey(id), Buffer.from("thumb"), "image/jpeg");
    const mine = (await listed(storage, 2)).filter((o) => o.mediaId === id);
    expect(mine.map((o) => o.key).sort()).toEqual([id, thumbnailKey(id)].sort());
    for (const o of mine)
      expect(Math.abs(o.modifiedAt.getTime() - Date.now())).toBeLessThan(60_000);
    await storage.remove(id);
    await storage.remove(thumbnailKey(id));
    expect(await idsIn(storage)).not.toContain(id);
  });

  it("removes old bytes with no row and unfinished uploads past 24 h; keeps finished files and young bytes", async () => {
    // A finished file nobody used, with its thumbnail, made "31 days ago".
    const finished = await storeFixture(owner, t.db, storage, "photo-1-720x900.jpg");
    await t.db
      .update(mediaFiles)
      .set({ createdAt: new Date(Date.now() - 31 * day) })
      .where(eq(mediaFiles.id, finished));
    // An unfinished upload with its row, and one without a row (its create stopped half-way).
    const unfinished = randomUUID();
    await createUploadRecord(owner, {
      id: unfinished,
      name: "stale.mp4",
      declaredType: "video/mp4",
      kind: "video",
      size: 5000,
    });
    await storage.datastore.create(new Upload({ id: unfinished, size: 5000, offset: 0 }));
    const rowless = randomUUID();
    await storage.datastore.create(new Upload({ id: rowless, size: 5000, offset: 0 }));
    // Bytes and a thumbnail whose row was deleted (a delete that stopped before the bytes).
    const deleted = await storeFixture(owner, t.db, storage, "photo-2-720x900.jpg");
    await deleteMediaRows(t.db, [deleted]);
    expect(await storage.size(thumbnailKey(deleted))).toBeGreaterThan(0);

    // Now: everything is younger than 24 h, so no bytes go, and the unfinished row is fresh.
    expect(await cleanupMedia({ db: t.db, storage, pageSize: 2 })).toEqual({
      removed: 0,
      orphans: 0,
    });
    let ids = await idsIn(storage);
    for (const id of [finished, unfinished, rowless, deleted]) expect(ids).toContain(id);

    // 25 hours later.
    const later = new Date(Date.now() + day + 60 * 60 * 1000);
    const result = await cleanupMedia({ db: t.db, storage, now: later, pageSize: 2 });
    expect(result.removed).toBe(1);
    expect(result.orphans).toBe(3); // rowless, and deleted's bytes and thumbnail
    ids = await idsIn(storage);
    expect(ids).toContain(finished);
    for (const id of [unfinished, rowless, deleted]) expect(ids).not.toContain(id);
    expect(await storage.size(finished)).toBeGreaterThan(0);
    expect(await storage.size(thumbnailKey(finished))).toBeGreaterThan(0);
    expect(await storage.uploadOffset(rowless)).toBeNull();
    const rows = await t.db
      .select({ id: mediaFiles.id })
      .from(mediaFiles)
      .where(eq(mediaFiles.workspaceId, owner.workspaceId));
    expect(rows.map((r) => r.id)).toEqual([finished]);

    // A second run finds nothing more.
    expect(await cleanupMedia({ db: t.db, storage, now: later })).toEqual({
      removed: 0,
      orphans: 0,
    });
  });
});
