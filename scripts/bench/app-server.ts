import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdir, rm } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { WorkspaceCtx } from "@/lib/data/context";
import { resolveWorkspaceCtx } from "@/lib/data/workspaces";
import { openDatabase, type Db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { migrateDatabase } from "@/lib/db/migrate";
import { demoLogin, seedDemo } from "@/lib/db/seed";
import { assertLocalDatabaseUrl } from "@/lib/test/db";
import { benchAppEnv } from "./app-env";
import { bin, isBuildStale, run, waitForHttp } from "../lib/processes";
import { startPgCounter } from "./pg-counter";
import { startSandboxProcess, type SandboxProcess } from "./sandbox-process";

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (!address || typeof address === "string") throw new Error("No free port");
  return address.port;
}

export type NextServer = { url: string; app: ChildProcess; stop(): Promise<void> };

/**
 * `next start` of the current build (built first when stale) with `env`, on BENCH_APP_PORT (a
 * machine shared by several runs) or any free port; resolves once /api/health answers.
 */
export async function startNextServer(env: NodeJS.ProcessEnv): Promise<NextServer> {
  if (isBuildStale()) await run(bin("next"), ["build"], { env });
  const port = Number(process.env.BENCH_APP_PORT ?? (await freePort()));
  const url = `http://127.0.0.1:${port}`;
  const app = spawn(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...env, NEXTAUTH_URL: url },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = async () => {
    if (app.exitCode !== null) return;
    app.kill("SIGTERM");
    await once(app, "exit").catch(() => {});
  };
  try {
    await waitForHttp(`${url}/api/health`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, app, stop };
}

/** The demo login's cookies as one `Cookie` header. */
export async function demoCookieHeader(baseUrl: string): Promise<string> {
  return (await signInDemo(baseUrl)).map((c) => `${c.name}=${c.value}`).join("; ");
}

/** Signs the demo login in through next-auth's credentials route; returns the cookies. */
export async function signInDemo(baseUrl: string): Promise<{ name: string; value: string }[]> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, ...demoLogin, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token"));
  if (!session) throw new Error(`Sign-in failed (${res.status})`);
  return [...cookies, session.split(";")[0]].map((c) => {
    const at = c.indexOf("=");
    return { name: c.slice(0, at), value: c.slice(at + 1) };
  });
}

/** The demo user's workspace in a bench app's database, for seeding beside the app. */
export async function demoWorkspaceCtx(db: Db): Promise<WorkspaceCtx> {
  const [demo] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.email, demoLogin.email));
  const ctx = demo ? await resolveWorkspaceCtx(db, demo) : null;
  if (!ctx) throw new Error("The demo user has no workspace");
  return ctx;
}

export type BenchApp = {
  url: string;
  /** The `next start` process, for reading its CPU time. */
  app: ChildProcess;
  sandbox: SandboxProcess;
  cookieHeader: string;
  databaseUrl: string | null;
  /** The app's environment (its secrets and directories), for a bench that seeds beside it. */
  env: NodeJS.ProcessEnv;
  /** Database round trips the app made so far (PostgreSQL only; 0 on PGlite). */
  roundTrips(): number;
  stop(): Promise<void>;
};

/**
 * A production build of the app (built when stale) over a fresh, demo-seeded database — a new
 * PostgreSQL database when `databaseUrl` names a local server, else PGlite — with the sandbox in its
 * own process and the demo login signed in. Everything it made is removed by stop().
 */
export async function startBenchApp(
  options: {
    name: string;
    databaseUrl?: string;
    nodeArgs?: string[];
    /** Added to the app's environment. */
    env?: Record<string, string>;
    /** Added to the sandbox's environment (latency, faults). */
    sandboxEnv?: Record<string, string>;
    /** Told the sandbox's address before the app starts (a bench that stands in front of it). */
    onSandbox?: (url: string) => void;
  } = { name: "bench" },
): Promise<BenchApp> {
  const dir = path.resolve(`.data/bench-${options.name}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const sandbox = await startSandboxProcess(undefined, options.sandboxEnv);
  options.onSandbox?.(sandbox.url);
  let databaseUrl: string | null = null;
  let counter: Awaited<ReturnType<typeof startPgCounter>> | null = null;
  let dropDatabase = async () => {};
  if (options.databaseUrl) {
    assertLocalDatabaseUrl(options.databaseUrl);
    const { default: postgres } = await import("postgres");
    const admin = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });
    const name = `postdeck_bench_${randomBytes(4).toString("hex")}`;
    await admin.unsafe(`create database ${name}`);
    const url = new URL(options.databaseUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    counter = await startPgCounter(databaseUrl);
    dropDatabase = async () => {
      await counter?.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const env = benchAppEnv(dir, {
    DATABASE_URL: databaseUrl ?? "",
    POSTPROXY_BASE_URL: sandbox.url,
    ...options.env,
  });
  let app: ChildProcess | null = null;
  const stop = async () => {
    if (app && app.exitCode === null) {
      // SIGINT lets Node write a CPU profile when one was asked for.
      app.kill(process.env.BENCH_CPU_PROF ? "SIGINT" : "SIGTERM");
      await once(app, "exit").catch(() => {});
    }
    await sandbox.stop();
    await dropDatabase();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    if (isBuildStale()) await run(bin("next"), ["build"], { env });
    const handle = await openDatabase({ url: databaseUrl ?? undefined, pgliteDir: env.PGLITE_DIR });
    await migrateDatabase(handle);
    await seedDemo(handle.db, {
      apiKey: sandbox.apiKey,
      encryptionKey: Buffer.from(env.APP_ENCRYPTION_KEY, "hex"),
    });
    await handle.close();
    // BENCH_APP_PORT pins it (a machine shared by several runs), else any free port.
    const port = Number(process.env.BENCH_APP_PORT ?? (await freePort()));
    const url = `http://127.0.0.1:${port}`;
    // Node's own flags (a CPU profile, say) cannot go through NODE_OPTIONS: run Next's bin directly.
    const nextBin = path.resolve("node_modules/next/dist/bin/next");
    // BENCH_CPU_PROF=<dir>: the app writes a CPU profile there when it stops.
    const profileDir = process.env.BENCH_CPU_PROF;
    const args = [
      ...(options.nodeArgs ?? []),
      ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`] : []),
      nextBin,
      "start",
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
    ];
    app = spawn(process.execPath, args, {
      // The app reaches PostgreSQL through the round-trip counter.
      env: { ...env, NEXTAUTH_URL: url, DATABASE_URL: counter?.url ?? env.DATABASE_URL },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitForHttp(`${url}/api/health`);
    const cookieHeader = await demoCookieHeader(url);
    const roundTrips = () => counter?.roundTrips ?? 0;
    return { url, app, sandbox, cookieHeader, databaseUrl, env, roundTrips, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
