import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { resetEnvForTests } from "@/lib/env";
import { getDb } from "./client";

const saved = { ...process.env };

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function useEnv(vars: Record<string, string>) {
  Object.assign(process.env, {
    NEXTAUTH_SECRET: "s".repeat(40),
    APP_ENCRYPTION_KEY: "a".repeat(64),
    ...vars,
  });
  resetEnvForTests();
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
    useEnv({ DATABASE_URL: `postgres://postgres@127.0.0.1:${await closedPort()}/nowhere` });
    await expect(getDb()).rejects.toThrow(/ECONNREFUSED|connect/);

    // The database is reachable now (here: an in-memory PGlite): the next call opens it.
    useEnv({ DATABASE_URL: "", PGLITE_DIR: "memory://" });
    const db = await getDb();
    // Opened and migrated: the users table exists and is empty (PGlite answers { rows }).
    const result = await db.execute(sql`select count(*)::int as n from users`);
    const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
    expect(rows).toEqual([{ n: 0 }]);
    expect(await getDb()).toBe(db);
  });
});
