import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { startCluster } from "./cluster";
import { checks, makeUser } from "./checks";
import { clusterClient } from "./client";

/**
 * `npm run test:cluster`: starts two app servers over one PostgreSQL database and one S3 bucket
 * behind a round-robin proxy, runs every check of checks.ts, and exits non-zero when any fails or
 * when the cluster cannot start (it never skips). Needs TEST_DATABASE_URL and Chromium.
 */
const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7);
const chromiumPath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ??
  ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

let failed = 0;
const started = Date.now();
const cluster = await startCluster().catch((error: Error) => {
  console.error(`test:cluster could not start its servers: ${error.message}`);
  process.exit(1);
});
console.log(`cluster up in ${((Date.now() - started) / 1000).toFixed(0)} s at ${cluster.url}`);
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const ctx = {
    cluster,
    client: clusterClient(cluster.url),
    browser,
    newUser: (name: string) => makeUser(cluster, name),
  };
  for (const check of checks) {
    if (only && !check.name.includes(only)) continue;
    const t0 = Date.now();
    try {
      await check.run(ctx);
      console.log(`  ✓ ${check.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (error) {
      failed++;
      const cause = (error as Error).cause;
      console.log(
        `  ✗ ${check.name}\n    ${(error as Error).stack ?? error}${cause ? `\n    cause: ${String(cause)}` : ""}`,
      );
    }
  }
} finally {
  await browser.close();
  await cluster.close();
}
console.log(
  failed
    ? `${failed} cluster check(s) failed (server logs: .data/cluster/server-*.log)`
    : `all cluster checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
process.exit(failed ? 1 : 0);
