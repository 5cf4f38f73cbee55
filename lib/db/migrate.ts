import "server-only";
import path from "node:path";

const migrationsFolder = path.join(process.cwd(), "drizzle");

/** Key of the advisory lock that serialises migrations across app servers. */
const migrationLockKey = 7_310_221_846_017;

/**
 * Applies the SQL migrations in drizzle/ with the migrator of the active driver. On PostgreSQL it
 * holds an advisory lock meanwhile, so app servers starting together migrate one after the other
 * (the later ones find nothing left to do) instead of racing on the same DDL. The lock lives on
 * its own reserved connection; if the process dies, PostgreSQL releases it with the connection.
 */
export async function migrateDatabase(handle: {
  // Either driver's drizzle handle: each migrator below takes its own driver's type.
  db: unknown;
  driver: "postgres" | "pglite";
  withAdvisoryLock?: <T>(key: number, fn: () => Promise<T>) => Promise<T>;
}) {
  if (handle.driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migrate(handle.db as any, { migrationsFolder });
    return;
  }
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  if (!handle.withAdvisoryLock)
    throw new Error("A PostgreSQL handle must provide an advisory lock");
  await handle.withAdvisoryLock(migrationLockKey, () =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    migrate(handle.db as any, { migrationsFolder }),
  );
}
