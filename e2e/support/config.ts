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
