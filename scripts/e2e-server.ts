import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import {
  e2e as mainE2e,
  appUrl as mainAppUrl,
  webhookAppUrl,
  webhookE2e,
} from "../e2e/support/config";
import { assertLocalDatabaseUrl } from "@/lib/test/db";
import { bin, isBuildStale, run, startSyncLoop, waitForHttp } from "./lib/processes";
import { startSandboxRouter } from "./lib/sandbox-router";

/**
 * What the end-to-end tests run against: a fresh database, the Postproxy sandbox and a production
 * build of the app whose output is captured in a log file (the leak test reads it).
 * `--webhooks`: the second server of the webhook spec, on the same build (it waits for the first
 * server, which builds), with PUBLIC_BASE_URL set and no sync loop.
 */
const isWebhookInstance = process.argv.includes("--webhooks");
const e2e = isWebhookInstance ? webhookE2e : mainE2e;
const appUrl = isWebhookInstance ? webhookAppUrl : mainAppUrl;
if (isWebhookInstance) await waitForHttp(`${mainAppUrl}/api/health`, 600_000);

rmSync(e2e.dataDir, { recursive: true, force: true });
mkdirSync(e2e.dataDir, { recursive: true });

// Each spec's key gets its own sandbox behind this one address (e2e/support/sandbox.ts).
const sandbox = await startSandboxRouter({
  port: e2e.sandboxPort,
  keyPrefix: `${e2e.sandboxKey}_`,
  defaultKey: e2e.sandboxKey,
});

let databaseUrl: string | undefined;
let dropDatabase = async () => {};
if (process.env.TEST_DATABASE_URL) {
  assertLocalDatabaseUrl(process.env.TEST_DATABASE_URL);
  const { default: postgres } = await import("postgres");
  const admin = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  const name = `postdeck_e2e_${randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  dropDatabase = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}

const env = {
  ...process.env,
  NODE_ENV: "production" as const,
  NEXT_TELEMETRY_DISABLED: "1",
  DATA_DIR: e2e.dataDir,
  PGLITE_DIR: path.join(e2e.dataDir, "pglite"),
  DATABASE_URL: databaseUrl ?? "",
  NEXTAUTH_URL: appUrl,
  // Served over plain http on loopback; production otherwise insists on https.
  ALLOW_INSECURE_HTTP: "true",
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  APP_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
  POSTPROXY_BASE_URL: sandbox.url,
  CRON_SECRET: randomBytes(24).toString("hex"),
  // Every spec signs up from the same address; the limit itself is tested in lib/actions.
  SIGN_UP_LIMIT_PER_HOUR: "1000",
  // The sandbox reaches the app here: the webhook receiver it registers, and media links.
  ...(isWebhookInstance ? { PUBLIC_BASE_URL: appUrl } : {}),
};

// `npm test` type-checked the tree just before; the build need not do it a second time.
if (!isWebhookInstance && (process.env.CI || isBuildStale()))
  await run(bin("next"), ["build"], { env: { ...env, POSTDECK_BUILD_SKIP_TYPECHECK: "1" } });

const log = createWriteStream(e2e.serverLog);
const app = spawn(bin("next"), ["start", "-p", String(e2e.appPort)], {
  env,
  stdio: ["ignore", "pipe", "pipe"],
});
for (const stream of [app.stdout, app.stderr]) {
  stream.on("data", (chunk: Buffer) => {
    log.write(chunk);
    process.stdout.write(chunk);
  });
}

// Statuses reach the post page by the sync route, as in a deployment; every 2 s here so a spec
// waits seconds, not a cron period.
await waitForHttp(`${appUrl}/api/health`);
const stopSync = isWebhookInstance ? () => {} : startSyncLoop(appUrl, env.CRON_SECRET, 2_000);

async function shutdown() {
  stopSync();
  app.kill("SIGTERM");
  await sandbox.close();
  await dropDatabase();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
app.on("exit", (code) => {
  if (code) console.error(`next start exited with ${code}`);
});
