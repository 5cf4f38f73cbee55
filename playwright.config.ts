import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { appUrl, webhookAppUrl } from "./e2e/support/config";

const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) =>
  existsSync(p),
);

/** One e2e server (scripts/e2e-server.ts); `args` " --webhooks" makes the webhook spec's. */
function e2eServer(args: string, url: string, timeout: number) {
  return {
    // react-server: the script uses server-only modules (the database client) outside Next.
    command: `npx tsx --conditions=react-server scripts/e2e-server.ts${args}`,
    url: `${url}/api/health`,
    timeout,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
  };
}

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two spec files at a time: each has its own sandbox, accounts and workspace (e2e/support/
  // sandbox.ts), and most of a spec's time is spent waiting on polls and the sandbox's clock, so a
  // second worker nearly halves the run on these 2-core machines. E2E_WORKERS=1 runs one at a time.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: appUrl,
    // CI keeps only what it prints, so recording a trace of every test there is cost without use.
    trace: process.env.CI ? "off" : "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? systemChromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "app", testIgnore: /webhooks-live\.spec\.ts$/ },
    // Statuses by webhook: against the second server (PUBLIC_BASE_URL set, no sync loop).
    { name: "webhooks", testMatch: /webhooks-live\.spec\.ts$/, use: { baseURL: webhookAppUrl } },
  ],
  webServer: [
    e2eServer("", appUrl, 600_000),
    // Waits for the first server (which builds), so it gets longer.
    e2eServer(" --webhooks", webhookAppUrl, 900_000),
  ],
});
