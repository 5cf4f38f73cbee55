import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { saveApiKey } from "@/lib/data/api-keys";
import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { resetEnvForTests } from "@/lib/env";
import { refreshProfileMirror } from "@/lib/integrations/profile-mirror";
import { listComposeProfiles } from "@/lib/integrations/tiktok-profiles";
import { submitPost } from "@/lib/publishing/submit";
import { makeOwner } from "@/lib/test/factories";
import { draftSchema } from "@/lib/validation/post";
import { directCreate, seedBenchVideo } from "./bench-media";
import { startSandboxProcess } from "./sandbox-process";

const users = Number(process.env.BENCH_COMPOSE_USERS ?? 20);
const perUser = Number(process.env.BENCH_COMPOSE_PER_USER ?? 25);
const warmupPerUser = 3;
const latencyMs = 50;

const fmt = (n: number) => n.toFixed(2);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function timed(call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await call();
  return performance.now() - started;
}

/**
 * The create-post action's path end to end (submitPost: validation against the database, the
 * post and target rows, the Postproxy call, the outcome) against the sandbox at a fixed 50 ms
 * latency, 20 users at once, each alternating it with the same Postproxy call made directly.
 */
export async function benchCompose(): Promise<void> {
  console.log("== Compose: create-post action overhead ==");
  const dir = await mkdtemp(path.join(tmpdir(), "postdeck-bench-compose-"));
  const sandbox = await startSandboxProcess("pp_bench_key", {
    SANDBOX_LATENCY_MS: String(latencyMs),
    SANDBOX_TIME_SCALE: "1",
  });
  Object.assign(process.env, {
    APP_ENCRYPTION_KEY: process.env.APP_ENCRYPTION_KEY ?? "c".repeat(64),
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "d".repeat(40),
    POSTPROXY_BASE_URL: sandbox.url,
    MEDIA_DIR: path.join(dir, "media"),
  });
  // Signed links to a closed port: the sandbox's download fails at once, so its media probing
  // (CPU in the sandbox process, ~1 s per call once 20 users upload) stays out of both sides.
  process.env.PUBLIC_BASE_URL = "http://127.0.0.1:9";
  resetEnvForTests();
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const handle = await openDatabase(
    databaseUrl
      ? { url: databaseUrl }
      : { pgliteDir: process.env.BENCH_PGLITE_DIR ?? path.join(dir, "pglite") },
  );
  try {
    await migrateDatabase(handle);
    const ctx = await makeOwner(handle.db, "Bench");
    await saveApiKey(ctx, sandbox.apiKey);
    const mediaId = await seedBenchVideo(ctx);
    // The profile mirror is filled once, as the app's background refresh does; the compose page
    // and the action then read it from the database.
    await refreshProfileMirror(ctx, { force: true });
    await listComposeProfiles(ctx);
    const direct = directCreate(sandbox, mediaId);
    const action = (i: string) =>
      submitPost(
        ctx,
        draftSchema.parse({
          workspaceId: ctx.workspaceId,
          profileIds: ["prof_acme_tiktok"],
          media: [{ id: mediaId, kind: "video" }],
          caption: `action ${i}`,
          privacy: "SELF_ONLY",
          schedule: { mode: "now", timeZone: "UTC" },
        }),
      );
    const directTimes: number[] = [];
    const actionTimes: number[] = [];
    const runUser = async (user: number, rounds: number, record: boolean) => {
      for (let r = 0; r < rounds; r++) {
        const id = `${user}-${r}`;
        // Alternating, so both sides see the same load and the same drift.
        const d = await timed(() => direct(id));
        const a = await timed(() => action(id));
        if (record) {
          directTimes.push(d);
          actionTimes.push(a);
        }
      }
    };
    await Promise.all(Array.from({ length: users }, (_, u) => runUser(u, warmupPerUser, false)));
    const loadBefore = loadavg()[0];
    await Promise.all(Array.from({ length: users }, (_, u) => runUser(u, perUser, true)));
    const sort = (xs: number[]) => [...xs].sort((x, y) => x - y);
    const d = sort(directTimes);
    const a = sort(actionTimes);
    const [d50, d99, a50, a99] = [
      percentile(d, 50),
      percentile(d, 99),
      percentile(a, 50),
      percentile(a, 99),
    ];
    console.log(
      `\n${actionTimes.length} submissions (${users} users × ${perUser}), sandbox latency ${latencyMs} ms, ` +
        `${databaseUrl ? "PostgreSQL" : "PGlite"}, JSON with signed media links`,
    );
    // Both sides share this machine's CPUs with the sandbox (and the database): a busy machine
    // inflates every figure, so the load is printed with them.
    console.log(`    load average ${fmt(loadBefore)} → ${fmt(loadavg()[0])}`);
    console.log(`    direct client call   p50 ${fmt(d50)} ms   p99 ${fmt(d99)} ms`);
    console.log(`    submitPost (action)  p50 ${fmt(a50)} ms   p99 ${fmt(a99)} ms`);
    console.log(
      `    overhead             p50 +${fmt(a50 - d50)} ms   p99 +${fmt(a99 - d99)} ms   (goal ≤ 15 / ≤ 50 ms)`,
    );
  } finally {
    await handle.close();
    await sandbox.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
