import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { saveApiKey } from "@/lib/data/api-keys";
import { resolveWorkspaceCtx } from "@/lib/data/workspaces";
import { resetEnvForTests } from "@/lib/env";
import { refreshProfileMirror } from "@/lib/integrations/profile-mirror";
import { makeUser } from "../cluster/checks";
import { clusterClient } from "../cluster/client";
import { startCluster, type AppServer, type Cluster } from "../cluster/cluster";
import { seedBenchVideo } from "./bench-media";
import { measureSubmissions, sandboxLatencyMs } from "./submit-http";

const mb = 1024 ** 2;
const uploadBytes = Number(process.env.BENCH_UPLOAD_MB ?? 2048) * mb;
const fmt = (n: number, digits = 1) => n.toFixed(digits);

/** Samples a server's RSS every 100 ms; the peak over the baseline is its growth. */
function sampler(server: AppServer) {
  let peak = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      peak = Math.max(peak, await server.rss());
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return peak;
    },
  };
}

/**
 * With two app servers (scripts/cluster): a 2 GB upload sent half to server A, then resumed through
 * server B, each PATCH one stream from disk; prints each server's RSS growth over its baseline
 * (goal ≤ 64 MB each) and the throughput. Needs BENCH_DATABASE_URL or TEST_DATABASE_URL.
 */
export async function benchCluster(): Promise<void> {
  console.log("== Cluster: a 2 GB upload resumed across two app servers (S3, PostgreSQL) ==");
  process.env.TEST_DATABASE_URL ??= process.env.BENCH_DATABASE_URL;
  const dir = await mkdtemp(path.join(tmpdir(), "postdeck-bench-cluster-"));
  const cluster = await startCluster({ dataDir: path.join(dir, "cluster") });
  try {
    await benchClusterSubmissions(cluster);
    const file = path.join(dir, "upload.mp4");
    const head = await readFile(path.resolve("e2e/fixtures/media/video-valid-720x1280.mp4"));
    const block = randomBytes(4 * mb);
    const out = createWriteStream(file);
    out.write(head);
    for (let written = head.length; written < uploadBytes;) {
      const piece = block.subarray(0, Math.min(block.length, uploadBytes - written));
      if (!out.write(piece)) await new Promise<void>((r) => out.once("drain", () => r()));
      written += piece.length;
    }
    await new Promise<void>((r) => out.end(r));

    const user = await makeUser(cluster, "Bench Uploader");
    const client = clusterClient(cluster.url);
    const { cookie } = await client.signIn(user.email, user.password, "a");
    if (!cookie) throw new Error("bench: sign-in failed");
    const tus = client.tus(cookie);
    const location = await tus.create(
      "a",
      { workspaceId: user.workspaceId, filename: "bench.mp4", filetype: "video/mp4" },
      uploadBytes,
    );
    const patch = async (pin: "a" | "b", offset: number, end: number) => {
      const body = Readable.toWeb(
        createReadStream(file, { start: offset, end: end - 1, highWaterMark: mb }),
      ) as ReadableStream<Uint8Array>;
      const res = await fetch(location, {
        method: "PATCH",
        headers: {
          cookie,
          "x-cluster-pin": pin,
          "Tus-Resumable": "1.0.0",
          "Upload-Offset": String(offset),
          "Content-Type": "application/offset+octet-stream",
        },
        body,
        duplex: "half",
        redirect: "error",
      } as RequestInit);
      if (res.status !== 204) throw new Error(`PATCH on ${pin}: ${res.status} ${await res.text()}`);
    };

    // Warm-up: one small upload finished and probed on each server, so the baselines include the
    // code the upload path loads once per process (tus, the S3 client, mediainfo's WASM, sharp).
    for (const pin of ["a", "b"] as const) {
      const warm = await tus.create(
        pin,
        { workspaceId: user.workspaceId, filename: `warm-${pin}.mp4`, filetype: "video/mp4" },
        head.length,
      );
      const done = await tus.patch(pin, warm, 0, head);
      if (done.status !== 204) throw new Error(`warm-up on ${pin}: ${done.status} ${done.text}`);
    }
    await new Promise((r) => setTimeout(r, 1000));
    const base = { a: await cluster.servers.a.rss(), b: await cluster.servers.b.rss() };
    const samplers = { a: sampler(cluster.servers.a), b: sampler(cluster.servers.b) };
    const load = loadavg()[0];
    const started = performance.now();
    await patch("a", 0, Math.floor(uploadBytes / 2));
    const offset = await tus.offset("b", location);
    await patch("b", offset, uploadBytes);
    const seconds = (performance.now() - started) / 1000;
    const peak = { a: await samplers.a.stop(), b: await samplers.b.stop() };

    const growth = (s: "a" | "b") => (peak[s] - base[s]) / mb;
    console.log(
      `  server A (first ${fmt(uploadBytes / 2 / mb, 0)} MB): RSS growth ${fmt(growth("a"))} MB (baseline ${fmt(base.a / mb)} MB, peak ${fmt(peak.a / mb)})`,
    );
    console.log(
      `  server B (resumed at ${fmt(offset / mb)} MB):  RSS growth ${fmt(growth("b"))} MB (baseline ${fmt(base.b / mb)} MB, peak ${fmt(peak.b / mb)})`,
    );
    console.log(
      `  ${fmt(uploadBytes / mb, 0)} MB in ${fmt(seconds)} s (${fmt(uploadBytes / mb / seconds)} MB/s through proxy, servers and the local S3 server on one disk); load average at start ${fmt(load, 2)}`,
    );
    console.log(
      `  goal ≤ 64 MB per server: ${growth("a") <= 64 && growth("b") <= 64 ? "met" : "NOT met"}`,
    );
  } finally {
    await cluster.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The create-post action through the load balancer to both servers (round robin), 40 users at
 * once (issue 21 §3): its overhead over a direct Postproxy call should stay within the one-server
 * goal (p50 ≤ 15 ms, p99 ≤ 50 ms).
 */
async function benchClusterSubmissions(cluster: Cluster) {
  const userCount = Number(process.env.BENCH_CLUSTER_USERS ?? 40);
  console.log(
    `\n-- create-post over two servers behind the proxy, ${userCount} users, sandbox at ${sandboxLatencyMs} ms --`,
  );
  // This process seeds beside the servers: their secrets, bucket and sandbox.
  Object.assign(process.env, {
    ...cluster.secrets,
    POSTPROXY_BASE_URL: cluster.sandbox.url,
    ALLOW_INSECURE_HTTP: "true",
    S3_BUCKET: cluster.s3.config.bucket,
    S3_REGION: cluster.s3.config.region,
    S3_ENDPOINT: cluster.s3.config.endpoint,
    S3_ACCESS_KEY_ID: cluster.s3.config.accessKeyId,
    S3_SECRET_ACCESS_KEY: cluster.s3.config.secretAccessKey,
    S3_FORCE_PATH_STYLE: "true",
  });
  resetEnvForTests();
  const user = await makeUser(cluster, "Bench Poster");
  const ctx = (await resolveWorkspaceCtx(cluster.db, {
    id: user.id,
    email: user.email,
    name: "Bench Poster",
  }))!;
  await saveApiKey(ctx, cluster.sandbox.apiKey);
  const mediaId = await seedBenchVideo(ctx);
  await refreshProfileMirror(ctx, { force: true });
  const { cookie } = await clusterClient(cluster.url).signIn(user.email, user.password, null);
  if (!cookie) throw new Error("bench: sign-in failed");
  const faults = await fetch(`${cluster.sandbox.url}/__sandbox/faults`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ latencyMs: sandboxLatencyMs }),
  });
  if (!faults.ok) throw new Error(`bench: sandbox latency not set (${faults.status})`);
  try {
    await measureSubmissions(
      {
        url: cluster.url,
        cookie,
        workspaceId: ctx.workspaceId,
        mediaId,
        sandbox: cluster.sandbox,
        pids: [cluster.servers.a.process.pid!, cluster.servers.b.process.pid!],
      },
      { users: userCount, perUser: Number(process.env.BENCH_CLUSTER_PER_USER ?? 10) },
    );
  } finally {
    await fetch(`${cluster.sandbox.url}/__sandbox/faults`, { method: "DELETE" });
  }
}
