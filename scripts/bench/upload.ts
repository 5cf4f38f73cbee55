import { randomBytes } from "node:crypto";
import { createReadStream, readFileSync, readdirSync } from "node:fs";
import { mkdir, open, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { seedDemo } from "@/lib/db/seed";
import { benchAppEnv } from "./app-env";
import { demoCookieHeader, startNextServer } from "./app-server";
import { diskCopySeconds } from "./disk-copy";

const mb = 1024 ** 2;
const uploadBytes = Number(process.env.BENCH_UPLOAD_MB ?? 2048) * mb;
const fmt = (n: number, digits = 1) => n.toFixed(digits);

/** RSS of a process and its children (next start may run the server in a child). */
function treeRss(rootPid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ");
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parents)
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
  }
  let total = 0;
  for (const pid of tree) {
    try {
      const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
      if (line) total += Number(line[1]) * 1024;
    } catch {
      // gone
    }
  }
  return total;
}

async function makeBigFile(file: string) {
  const header = await readFile(path.resolve("e2e/fixtures/media/video-valid-720x1280.mp4"));
  const handle = await open(file, "w");
  try {
    await handle.write(header);
    const chunk = randomBytes(8 * mb);
    for (let written = header.length; written < uploadBytes; written += chunk.length)
      await handle.write(chunk, 0, Math.min(chunk.length, uploadBytes - written));
  } finally {
    await handle.close();
  }
}

/**
 * 2 GB through the tus endpoint of a production build (one streamed PATCH, as a browser without
 * chunking would send it), against a plain copy of the same file on the same disk.
 */
export async function benchUpload(): Promise<void> {
  console.log("\n== Media upload (tus) ==");
  const dir = path.resolve(".data/bench-upload");
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const env = benchAppEnv(dir);
  const handle = await openDatabase({ pgliteDir: env.PGLITE_DIR });
  await migrateDatabase(handle);
  const { workspaceId } = await seedDemo(handle.db, {
    apiKey: "pp_bench_key",
    encryptionKey: Buffer.from(env.APP_ENCRYPTION_KEY, "hex"),
  });
  await handle.close();

  const file = path.join(dir, "bench.mp4");
  await makeBigFile(file);
  const copySeconds = await diskCopySeconds(file);

  const { url: baseUrl, app, stop } = await startNextServer(env);
  try {
    const cookie = await demoCookieHeader(baseUrl);
    const b64 = (s: string) => Buffer.from(s).toString("base64");
    // Warm the route once so its first compilation and the database pool are not counted.
    await fetch(`${baseUrl}/api/uploads`, { method: "OPTIONS", headers: { Cookie: cookie } });
    const created = await fetch(`${baseUrl}/api/uploads`, {
      method: "POST",
      headers: {
        Cookie: cookie,
        "Tus-Resumable": "1.0.0",
        "Upload-Length": String(uploadBytes),
        "Upload-Metadata": `workspaceId ${b64(workspaceId)},filename ${b64("bench.mp4")},filetype ${b64("video/mp4")}`,
      },
    });
    if (created.status !== 201) throw new Error(`create answered ${created.status}`);
    const location = new URL(created.headers.get("location")!, baseUrl);

    await new Promise((r) => setTimeout(r, 1000));
    const baseline = treeRss(app.pid!);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, treeRss(app.pid!))), 100);
    const started = performance.now();
    const res = await fetch(location, {
      method: "PATCH",
      redirect: "error",
      headers: {
        Cookie: cookie,
        "Tus-Resumable": "1.0.0",
        "Upload-Offset": "0",
        "Content-Type": "application/offset+octet-stream",
      },
      body: Readable.toWeb(createReadStream(file, { highWaterMark: mb })) as ReadableStream,
      duplex: "half",
    } as RequestInit);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, treeRss(app.pid!));
    const offset = Number(res.headers.get("upload-offset"));
    const stored = await stat(path.join(env.MEDIA_DIR, location.pathname.split("/").pop()!));
    console.log(
      `\n(3) ${fmt(uploadBytes / mb, 0)} MB through PATCH /api/uploads (next start, RSS of the server every 100 ms)`,
    );
    console.log(`    answered ${res.status}, offset ${offset}, stored ${stored.size} bytes`);
    console.log(
      `    server RSS baseline ${fmt(baseline / mb)} MB, peak ${fmt(peak / mb)} MB, growth ${fmt((peak - baseline) / mb)} MB (goal ≤ 150 MB)`,
    );
    const throughput = uploadBytes / mb / seconds;
    const copy = uploadBytes / mb / copySeconds;
    console.log(
      `    ${fmt(seconds, 2)} s, ${fmt(throughput, 0)} MB/s; plain copy on this disk ${fmt(copy, 0)} MB/s → ${fmt((throughput / copy) * 100, 0)} % (goal ≥ 50 %)`,
    );
  } finally {
    await stop();
    await rm(dir, { recursive: true, force: true });
  }
}
