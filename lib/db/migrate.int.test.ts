import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { assertLocalDatabaseUrl } from "@/lib/test/db";
import { openDatabase } from "./client";
import { migrateDatabase } from "./migrate";

const serverUrl = process.env.TEST_DATABASE_URL;
const journal = JSON.parse(
  readFileSync(path.join(process.cwd(), "drizzle/meta/_journal.json"), "utf8"),
) as { entries: unknown[] };

// Only PostgreSQL has several processes migrating one database; PGlite has one owner per directory.
describe.runIf(serverUrl && process.env.TEST_DB_DRIVER === "postgres")(
  "migrations on PostgreSQL",
  () => {
    it("apply once when several app servers start together on a fresh database", async () => {
      assertLocalDatabaseUrl(serverUrl!);
      const { default: postgres } = await import("postgres");
      const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
      const names: string[] = [];
      try {
        // A few rounds: without the lock the race (duplicate schema, table or migration rows)
        // shows up in most of them.
        for (let round = 0; round < 3; round++) {
          const name = `postdeck_migrate_${randomBytes(5).toString("hex")}`;
          names.push(name);
          await admin.unsafe(`create database ${name}`);
          const url = new URL(serverUrl!);
          url.pathname = `/${name}`;
          const servers = await Promise.all(
            [1, 2, 3].map(() => openDatabase({ url: url.toString() })),
          );
          try {
            await Promise.all(servers.map((handle) => migrateDatabase(handle)));
            const rows = (await servers[0].db.execute(
              sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
            )) as unknown as { n: number }[];
            expect(rows[0].n).toBe(journal.entries.length);
          } finally {
            await Promise.all(servers.map((handle) => handle.close()));
          }
        }
      } finally {
        for (const name of names)
          await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    });
  },
);
