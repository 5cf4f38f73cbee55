import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadLeases } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/test/db";
import { createPgUploadLocker } from "./upload-locker";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

const fast = { leaseMs: 1_000, renewMs: 150, acquireTimeoutMs: 4_000, pollMs: 50 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const lease = async (id: string) =>
  (await t.db.select().from(uploadLeases).where(eq(uploadLeases.uploadId, id)))[0] ?? null;

describe("the PostgreSQL tus locker", () => {
  it("lets one of two servers write an upload; the other gets it once released", async () => {
    // Two lockers over one database stand for two app servers.
    const a = createPgUploadLocker(t.db, fast);
    const b = createPgUploadLocker(t.db, fast);
    const id = "upload-contention";
    const lockA = a.newLock(id);
    let releaseAsked = 0;
    await lockA.lock(new AbortController().signal, () => {
      releaseAsked++;
    });
    expect(await lease(id)).not.toBeNull();

    let bHas = false;
    const lockB = b.newLock(id);
    const waiting = lockB
      .lock(new AbortController().signal, () => {})
      .then(() => {
        bHas = true;
      });
    // A keeps renewing: B waits well past A's lease time and is told nothing yet…
    await sleep(fast.leaseMs * 1.5);
    expect(bHas).toBe(false);
    // …and A was asked to let go (tus then ends A's PATCH).
    expect(releaseAsked).toBe(1);
    await lockA.unlock();
    await waiting;
    expect(bHas).toBe(true);
    await lockB.unlock();
    expect(await lease(id)).toBeNull();
  });

  it("many servers racing for one free upload: exactly one wins each round", async () => {
    const lockers = Array.from({ length: 6 }, () => createPgUploadLocker(t.db, fast));
    const id = "upload-race";
    const holding: number[] = [];
    let maxAtOnce = 0;
    await Promise.all(
      lockers.map(async (locker, i) => {
        const lock = locker.newLock(id);
        await lock.lock(new AbortController().signal, () => {});
        holding.push(i);
        maxAtOnce = Math.max(maxAtOnce, holding.length);
        await sleep(40);
        holding.splice(holding.indexOf(i), 1);
        await lock.unlock();
      }),
    );
    expect(maxAtOnce).toBe(1);
    expect(await lease(id)).toBeNull();
  });

  it("takes over the lease of a server that died mid-upload once it expires", async () => {
    const id = "upload-killed";
    // A dead server: its row stays, nobody renews it.
    await t.db.insert(uploadLeases).values({
      uploadId: id,
      holder: "dead-server",
      expiresAt: new Date(Date.now() + 600),
    });
    const b = createPgUploadLocker(t.db, fast).newLock(id);
    const started = Date.now();
    await b.lock(new AbortController().signal, () => {});
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(400);
    expect(waited).toBeLessThan(3_000);
    expect((await lease(id))?.holder).not.toBe("dead-server");
    await b.unlock();
  });

  it("gives up with tus's lock timeout while a live holder keeps its lease", async () => {
    const id = "upload-busy";
    const a = createPgUploadLocker(t.db, fast).newLock(id);
    await a.lock(new AbortController().signal, () => {});
    const b = createPgUploadLocker(t.db, { ...fast, acquireTimeoutMs: 1_500 }).newLock(id);
    await expect(b.lock(new AbortController().signal, () => {})).rejects.toMatchObject({
      status_code: 500,
      body: expect.stringMatching(/lock/i),
    });
    await a.unlock();
  });

  it("stops a holder whose lease was taken over, and its release leaves the new holder's row", async () => {
    const id = "upload-taken-over";
    const a = createPgUploadLocker(t.db, fast).newLock(id);
    let aStopped = false;
    await a.lock(new AbortController().signal, () => {
      aStopped = true;
    });
    // Simulate A stalling past its lease: another server took the row over.
    await t.db
      .update(uploadLeases)
      .set({ holder: "server-b", releaseRequested: false })
      .where(eq(uploadLeases.uploadId, id));
    await sleep(fast.renewMs * 3);
    expect(aStopped).toBe(true);
    await a.unlock();
    expect((await lease(id))?.holder).toBe("server-b");
  });

  it("a waiting request that is aborted stops waiting", async () => {
    const id = "upload-abort";
    const a = createPgUploadLocker(t.db, fast).newLock(id);
    await a.lock(new AbortController().signal, () => {});
    const controller = new AbortController();
    const b = createPgUploadLocker(t.db, fast).newLock(id);
    const waiting = b.lock(controller.signal, () => {});
    setTimeout(() => controller.abort(), 200);
    await expect(waiting).rejects.toMatchObject({ body: expect.stringMatching(/abort/i) });
    await a.unlock();
    expect(await lease(id)).toBeNull();
  });
});
