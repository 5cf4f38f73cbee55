import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, lt, ne, sql } from "drizzle-orm";
import { ERRORS, type Lock, type Locker, type RequestRelease } from "@tus/utils";
import type { Db } from "@/lib/db/client";
import { uploadLeases } from "@/lib/db/schema";

export type LeaseOptions = {
  /** How long a lease lives without renewal: a killed server's upload is free after this. */
  leaseMs?: number;
  /** How often the holder renews (well under leaseMs). */
  renewMs?: number;
  /** How long a request waits for the lease before tus answers "locked" (500 ERR_LOCK_TIMEOUT). */
  acquireTimeoutMs?: number;
  /** How often a waiting request tries again. */
  pollMs?: number;
};

const defaults = { leaseMs: 15_000, renewMs: 3_000, acquireTimeoutMs: 30_000, pollMs: 250 };

/**
 * The tus lock across app servers, as a lease row in PostgreSQL (`upload_leases`): one statement to
 * take it (insert, or take over an expired row), one per renewal, one to release; no connection or
 * transaction is held while the bytes flow. A request that wants a held upload asks the holder to
 * let go (tus's `requestRelease`): the holder sees the flag at its next renewal and ends its PATCH,
 * as the in-memory locker would within one process. A holder that cannot renew stops writing before
 * its lease could have expired, so two servers never write one upload at once; a killed holder's
 * lease expires and the next request takes it over.
 */
export function createPgUploadLocker(db: Db, options: LeaseOptions = {}): Locker {
  const o = { ...defaults, ...options };
  const leaseInterval = sql`make_interval(secs => ${o.leaseMs / 1000})`;

  /** One attempt: true when this holder now has the lease. */
  async function tryTake(uploadId: string, holder: string): Promise<boolean> {
    const rows = await db
      .insert(uploadLeases)
      .values({ uploadId, holder, expiresAt: sql`now() + ${leaseInterval}` })
      .onConflictDoUpdate({
        target: uploadLeases.uploadId,
        set: { holder, expiresAt: sql`now() + ${leaseInterval}`, releaseRequested: false },
        setWhere: lt(uploadLeases.expiresAt, sql`now()`),
      })
      .returning({ holder: uploadLeases.holder });
    return rows[0]?.holder === holder;
  }

  return {
    newLock(uploadId: string): Lock {
      const holder = randomUUID();
      let renewTimer: NodeJS.Timeout | null = null;
      let held = false;

      const stopRenewing = () => {
        if (renewTimer) clearInterval(renewTimer);
        renewTimer = null;
      };

      return {
        async lock(signal: AbortSignal, requestRelease: RequestRelease) {
          const deadline = Date.now() + o.acquireTimeoutMs;
          let asked = false;
          for (;;) {
            if (signal.aborted) throw ERRORS.ABORTED;
            if (await tryTake(uploadId, holder)) break;
            if (!asked) {
              // Ask whoever holds it to finish; it sees this at its next renewal.
              await db
                .update(uploadLeases)
                .set({ releaseRequested: true })
                .where(and(eq(uploadLeases.uploadId, uploadId), ne(uploadLeases.holder, holder)));
              asked = true;
            }
            if (Date.now() >= deadline) throw ERRORS.ERR_LOCK_TIMEOUT;
            await new Promise((resolve) => setTimeout(resolve, o.pollMs));
          }
          held = true;
          let lastRenewed = Date.now();
          let released = false;
          const letGo = () => {
            if (released) return;
            released = true;
            void requestRelease();
          };
          renewTimer = setInterval(() => {
            // Past half the lease without a renewal: stop before another server may take over.
            if (Date.now() - lastRenewed > o.leaseMs / 2) {
              letGo();
              stopRenewing();
              return;
            }
            db.update(uploadLeases)
              .set({ expiresAt: sql`now() + ${leaseInterval}` })
              .where(and(eq(uploadLeases.uploadId, uploadId), eq(uploadLeases.holder, holder)))
              .returning({ releaseRequested: uploadLeases.releaseRequested })
              .then((rows) => {
                if (!renewTimer) return;
                if (rows.length === 0) {
                  // Taken over (our lease had expired): stop writing at once.
                  letGo();
                  stopRenewing();
                  return;
                }
                lastRenewed = Date.now();
                if (rows[0].releaseRequested) letGo();
              })
              .catch(() => {
                // Renewal failed (database unreachable): the age check above ends the PATCH.
              });
          }, o.renewMs);
          renewTimer.unref?.();
        },

        async unlock() {
          stopRenewing();
          if (!held) return;
          held = false;
          await db
            .delete(uploadLeases)
            .where(and(eq(uploadLeases.uploadId, uploadId), eq(uploadLeases.holder, holder)));
        },
      };
    },
  };
}
