import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { getEnv } from "@/lib/env";

const env = getEnv();
const handle = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.pgliteDir });
await migrateDatabase(handle);
await handle.close();
console.log(
  `Migrations applied (${handle.driver}${handle.driver === "pglite" ? `: ${env.pgliteDir}` : ""}).`,
);
