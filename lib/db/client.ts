import "server-only";
import path from "node:path";
import { mkdirSync } from "node:fs";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { getEnv } from "@/lib/env";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

type Handle = {
  db: Db;
  driver: "postgres" | "pglite";
  close: () => Promise<void>;
  /** PostgreSQL: runs `fn` holding a session advisory lock on one reserved connection. */
  withAdvisoryLock?: <T>(key: number, fn: () => Promise<T>) => Promise<T>;
};

/** Opens a database for a URL (postgres.js) or a PGlite directory ("memory://" for tests). */
export async function openDatabase(target: { url?: string; pgliteDir?: string }): Promise<Handle> {
  if (target.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(target.url, { max: 10, onnotice: () => {} });
    const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
    return {
      db,
      driver: "postgres",
      close: () => client.end({ timeout: 5 }),
      withAdvisoryLock: async (key, fn) => {
        const connection = await client.reserve();
        try {
          await connection`select pg_advisory_lock(${key}::bigint)`;
          try {
            return await fn();
          } finally {
            await connection`select pg_advisory_unlock(${key}::bigint)`;
          }
        } finally {
          connection.release();
        }
      },
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dir = target.pgliteDir ?? "memory://";
  if (!dir.startsWith("memory://"))
    mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ dir)), { recursive: true });
  // pg_trgm: the posts list's caption search index (migration enable_pg_trgm creates it).
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const client = await PGlite.create(dir, { extensions: { pg_trgm } });
  const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
  return { db, driver: "pglite", close: () => client.close() };
}

const globalForDb = globalThis as unknown as { postdeckDb?: Promise<Handle> };

/**
 * The app's database: one handle per process (HMR-safe), migrated before first use. A failed
 * open or migration is forgotten, so the next call tries again (the database may just have been
 * starting) instead of failing every request until a restart.
 */
export function getDb(): Promise<Db> {
  if (!globalForDb.postdeckDb) {
    const opening = (async () => {
      const env = getEnv();
      const handle = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.pgliteDir });
      try {
        const { migrateDatabase } = await import("./migrate");
        await migrateDatabase(handle);
      } catch (error) {
        await handle.close().catch(() => {});
        throw error;
      }
      return handle;
    })();
    globalForDb.postdeckDb = opening;
    opening.catch(() => {
      if (globalForDb.postdeckDb === opening) globalForDb.postdeckDb = undefined;
    });
  }
  return globalForDb.postdeckDb.then((h) => h.db);
}
