import { randomBytes } from "node:crypto";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { openWorkspaceCtx, type WorkspaceCtx } from "@/lib/data/context";
import type { Db } from "@/lib/db/client";
import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import * as schema from "@/lib/db/schema";
import { demoLogin, seedDemo } from "@/lib/db/seed";
import { assertLocalDatabaseUrl } from "@/lib/test/db";

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

/** JSON TikTok settings of a seeded post (the composer's defaults for a public video). */
export const benchPostSettings =
  '{"privacy":"PUBLIC_TO_EVERYONE","allowComments":true,"allowDuet":false,"allowStitch":false,"madeWithAi":false,"coverIndex":null,"autoAddMusic":false,"discloseContent":false,"yourBrand":false,"brandedContent":false}';

export type BenchWorkspace = {
  /** The throw-away database's URL. */
  url: string;
  client: postgres.Sql;
  /** The demo owner's workspace, read through drizzle on `client`. */
  ctx: WorkspaceCtx;
  encryptionKey: string;
  /** Every statement sent on `client` since the last `captured.length = 0`. */
  captured: { query: string; params: unknown[] }[];
  close(): Promise<void>;
};

/**
 * A fresh PostgreSQL database (BENCH_DATABASE_URL, TEST_DATABASE_URL or the local server),
 * migrated and seeded with the demo, and the demo owner's workspace context on it. `close` drops
 * the database.
 */
export async function openBenchWorkspace(apiKey: string): Promise<BenchWorkspace> {
  const serverUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres";
  assertLocalDatabaseUrl(serverUrl);
  const name = `postdeck_bench_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const captured: BenchWorkspace["captured"] = [];
  const client = postgres(url.toString(), {
    max: 4,
    onnotice: () => {},
    debug: (_c, query, params) => captured.push({ query, params: params as unknown[] }),
  });
  const close = async () => {
    await client.end();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  try {
    const handle = await openDatabase({ url: url.toString() });
    await migrateDatabase(handle);
    const encryptionKey = randomBytes(32).toString("hex");
    await seedDemo(handle.db, { apiKey, encryptionKey: Buffer.from(encryptionKey, "hex") });
    await handle.close();
    const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
    const [user] = await client`select id, email, name from users where email = ${demoLogin.email}`;
    const [member] = await client`select workspace_id from memberships where user_id = ${user.id}`;
    const ctx = (await openWorkspaceCtx(
      db,
      { id: user.id, email: user.email, name: user.name },
      member.workspace_id,
    )) as WorkspaceCtx;
    return { url: url.toString(), client, ctx, encryptionKey, captured, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The statements `call` sends, run again under EXPLAIN ANALYZE: their summed execution time, the
 * floor under the call's own time.
 */
export async function sqlFloorMs(bench: BenchWorkspace, call: () => Promise<unknown>) {
  bench.captured.length = 0;
  await call();
  const statements = [...bench.captured];
  let floor = 0;
  for (const s of statements) {
    const [plan] = await bench.client.unsafe(
      `explain (analyze, format json) ${s.query}`,
      s.params as never[],
    );
    floor += (plan["QUERY PLAN"] as { "Execution Time": number }[])[0]["Execution Time"];
  }
  return floor;
}
