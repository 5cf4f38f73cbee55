import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";

/** A round trip to the database, for the health route. */
export async function checkDatabase(): Promise<void> {
  const db = await getDb();
  await db.execute(sql`select 1`);
}
