import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimitHits } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/test/db";
import { consumeRateLimit, describeWait } from "./rate-limits";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

const minute = 60_000;

describe("consumeRateLimit", () => {
  it("lets `limit` hits through per window and says when the next one frees up", async () => {
    const limit = { scope: "test", key: "a", limit: 3, windowMs: 10 * minute };
    const start = new Date("2030-01-01T10:00:00Z");
    for (let i = 0; i < 3; i++) {
      const at = new Date(start.getTime() + i * minute);
      expect(await consumeRateLimit(t.db, limit, at)).toEqual({ ok: true, retryAfterSeconds: 0 });
    }
    const refused = await consumeRateLimit(t.db, limit, new Date(start.getTime() + 5 * minute));
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 5 * 60 });
    // Another key and another scope have counters of their own.
    expect((await consumeRateLimit(t.db, { ...limit, key: "b" }, start)).ok).toBe(true);
    expect((await consumeRateLimit(t.db, { ...limit, scope: "other" }, start)).ok).toBe(true);
    // Once the first hit leaves the window, one more is allowed, and expired hits are pruned.
    const later = new Date(start.getTime() + 10 * minute + 1);
    expect((await consumeRateLimit(t.db, limit, later)).ok).toBe(true);
    const rows = await t.db
      .select()
      .from(rateLimitHits)
      .where(and(eq(rateLimitHits.scope, "test"), eq(rateLimitHits.key, "a")));
    expect(rows).toHaveLength(3);
  });

  it("holds under concurrency: of 40 simultaneous hits exactly `limit` pass", async () => {
    const limit = { scope: "test", key: "burst", limit: 5, windowMs: 10 * minute };
    const results = await Promise.all(
      Array.from({ length: 40 }, () => consumeRateLimit(t.db, limit)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok).every((r) => r.retryAfterSeconds > 0)).toBe(true);
  });

  it("describes waits in words", () => {
    expect(describeWait(1)).toBe("1 second");
    expect(describeWait(45)).toBe("45 seconds");
    expect(describeWait(60)).toBe("1 minute");
    expect(describeWait(14 * 60 + 1)).toBe("15 minutes");
  });
});
