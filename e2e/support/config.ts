import path from "node:path";

/** Shared by playwright.config.ts, the e2e server script and the specs. */
export const e2e = {
  appPort: Number(process.env.E2E_APP_PORT ?? 3100),
  sandboxPort: Number(process.env.E2E_SANDBOX_PORT ?? 4110),
  // Distinctive so the leak test can search for it anywhere.
  sandboxKey: "pp_sandbox_e2e_Zq7XkW2v",
  dataDir: path.resolve(".data/e2e"),
  serverLog: path.resolve(".data/e2e/server.log"),
} as const;

export const appUrl = `http://localhost:${e2e.appPort}`;
export const sandboxUrl = `http://127.0.0.1:${e2e.sandboxPort}`;

/**
 * A second app server for the webhook spec: the same build with PUBLIC_BASE_URL set, so saving a
 * key registers its receiver with its own sandbox and statuses arrive by webhook; it runs no sync
 * loop, so nothing else can bring them.
 */
export const webhookE2e = {
  appPort: Number(process.env.E2E_WEBHOOK_APP_PORT ?? e2e.appPort + 1),
  sandboxPort: Number(process.env.E2E_WEBHOOK_SANDBOX_PORT ?? e2e.sandboxPort + 1),
  sandboxKey: e2e.sandboxKey,
  dataDir: path.resolve(".data/e2e-webhooks"),
  serverLog: path.resolve(".data/e2e-webhooks/server.log"),
} as const;

export const webhookAppUrl = `http://localhost:${webhookE2e.appPort}`;
export const webhookSandboxUrl = `http://127.0.0.1:${webhookE2e.sandboxPort}`;
