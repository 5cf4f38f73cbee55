import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { chromium, type BrowserContext } from "@playwright/test";
import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { seedDemo } from "@/lib/db/seed";
import { signInDemo as signIn, startNextServer, type NextServer } from "./app-server";
import { benchAppEnv } from "./app-env";
import { startSandboxProcess } from "./sandbox-process";

/** The dashboard routes measured; /compose carries the goal of issue 9. */
const routes = [
  "/home",
  "/compose",
  "/posts",
  "/media",
  "/calendar",
  // Each calendar view loads only its own FullCalendar plugin (board-views.tsx): all three count.
  "/calendar?view=week",
  "/calendar?view=agenda",
  "/profiles",
  "/stats",
  "/settings",
  "/account",
];
const goalKb = 250;
const kb = (bytes: number) => (bytes / 1000).toFixed(1);

// One copy of the port and sign-in helpers for every bench (scripts/bench/app-server.ts).
export { freePort, signInDemo as signIn } from "./app-server";

export type Script = { url: string; wire: number; decoded: number };

/**
 * Loads a route with an empty cache and sums the JavaScript bodies as they came over the wire
 * (CDP: bytes of the response minus its headers, so compressed), and as decoded.
 */
export async function measure(context: BrowserContext, url: string): Promise<Script[]> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const seen = new Map<string, { url: string; headers: number; decoded: number; isJs: boolean }>();
  const scripts: Script[] = [];
  cdp.on("Network.responseReceived", (e) => {
    const isJs = e.type === "Script" || /javascript/.test(e.response.mimeType);
    seen.set(e.requestId, {
      url: e.response.url,
      headers: e.response.encodedDataLength,
      decoded: 0,
      isJs,
    });
  });
  cdp.on("Network.dataReceived", (e) => {
    const entry = seen.get(e.requestId);
    if (entry) entry.decoded += e.dataLength;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const entry = seen.get(e.requestId);
    if (entry?.isJs)
      scripts.push({
        url: entry.url,
        wire: e.encodedDataLength - entry.headers,
        decoded: entry.decoded,
      });
  });
  const response = await page.goto(url, { waitUntil: "networkidle" });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
  if (new URL(page.url()).pathname !== new URL(url).pathname)
    throw new Error(`${url} sent the browser to ${page.url()}`);
  await page.close();
  return scripts;
}

export const chromiumPath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ??
  ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

/** First-load JavaScript of each dashboard route, compressed, as Chromium receives it. */
export async function benchFirstLoad(): Promise<void> {
  console.log("\n== First-load JavaScript (compressed, as the browser receives it) ==");
  const dir = path.resolve(".data/bench-first-load");
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const sandbox = await startSandboxProcess();
  const env = benchAppEnv(dir, { POSTPROXY_BASE_URL: sandbox.url });
  let server: NextServer | null = null;
  try {
    const handle = await openDatabase({ pgliteDir: env.PGLITE_DIR });
    await migrateDatabase(handle);
    await seedDemo(handle.db, {
      apiKey: sandbox.apiKey,
      encryptionKey: Buffer.from(env.APP_ENCRYPTION_KEY, "hex"),
    });
    await handle.close();

    server = await startNextServer(env);
    const baseUrl = server.url;
    const cookies = await signIn(baseUrl);
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
    });
    try {
      const results: { route: string; scripts: Script[] }[] = [];
      for (const route of routes) {
        // A fresh context per route: nothing cached from the previous one.
        const context = await browser.newContext();
        await context.addCookies(cookies.map((c) => ({ ...c, url: baseUrl })));
        await measure(context, `${baseUrl}${route}`); // warms the server, not the browser
        results.push({ route, scripts: await measure(context, `${baseUrl}${route}`) });
        await context.close();
      }
      const shared = results
        .map((r) => new Set(r.scripts.map((s) => new URL(s.url).pathname)))
        .reduce((a, b) => new Set([...a].filter((u) => b.has(u))));
      const shell = results[0].scripts.filter((s) => shared.has(new URL(s.url).pathname));
      const sum = (list: Script[], key: "wire" | "decoded") => list.reduce((t, s) => t + s[key], 0);
      console.log(
        `\nroute                  JS kB (wire)  JS kB (decoded)  files   goal ≤ ${goalKb} kB`,
      );
      for (const { route, scripts } of results) {
        const wire = sum(scripts, "wire");
        console.log(
          `${route.padEnd(22)} ${kb(wire).padStart(12)}  ${kb(sum(scripts, "decoded")).padStart(15)}  ${String(scripts.length).padStart(5)}   ${wire <= goalKb * 1000 ? "ok" : "OVER"}`,
        );
      }
      console.log(
        `\nshared by every route (the shell and framework): ${kb(sum(shell, "wire"))} kB in ${shell.length} files`,
      );
      if (process.argv.includes("--verbose"))
        for (const { route, scripts } of results) {
          console.log(`\n${route}`);
          for (const s of [...scripts].sort((a, b) => b.wire - a.wire))
            console.log(`  ${kb(s.wire).padStart(7)} kB  ${new URL(s.url).pathname}`);
        }
    } finally {
      await browser.close();
    }
  } finally {
    await server?.stop();
    await sandbox.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
