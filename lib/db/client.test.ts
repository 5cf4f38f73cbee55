import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { resetEnvForTests } from "@/lib/env";
import { setTestEnv } from "@/lib/test/env";
import { getDb } from "./client";

const saved = { ...process.env };

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

afterEach(async () => {
  const global = globalThis as { postdeckDb?: Promise<{ close: () => Promise<void> }> };
  await global.postdeckDb?.then((h) => h.close()).catch(() => {});
  global.postdeckDb = undefined;
  process.env = { ...saved };
  resetEnvForTests();
});

describe("getDb", () => {
  it("tries again on the next call after a failed open instead of caching the failure", async () => {
    setTestEnv({ DATABASE_URL: `postgres://postgres@127.0.0.1:${await closedPort()}/nowhere` });
    await expect(getDb()).rejects.toThrow(/ECONNREFUSED|connect/);

    // The database is reachable now (here: an in-memory PGlite): the next call opens it.
    setTestEnv({ DATABASE_URL: "", PGLITE_DIR: "memory://" });
    const db = await getDb();
    // Opened and migrated: the users table exists and is empty (PGlite answers { rows }).
    const result = await db.execute(sql`select count(*)::int as n from users`);
    const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
    expect(rows).toEqual([{ n: 0 }]);
    expect(await getDb()).toBe(db);
  });
});
