// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/test/db";
import { makeOwner } from "@/lib/test/factories";
import { saveApiKey } from "@/lib/data/api-keys";
import { renewJobLease, takeJobLease } from "@/lib/data/job-leases";
import { runSync, type SyncStep } from "./cron";

let t: TestDatabase;

beforeAll(async () => {
  process.env.APP_ENCRYPTION_KEY ??= "a".repeat(64);
  process.env.NEXTAUTH_SECRET ??= "b".repeat(40);
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

describe("runSync", () => {
  it("runs once when two servers call it at once, each workspace in its own system context", async () => {
    const a = await makeOwner(t.db, "Sync A");
    const b = await makeOwner(t.db, "Sync B");
    await saveApiKey(a, "pp_live_aaaaaaaaaaaaaaaaaaaaaaaa");
    await saveApiKey(b, "pp_live_bbbbbbbbbbbbbbbbbbbbbbbb");
    const seen: string[] = [];
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const step: SyncStep = {
      name: "probe",
      run: async (ctx) => {
        seen.push(ctx.workspaceId);
        expect(ctx.role).toBe("editor");
        await gate;
      },
    };
    const first = runSync(t.db, { steps: [step], globalSteps: [] });
    // The second call arrives while the first holds the lease.
    await new Promise((r) => setTimeout(r, 50));
    const second = await runSync(t.db, { steps: [step], globalSteps: [] });
    release();
    expect(second).toEqual({ ran: false, reason: "busy" });
    const done = await first;
    expect(done).toMatchObject({ ran: true });
    expect(seen.filter((id) => id === a.workspaceId)).toHaveLength(1);
    expect(seen.filter((id) => id === b.workspaceId)).toHaveLength(1);
    // Released: the next call runs.
    expect(await runSync(t.db, { steps: [], globalSteps: [] })).toMatchObject({ ran: true });
  });

  it("a failing step is reported and the other workspaces still run", async () => {
    const seen: string[] = [];
    const steps: SyncStep[] = [
      { name: "boom", run: async () => Promise.reject(new Error("boom")) },
      { name: "after", run: async (ctx) => seen.push(ctx.workspaceId) },
    ];
    const run = await runSync(t.db, { steps, globalSteps: [] });
    expect(run.ran).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(2);
  });

  it("a lease is short and only its holder renews it: a holder that died frees it when it runs out", async () => {
    const t0 = new Date("2026-12-04T12:00:00Z");
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    const lease = { name: "lease-test", ms: 30_000 };
    expect(await takeJobLease(t.db, { ...lease, holder: "a", now: t0 })).toBe(true);
    expect(await takeJobLease(t.db, { ...lease, holder: "b", now: at(10) })).toBe(false);
    // A renews while it runs, so B stays out past the first 30 s.
    expect(await renewJobLease(t.db, { ...lease, holder: "a", now: at(20) })).toBe(true);
    expect(await takeJobLease(t.db, { ...lease, holder: "b", now: at(40) })).toBe(false);
    // A dies (no more renewals): once its lease runs out, B takes it and A can no longer renew.
    expect(await takeJobLease(t.db, { ...lease, holder: "b", now: at(51) })).toBe(true);
    expect(await renewJobLease(t.db, { ...lease, holder: "a", now: at(52) })).toBe(false);
  });
});
