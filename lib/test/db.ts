import { randomBytes } from "node:crypto";
import { openDatabase, type Db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";

const localHosts = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** Tests may create and drop databases, so only a server on this machine is accepted. */
export function assertLocalDatabaseUrl(url: string) {
  const host = new URL(url).hostname;
  if (!localHosts.has(host))
    throw new Error(`Refusing to run tests against non-local database host "${host}".`);
}

export type TestDatabase = { db: Db; driver: "postgres" | "pglite"; close: () => Promise<void> };

/**
 * A fresh, migrated database per test file: an in-memory PGlite by default, or a throw-away
 * database on the PostgreSQL server of TEST_DATABASE_URL when it is set.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl || process.env.TEST_DB_DRIVER === "pglite") {
    const handle = await openDatabase({ pgliteDir: "memory://" });
    await migrateDatabase(handle);
    return handle;
  }
  assertLocalDatabaseUrl(serverUrl);
  const name = `postdeck_test_${randomBytes(6).toString("hex")}`;
  const { default: postgres } = await import("postgres");
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  await migrateDatabase(handle);
  return {
    db: handle.db,
    driver: "postgres",
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
