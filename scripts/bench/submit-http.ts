import { loadavg } from "node:os";
import { openDatabase } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { refreshProfileMirror } from "@/lib/integrations/profile-mirror";
import { serverActionHeaders } from "../lib/server-actions";
import { demoWorkspaceCtx, startBenchApp } from "./app-server";
import { directCreate, seedBenchVideo } from "./bench-media";
import { treeCpuSeconds } from "./proc-cpu";

export const sandboxLatencyMs = 50;
/**
 * Database round trips one submission may make (the session and workspace, the reads of
 * validation, the claim, the outcome, the timeline); the bench fails above it.
 */
export const submitRoundTripCeiling = 12;

const fmt = (n: number) => n.toFixed(2);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export type SubmissionTarget = {
  /** Where the browser posts the action (one app server, or the load balancer). */
  url: string;
  cookie: string;
  workspaceId: string;
  mediaId: string;
  sandbox: { url: string; apiKey: string };
  /** The app processes whose CPU is counted (next start's pid, one per server). */
  pids: number[];
  /** Database round trips so far, when counted on the wire. */
  roundTrips?: () => number;
};

/**
 * `users` users at once, each alternating the create-post server action (POSTed over HTTP, as the
 * composer does) with the same Postproxy call made directly; prints both sides' percentiles, the
 * overhead, the app's CPU per submission and, when counted, its database round trips.
 */
export async function measureSubmissions(
  target: SubmissionTarget,
  options: { users: number; perUser: number },
): Promise<{ overheadP50: number; overheadP99: number; cpuMs: number; trips: number | null }> {
  const direct = directCreate(target.sandbox, target.mediaId);
  const headers = {
    ...serverActionHeaders("submitPostAction", target.url),
    cookie: target.cookie,
  };
  const action = async (i: string) => {
    const res = await fetch(`${target.url}/compose`, {
      method: "POST",
      headers,
      body: JSON.stringify([
        {
          workspaceId: target.workspaceId,
          profileIds: ["prof_acme_tiktok"],
          media: [{ id: target.mediaId, kind: "video" }],
          caption: `action ${i}`,
          privacy: "SELF_ONLY",
          schedule: { mode: "now", timeZone: "UTC" },
        },
      ]),
    });
    const text = await res.text();
    if (res.status !== 200 || !text.includes('"ok":true'))
      throw new Error(`submit answered ${res.status}: ${text.slice(0, 300)}`);
  };
  const directTimes: number[] = [];
  const actionTimes: number[] = [];
  const timed = async (call: () => Promise<unknown>) => {
    const started = performance.now();
    await call();
    return performance.now() - started;
  };
  const runUser = async (user: number, rounds: number, record: boolean) => {
    for (let r = 0; r < rounds; r++) {
      const id = `${user}-${r}-${record ? "m" : "w"}`;
      // Alternating, so both sides see the same load and the same drift.
      const d = await timed(() => direct(id));
      const a = await timed(() => action(id));
      if (record) {
        directTimes.push(d);
        actionTimes.push(a);
      }
    }
  };
  const cpu = () => target.pids.reduce((sum, pid) => sum + treeCpuSeconds(pid), 0);
  await Promise.all(Array.from({ length: options.users }, (_, u) => runUser(u, 3, false)));
  const loadBefore = loadavg()[0];
  const cpuBefore = cpu();
  const tripsBefore = target.roundTrips?.() ?? 0;
  await Promise.all(
    Array.from({ length: options.users }, (_, u) => runUser(u, options.perUser, true)),
  );
  const cpuMs = ((cpu() - cpuBefore) * 1000) / actionTimes.length;
  const trips = target.roundTrips ? (target.roundTrips() - tripsBefore) / actionTimes.length : null;
  const d = [...directTimes].sort((x, y) => x - y);
  const a = [...actionTimes].sort((x, y) => x - y);
  const result = {
    overheadP50: percentile(a, 50) - percentile(d, 50),
    overheadP99: percentile(a, 99) - percentile(d, 99),
    cpuMs,
    trips,
  };
  console.log(
    `${actionTimes.length} submissions (${options.users} users × ${options.perUser}), sandbox latency ${sandboxLatencyMs} ms, PostgreSQL, ` +
      `load average ${fmt(loadBefore)} → ${fmt(loadavg()[0])}`,
  );
  console.log(
    `    direct client call      p50 ${fmt(percentile(d, 50))} ms   p99 ${fmt(percentile(d, 99))} ms`,
  );
  console.log(
    `    action over HTTP        p50 ${fmt(percentile(a, 50))} ms   p99 ${fmt(percentile(a, 99))} ms`,
  );
  console.log(
    `    overhead                p50 +${fmt(result.overheadP50)} ms   p99 +${fmt(result.overheadP99)} ms   (goal ≤ 15 / ≤ 50 ms)`,
  );
  console.log(
    `    app CPU per submission  ${fmt(cpuMs)} ms (${target.pids.length} next start process tree${target.pids.length > 1 ? "s" : ""}; goal ≤ 2 ms)`,
  );
  if (trips !== null)
    console.log(
      `    DB round trips          ${fmt(trips)} per submission (ceiling ${submitRoundTripCeiling})`,
    );
  // The floor: the same action refused at its first check (after the session read), so what
  // remains is Next's own cost of a server-action request.
  const refused = async () => {
    const res = await fetch(`${target.url}/compose`, {
      method: "POST",
      headers,
      body: JSON.stringify([{ workspaceId: "not-a-workspace" }]),
    });
    await res.text();
  };
  const floorCalls = 200;
  const floorCpuBefore = cpu();
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      for (let i = 0; i < floorCalls / 20; i++) await refused();
    }),
  );
  const floorMs = ((cpu() - floorCpuBefore) * 1000) / floorCalls;
  console.log(
    `    floor                   ${fmt(floorMs)} ms CPU per server-action request refused at once (Next's own cost)`,
  );
  if (trips !== null && trips > submitRoundTripCeiling)
    throw new Error(
      `A submission made ${fmt(trips)} database round trips, above the ceiling of ${submitRoundTripCeiling}`,
    );
  return result;
}

/**
 * The create-post action as a user meets it (issue 15 §1): server-action POSTs over HTTP to one
 * `next start` on PostgreSQL, 20 users, against the sandbox at a fixed 50 ms latency; the app's
 * CPU read by its pid and its database round trips counted on the wire.
 */
export async function benchSubmitHttp(): Promise<void> {
  const userCount = Number(process.env.BENCH_SUBMIT_USERS ?? 20);
  console.log(`\n== Submit over HTTP: create-post action on next start, ${userCount} users ==`);
  const databaseUrl =
    process.env.TEST_DATABASE_URL ??
    process.env.BENCH_DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres";
  const server = await startBenchApp({
    name: "submit",
    databaseUrl,
    sandboxEnv: { SANDBOX_LATENCY_MS: String(sandboxLatencyMs), SANDBOX_TIME_SCALE: "1" },
    // Signed links to a closed port: the sandbox's download fails at once, so its media probing
    // stays out of both sides (see compose.ts).
    env: { PUBLIC_BASE_URL: "http://127.0.0.1:9" },
  });
  // This process seeds beside the app: the same secrets, media directory and database.
  for (const name of [
    "APP_ENCRYPTION_KEY",
    "NEXTAUTH_SECRET",
    "POSTPROXY_BASE_URL",
    "MEDIA_DIR",
    "PUBLIC_BASE_URL",
    "ALLOW_INSECURE_HTTP",
  ])
    process.env[name] = server.env[name];
  resetEnvForTests();
  const handle = await openDatabase({ url: server.databaseUrl! });
  try {
    const ctx = await demoWorkspaceCtx(handle.db);
    const mediaId = await seedBenchVideo(ctx);
    await refreshProfileMirror(ctx, { force: true });
    await measureSubmissions(
      {
        url: server.url,
        cookie: server.cookieHeader,
        workspaceId: ctx.workspaceId,
        mediaId,
        sandbox: server.sandbox,
        pids: [server.app.pid!],
        roundTrips: server.roundTrips,
      },
      { users: userCount, perUser: Number(process.env.BENCH_SUBMIT_PER_USER ?? 15) },
    );
  } finally {
    await handle.close();
    await server.stop();
  }
}
