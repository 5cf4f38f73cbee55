import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { startSandbox } from "../../sandbox/server";
import { openDatabase, type Db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { assertLocalDatabaseUrl } from "@/lib/test/db";
import { startS3TestServer, type S3TestServer } from "@/lib/test/s3-server";
import { bin, isBuildStale, run, waitForHttp } from "../lib/processes";

/**
 * Two `next start` processes of one build over one PostgreSQL database and one S3-compatible
 * bucket, behind a round-robin proxy (Node's http), with the same secrets and server-actions key:
 * the smallest honest picture of "more app servers behind a load balancer".
 *
 * The proxy sends each request to the next server in turn, unless the request names one with the
 * `x-cluster-pin: a|b` header or a `cluster-pin=a|b` cookie (so a check can render on A and act on
 * B); every request it forwards is logged with the server that answered.
 */
export type ServerName = "a" | "b";
export type AppServer = {
  name: ServerName;
  port: number;
  url: string;
  process: ChildProcess;
  /** Ends the process at once (SIGKILL), as a crashed machine would. */
  kill(): Promise<void>;
  /** Starts the server again on its port (after kill), as a supervisor would; resolves when up. */
  restart(): Promise<void>;
  /** RSS of the server's process tree in bytes (Linux /proc), for the bench. */
  rss(): Promise<number>;
};
export type ProxyLogEntry = {
  method: string;
  path: string;
  server: ServerName;
  status: number;
  action: boolean;
};
export type Cluster = {
  url: string;
  servers: Record<ServerName, AppServer>;
  db: Db;
  databaseUrl: string;
  s3: S3TestServer;
  sandbox: { url: string; apiKey: string };
  log: ProxyLogEntry[];
  secrets: { NEXTAUTH_SECRET: string; APP_ENCRYPTION_KEY: string; CRON_SECRET: string };
  close(): Promise<void>;
};

export type ClusterOptions = {
  /** The proxy's port; the servers take the next two, the S3 server and sandbox their own. */
  proxyPort?: number;
  s3Port?: number;
  sandboxPort?: number;
  dataDir?: string;
};

const sandboxKey = "pp_cluster_key";

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  // Never skips: a cluster test without PostgreSQL would prove nothing.
  if (!serverUrl)
    throw new Error("TEST_DATABASE_URL is not set: the cluster test needs a PostgreSQL server.");
  assertLocalDatabaseUrl(serverUrl);
  const proxyPort = options.proxyPort ?? Number(process.env.CLUSTER_PORT ?? 3700);
  const dataDir = options.dataDir ?? path.resolve(".data/cluster");
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });

  const cleanups: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };
  try {
    const { default: postgres } = await import("postgres");
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    const name = `postdeck_cluster_${randomBytes(4).toString("hex")}`;
    await admin.unsafe(`create database ${name}`);
    cleanups.push(async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    });
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();
    const handle = await openDatabase({ url: databaseUrl });
    cleanups.push(() => handle.close());
    await migrateDatabase(handle);

    const s3 = await startS3TestServer({
      port: options.s3Port ?? Number(process.env.CLUSTER_S3_PORT ?? proxyPort + 1012),
    });
    cleanups.push(() => s3.close());
    const sandbox = await startSandbox({
      port: options.sandboxPort ?? Number(process.env.CLUSTER_SANDBOX_PORT ?? proxyPort + 1011),
      apiKey: sandboxKey,
      log: false,
    });
    cleanups.push(() => sandbox.close());

    const secrets = {
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      APP_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
      // The sync route's bearer token, the same on both servers (the checks call it on each).
      CRON_SECRET: randomBytes(24).toString("hex"),
    };
    const publicUrl = `http://127.0.0.1:${proxyPort}`;
    const env = {
      ...process.env,
      NODE_ENV: "production" as const,
      NEXT_TELEMETRY_DISABLED: "1",
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: publicUrl,
      ALLOW_INSECURE_HTTP: "true",
      ...secrets,
      // The same key on every server: an action encrypted by one decrypts on the other.
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      POSTPROXY_BASE_URL: sandbox.url,
      // The proxy appends the client's address to X-Forwarded-For.
      TRUSTED_PROXY_COUNT: "1",
      S3_BUCKET: s3.config.bucket,
      S3_REGION: s3.config.region,
      S3_ENDPOINT: s3.config.endpoint,
      S3_ACCESS_KEY_ID: s3.config.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.config.secretAccessKey,
      S3_FORCE_PATH_STYLE: "true",
      SIGN_UP_LIMIT_PER_HOUR: "1000",
    };

    // The build `npm test` just made for the end-to-end tests is reused (the secrets are read at
    // run time); a stale one is rebuilt.
    if (isBuildStale())
      await run(bin("next"), ["build"], { env: { ...env, POSTDECK_BUILD_SKIP_TYPECHECK: "1" } });

    const startServer = (name: ServerName, port: number): AppServer => {
      const logFile = path.join(dataDir, `server-${name}.log`);
      let child: ChildProcess;
      let exited: Promise<void>;
      const spawnChild = () => {
        const log = createWriteStream(logFile, { flags: "a" });
        child = spawn(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
          env,
          stdio: ["ignore", "pipe", "pipe"],
        });
        child.stdout?.pipe(log);
        child.stderr?.pipe(log);
        exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      };
      spawnChild();
      const server: AppServer = {
        name,
        port,
        url: `http://127.0.0.1:${port}`,
        get process() {
          return child;
        },
        async kill() {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
          await exited;
        },
        async restart() {
          await server.kill();
          spawnChild();
          await waitForServer(server);
        },
        rss: () => treeRss(child.pid!),
      };
      return server;
    };
    const servers = {
      a: startServer("a", proxyPort + 1),
      b: startServer("b", proxyPort + 2),
    };
    cleanups.push(async () => {
      await Promise.all(Object.values(servers).map((s) => s.kill()));
    });
    for (const server of Object.values(servers)) await waitForServer(server);

    const log: ProxyLogEntry[] = [];
    const proxy = startProxy(proxyPort, servers, log);
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          proxy.closeAllConnections();
          proxy.close(() => resolve());
        }),
    );
    await new Promise<void>((resolve, reject) => {
      proxy.once("error", reject);
      proxy.listen(proxyPort, "127.0.0.1", () => resolve());
    });

    return {
      url: publicUrl,
      servers,
      db: handle.db,
      databaseUrl,
      s3,
      sandbox: { url: sandbox.url, apiKey: sandboxKey },
      log,
      secrets,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Resolves when the server answers its health check; fails when it exits first. */
async function waitForServer(server: AppServer) {
  await Promise.race([
    waitForHttp(`${server.url}/api/health`, 180_000),
    new Promise<never>((_, reject) =>
      server.process.once("exit", (code) =>
        reject(new Error(`server ${server.name} exited with ${code} while starting`)),
      ),
    ),
  ]);
}

function pinOf(req: http.IncomingMessage): ServerName | null {
  const header = req.headers["x-cluster-pin"];
  if (header === "a" || header === "b") return header;
  const cookie = /(?:^|;\s*)cluster-pin=(a|b)/.exec(req.headers.cookie ?? "");
  return cookie ? (cookie[1] as ServerName) : null;
}

/** Round robin, streaming both ways (tus PATCH bodies are never buffered), no stickiness. */
function startProxy(port: number, servers: Record<ServerName, AppServer>, log: ProxyLogEntry[]) {
  let turn = 0;
  const server = http.createServer((req, res) => {
    const name: ServerName = pinOf(req) ?? (turn++ % 2 === 0 ? "a" : "b");
    const target = servers[name];
    const forwardedFor = [req.headers["x-forwarded-for"], req.socket.remoteAddress]
      .filter(Boolean)
      .join(", ");
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: target.port,
        method: req.method,
        path: req.url,
        headers: {
          ...req.headers,
          host: `127.0.0.1:${port}`,
          "x-forwarded-for": forwardedFor,
          "x-forwarded-host": `127.0.0.1:${port}`,
          "x-forwarded-proto": "http",
        },
      },
      (answer) => {
        log.push({
          method: req.method ?? "",
          path: req.url ?? "",
          server: name,
          status: answer.statusCode ?? 0,
          action: typeof req.headers["next-action"] === "string",
        });
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      // The server died (or was killed) mid-request: the client sees its connection drop.
      log.push({
        method: req.method ?? "",
        path: req.url ?? "",
        server: name,
        status: 502,
        action: false,
      });
      if (!res.headersSent) res.writeHead(502).end("Bad gateway\n");
      else res.destroy();
    });
    req.on("aborted", () => upstream.destroy());
    req.pipe(upstream);
  });
  // Longer than the clients' keep-alive, as load balancers do, so a reused connection is never
  // closed under a request.
  server.keepAliveTimeout = 65_000;
  return server;
}

/** The RSS of a process and its children, from /proc (next start forks a worker). */
async function treeRss(pid: number): Promise<number> {
  const { readFile, readdir } = await import("node:fs/promises");
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = await readFile(`/proc/${entry}/status`, "utf8");
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      rss.set(Number(entry), kb * 1024);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}
