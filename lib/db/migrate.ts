import path from "node:path";
import type { Db } from "./client";

const migrationsFolder = path.join(process.cwd(), "drizzle");

/** Applies the SQL migrations in drizzle/ with the migrator of the active driver. */
export async function migrateDatabase(handle: { db: Db; driver: "postgres" | "pglite" }) {
  if (handle.driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migrate(handle.db as any, { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migrate(handle.db as any, { migrationsFolder });
  }
}
