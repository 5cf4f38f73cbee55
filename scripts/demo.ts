import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { demoLogin, seedDemo } from "@/lib/db/seed";
import { decodeKey, loadOrCreateLocalSecrets } from "@/lib/env";
import { randomBytes } from "node:crypto";
import { bin, isBuildStale, run, start, startSyncLoop, waitForHttp } from "./lib/processes";

const appPort = Number(process.env.PORT ?? 3000);
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4010);
const sandboxKey = process.env.SANDBOX_API_KEY ?? "pp_sandbox_demo_key";
const dataDir = process.env.DATA_DIR ?? ".data";
const appUrl = `http://localhost:${appPort}`;
const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;

const secrets = loadOrCreateLocalSecrets(dataDir);
const children: ReturnType<typeof start>[] = [];
let isStopping = false;
let stopSync = () => {};

function stopAll(code = 0) {
  isStopping = true;
  stopSync();
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500).unref();
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

/** The demo is the app and the sandbox together: if either dies, it says so and stops. */
function supervise(child: ReturnType<typeof start>, what: string) {
  children.push(child);
  child.on("exit", (code, signal) => {
    if (isStopping) return;
    console.error(
      `\n  The ${what} stopped (${signal ?? `exit code ${code}`}); Postdeck cannot run without it. Stopping the demo.\n`,
    );
    stopAll(1);
  });
}

try {
  supervise(
    start(bin("tsx"), ["sandbox/main.ts"], {
      name: "sandbox",
      env: {
        ...process.env,
        SANDBOX_PORT: String(sandboxPort),
        SANDBOX_API_KEY: sandboxKey,
        SANDBOX_STATE_FILE: `${dataDir}/sandbox-state.json`,
      },
    }),
    "Postproxy sandbox",
  );
  await waitForHttp(`${sandboxUrl}/__sandbox/state`, 60_000);

  const handle = await openDatabase({
    url: process.env.DATABASE_URL,
    pgliteDir: process.env.PGLITE_DIR ?? `${dataDir}/pglite`,
  });
  await migrateDatabase(handle);
  await seedDemo(handle.db, {
    apiKey: sandboxKey,
    encryptionKey: decodeKey(secrets.APP_ENCRYPTION_KEY)!,
  });
  await handle.close();

  const appEnv = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    DATA_DIR: dataDir,
    NEXTAUTH_URL: appUrl,
    // Served over plain http on this machine only; production otherwise insists on https.
    ALLOW_INSECURE_HTTP: "true",
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secrets.NEXTAUTH_SECRET,
    APP_ENCRYPTION_KEY: process.env.APP_ENCRYPTION_KEY ?? secrets.APP_ENCRYPTION_KEY,
    POSTPROXY_BASE_URL: sandboxUrl,
    // The sandbox reaches the app here: media links, and the webhook receiver it registers.
    PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL ?? appUrl,
    CRON_SECRET: process.env.CRON_SECRET ?? randomBytes(24).toString("hex"),
  };
  if (isBuildStale()) {
    console.log("Building Postdeck (first run or changed sources; about a minute)…");
    await run(bin("next"), ["build"], { env: appEnv });
  }
  supervise(
    start(bin("next"), ["start", "-p", String(appPort)], { name: "app", env: appEnv }),
    "app",
  );
  await waitForHttp(`${appUrl}/api/health`);
  // Statuses arrive by webhook first; the sync route is the fallback, called as a cron job would.
  stopSync = startSyncLoop(appUrl, appEnv.CRON_SECRET, 30_000);

  console.log(`
  Postdeck demo is running.

    App:      ${appUrl}
    Login:    ${demoLogin.email} / ${demoLogin.password}
    Sandbox:  ${sandboxUrl}/__sandbox  (Postproxy emulator, key ${sandboxKey})

  Statuses arrive by webhook; the status sync runs every 30 s.
  Press Ctrl-C to stop both.
`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  stopAll(1);
}
