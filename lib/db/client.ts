import path from "node:path";
import { mkdirSync } from "node:fs";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { getEnv } from "@/lib/env";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

type Handle = { db: Db; driver: "postgres" | "pglite"; close: () => Promise<void> };

/** Opens a database for a URL (postgres.js) or a PGlite directory ("memory://" for tests). */
export async function openDatabase(target: { url?: string; pgliteDir?: string }): Promise<Handle> {
  if (target.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(target.url, { max: 10, onnotice: () => {} });
    const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
    return { db, driver: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dir = target.pgliteDir ?? "memory://";
  if (!dir.startsWith("memory://"))
    mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ dir)), { recursive: true });
  const client = await PGlite.create(dir);
  const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
  return { db, driver: "pglite", close: () => client.close() };
}

const globalForDb = globalThis as unknown as { postdeckDb?: Promise<Handle> };

/** The app's database: one handle per process (HMR-safe), migrated before first use. */
export function getDb(): Promise<Db> {
  globalForDb.postdeckDb ??= (async () => {
    const env = getEnv();
    const handle = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.pgliteDir });
    const { migrateDatabase } = await import("./migrate");
    await migrateDatabase(handle);
    return handle;
  })();
  return globalForDb.postdeckDb.then((h) => h.db);
}
