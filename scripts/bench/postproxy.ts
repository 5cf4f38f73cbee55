import { mkdtemp, open, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPostproxyClient, isPostproxyError } from "@/lib/postproxy";
import { diskCopySeconds } from "./disk-copy";
import { startSandboxProcess, type SandboxProcess } from "./sandbox-process";

const requests = 500;
const warmup = 50;
const uploadBytes = 1024 ** 3;
const mb = 1024 ** 2;

const fmt = (n: number, digits = 2) => n.toFixed(digits);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function timed(call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await call();
  return performance.now() - started;
}

async function benchOverhead(sandbox: SandboxProcess) {
  const client = createPostproxyClient({ baseUrl: sandbox.url, apiKey: sandbox.apiKey });
  const raw = async () => {
    const response = await fetch(`${sandbox.url}/api/profiles`, {
      headers: { Authorization: `Bearer ${sandbox.apiKey}`, Accept: "application/json" },
    });
    if (!response.ok) throw new Error(`GET /api/profiles answered ${response.status}`);
    return response.json();
  };
  const viaClient = () => client.profiles.list();
  for (let i = 0; i < warmup; i++) {
    await raw();
    await viaClient();
  }
  const rawTimes: number[] = [];
  const clientTimes: number[] = [];
  // Interleaved so drift in the sandbox affects both sides alike.
  for (let i = 0; i < requests; i++) {
    rawTimes.push(await timed(raw));
    clientTimes.push(await timed(viaClient));
  }
  const stats = (times: number[]) => {
    const sorted = [...times].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  };
  const a = stats(rawTimes);
  const b = stats(clientTimes);
  console.log(`\n(1) ${requests} × GET /api/profiles, sequential, loopback`);
  console.log(`    raw fetch        p50 ${fmt(a.p50)} ms   p99 ${fmt(a.p99)} ms`);
  console.log(`    Postdeck client  p50 ${fmt(b.p50)} ms   p99 ${fmt(b.p99)} ms`);
  console.log(
    `    client / raw     p50 ×${fmt(b.p50 / a.p50)} (+${fmt(b.p50 - a.p50)} ms)   ` +
      `p99 ×${fmt(b.p99 / a.p99)} (+${fmt(b.p99 - a.p99)} ms)`,
  );
}

/** A valid mp4 header followed by zeros: what matters here is how the bytes travel. */
async function makeBigFile(file: string) {
  const header = await readFile(path.resolve("e2e/fixtures/media/video-valid-720x1280.mp4")).catch(
    () => Buffer.alloc(0),
  );
  const handle = await open(file, "w");
  try {
    await handle.write(header);
    const zeros = Buffer.alloc(8 * mb);
    for (let written = header.length; written < uploadBytes; written += zeros.length) {
      await handle.write(zeros, 0, Math.min(zeros.length, uploadBytes - written));
    }
  } finally {
    await handle.close();
  }
}

async function benchUpload(sandbox: SandboxProcess, dir: string) {
  const file = path.join(dir, "bench-1gb.mp4");
  await makeBigFile(file);
  const copySeconds = await diskCopySeconds(file);

  const client = createPostproxyClient({ baseUrl: sandbox.url, apiKey: sandbox.apiKey });
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  let outcome: string;
  try {
    const post = await client.posts.createMultipart({
      body: "Benchmark upload",
      profiles: ["tiktok"],
      draft: true,
      media: [{ path: file, filename: "bench-1gb.mp4", contentType: "video/mp4" }],
      platforms: { tiktok: { privacy_status: "SELF_ONLY" } },
    });
    outcome = `accepted as post ${post.id} (${post.status})`;
  } catch (error) {
    if (!isPostproxyError(error)) throw error;
    outcome = `answered ${error.status ?? error.kind}: ${error.messages.join("; ") || error.message}`;
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(`\n(2) createMultipart of a 1 GiB file to the sandbox (RSS sampled every 50 ms)`);
  console.log(`    sandbox ${outcome}`);
  console.log(
    `    RSS baseline ${fmt(baseline / mb, 1)} MB, peak ${fmt(peak / mb, 1)} MB, ` +
      `growth ${fmt((peak - baseline) / mb, 1)} MB`,
  );
  console.log(
    `    ${fmt(seconds)} s, ${fmt(uploadBytes / mb / seconds, 0)} MB/s ` +
      `(plain file copy on this disk: ${fmt(uploadBytes / mb / copySeconds, 0)} MB/s)`,
  );
}

export async function benchPostproxy(): Promise<void> {
  console.log("== Postproxy client ==");
  const dir = await mkdtemp(path.join(tmpdir(), "postdeck-bench-"));
  const sandbox = await startSandboxProcess();
  try {
    await benchOverhead(sandbox);
    await benchUpload(sandbox, dir);
  } finally {
    await sandbox.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
