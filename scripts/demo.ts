import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { demoLogin, seedDemo } from "@/lib/db/seed";
import { decodeKey, loadOrCreateLocalSecrets } from "@/lib/env";
import { bin, isBuildStale, run, start, waitForHttp } from "./lib/processes";

const appPort = Number(process.env.PORT ?? 3000);
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4010);
const sandboxKey = process.env.SANDBOX_API_KEY ?? "pp_sandbox_demo_key";
const dataDir = process.env.DATA_DIR ?? ".data";
const appUrl = `http://localhost:${appPort}`;
const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;

const secrets = loadOrCreateLocalSecrets(dataDir);
const children: ReturnType<typeof start>[] = [];

function stopAll(code = 0) {
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500).unref();
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

try {
  children.push(
    start(bin("tsx"), ["sandbox/main.ts"], {
      name: "sandbox",
      env: {
        ...process.env,
        SANDBOX_PORT: String(sandboxPort),
        SANDBOX_API_KEY: sandboxKey,
        SANDBOX_STATE_FILE: `${dataDir}/sandbox-state.json`,
      },
    }),
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
  };
  if (isBuildStale()) {
    console.log("Building Postdeck (first run or changed sources; about a minute)…");
    await run(bin("next"), ["build"], { env: appEnv });
  }
  children.push(start(bin("next"), ["start", "-p", String(appPort)], { name: "app", env: appEnv }));
  await waitForHttp(`${appUrl}/api/health`);

  console.log(`
  Postdeck demo is running.

    App:      ${appUrl}
    Login:    ${demoLogin.email} / ${demoLogin.password}
    Sandbox:  ${sandboxUrl}/__sandbox  (Postproxy emulator, key ${sandboxKey})

  Press Ctrl-C to stop both.
`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  stopAll(1);
}
