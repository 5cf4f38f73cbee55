import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { existsSync, statSync, readdirSync } from "node:fs";
import path from "node:path";

export const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);

export function start(
  command: string,
  args: string[],
  options: SpawnOptions & { name: string },
): ChildProcess {
  const child = spawn(command, args, { stdio: "inherit", ...options });
  child.on("exit", (code, signal) => {
    if (code !== 0 && signal === null) console.error(`[${options.name}] exited with code ${code}`);
  });
  return child;
}

export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(command)} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

export async function waitForHttp(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** A production build is reused until a source file is newer than it. */
export function isBuildStale(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = [
    "app",
    "components",
    "lib",
    "public",
    "instrumentation.ts",
    "proxy.ts",
    "next.config.ts",
    "package-lock.json",
    "postcss.config.mjs",
  ];
  return sources.some((s) => newestMtime(s) > built);
}

/**
 * Calls the app's status sync every `intervalMs`, as a deployment's cron job does (the app has no
 * timer of its own). A failed call is said once per failure, and the loop goes on.
 */
export function startSyncLoop(appUrl: string, cronSecret: string, intervalMs: number) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const res = await fetch(`${appUrl}/api/cron/sync`, {
        method: "POST",
        headers: { authorization: `Bearer ${cronSecret}` },
        signal: AbortSignal.timeout(Math.max(intervalMs * 4, 60_000)),
      });
      if (!res.ok) console.error(`[sync] ${res.status} ${await res.text()}`);
    } catch (error) {
      console.error(`[sync] ${error instanceof Error ? error.message : error}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  return () => clearInterval(timer);
}
