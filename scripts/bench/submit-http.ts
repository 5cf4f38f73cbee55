import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { eq } from "drizzle-orm";
import { resolveWorkspaceCtx } from "@/lib/data/workspaces";
import { openDatabase } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { demoLogin } from "@/lib/db/seed";
import { resetEnvForTests } from "@/lib/env";
import { refreshProfileMirror } from "@/lib/integrations/profile-mirror";
import { signedMediaUrl } from "@/lib/media/server/signed-url";
import { createPostproxyClient } from "@/lib/postproxy";
import { serverActionHeaders } from "../lib/server-actions";
import { startBenchApp } from "./app-server";
import { seedBenchVideo } from "./bench-media";
import { treeCpuSeconds } from "./proc-cpu";

const userCount = Number(process.env.BENCH_SUBMIT_USERS ?? 20);
const perUser = Number(process.env.BENCH_SUBMIT_PER_USER ?? 15);
const latencyMs = 50;
/**
 * Database round trips one submission may make (the session and workspace, the reads of
 * validation, the claim, the outcome, the timeline); the bench fails above it.
 */
export const submitRoundTripCeiling = 12;

const fmt = (n: number) => n.toFixed(2);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * The create-post action as a user meets it (issue 15 §1): server-action POSTs over HTTP to one
 * `next start` on PostgreSQL, each alternated with the same Postproxy call made directly, against
 * the sandbox at a fixed 50 ms latency. Prints the overhead percentiles, the app's CPU per
 * submission (read by its pid) and its database round trips per submission (counted on the wire).
 */
export async function benchSubmitHttp(): Promise<void> {
  console.log(`\n== Submit over HTTP: create-post action on next start, ${userCount} users ==`);
  const databaseUrl =
    process.env.TEST_DATABASE_URL ??
    process.env.BENCH_DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres";
  const server = await startBenchApp({
    name: "submit",
    databaseUrl,
    sandboxEnv: { SANDBOX_LATENCY_MS: String(latencyMs), SANDBOX_TIME_SCALE: "1" },
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
    const [demo] = await handle.db
      .select({ id: users.id, email: users.email, name: users.name })
      .from(users)
      .where(eq(users.email, demoLogin.email));
    const ctx = (await resolveWorkspaceCtx(handle.db, demo))!;
    const mediaId = await seedBenchVideo(ctx);
    await refreshProfileMirror(ctx, { force: true });
    const client = createPostproxyClient({
      baseUrl: server.sandbox.url,
      apiKey: server.sandbox.apiKey,
    });
    const mediaUrl = signedMediaUrl(mediaId)!;
    const direct = (i: string) =>
      client.posts.create(
        {
          body: `direct ${i}`,
          profiles: ["prof_acme_tiktok"],
          media: [mediaUrl],
          platforms: {
            tiktok: {
              format: "video",
              privacy_status: "SELF_ONLY",
              disable_comment: true,
              brand_organic_toggle: false,
              brand_content_toggle: false,
              disable_duet: true,
              disable_stitch: true,
              made_with_ai: false,
            },
          },
        },
        { idempotencyKey: `bench-direct-${randomUUID()}` },
      );
    const headers = {
      ...serverActionHeaders("submitPostAction", server.url),
      cookie: server.cookieHeader,
    };
    const action = async (i: string) => {
      const res = await fetch(`${server.url}/compose`, {
        method: "POST",
        headers,
        body: JSON.stringify([
          {
            workspaceId: ctx.workspaceId,
            profileIds: ["prof_acme_tiktok"],
            media: [{ id: mediaId, kind: "video" }],
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
    await Promise.all(Array.from({ length: userCount }, (_, u) => runUser(u, 3, false)));
    const loadBefore = loadavg()[0];
    const cpuBefore = treeCpuSeconds(server.app.pid!);
    const tripsBefore = server.roundTrips();
    await Promise.all(Array.from({ length: userCount }, (_, u) => runUser(u, perUser, true)));
    const cpuMs = ((treeCpuSeconds(server.app.pid!) - cpuBefore) * 1000) / actionTimes.length;
    const trips = (server.roundTrips() - tripsBefore) / actionTimes.length;
    const sort = (xs: number[]) => [...xs].sort((x, y) => x - y);
    const d = sort(directTimes);
    const a = sort(actionTimes);
    console.log(
      `${actionTimes.length} submissions (${userCount} users × ${perUser}), sandbox latency ${latencyMs} ms, PostgreSQL, ` +
        `load average ${fmt(loadBefore)} → ${fmt(loadavg()[0])}`,
    );
    console.log(
      `    direct client call      p50 ${fmt(percentile(d, 50))} ms   p99 ${fmt(percentile(d, 99))} ms`,
    );
    console.log(
      `    action over HTTP        p50 ${fmt(percentile(a, 50))} ms   p99 ${fmt(percentile(a, 99))} ms`,
    );
    console.log(
      `    overhead                p50 +${fmt(percentile(a, 50) - percentile(d, 50))} ms   p99 +${fmt(percentile(a, 99) - percentile(d, 99))} ms   (goal ≤ 15 / ≤ 50 ms at 20 users)`,
    );
    console.log(
      `    app CPU per submission  ${fmt(cpuMs)} ms (next start's process tree; goal ≤ 2 ms)`,
    );
    console.log(
      `    DB round trips          ${fmt(trips)} per submission (ceiling ${submitRoundTripCeiling})`,
    );
    // The floor: the same action refused at its first check (after the session read), so what
    // remains is Next's own cost of a server-action request.
    const refused = async () => {
      const res = await fetch(`${server.url}/compose`, {
        method: "POST",
        headers,
        body: JSON.stringify([{ workspaceId: "not-a-workspace" }]),
      });
      await res.text();
    };
    const floorCalls = 20 * 10;
    const floorCpuBefore = treeCpuSeconds(server.app.pid!);
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        for (let i = 0; i < floorCalls / 20; i++) await refused();
      }),
    );
    const floorMs = ((treeCpuSeconds(server.app.pid!) - floorCpuBefore) * 1000) / floorCalls;
    console.log(
      `    floor                   ${fmt(floorMs)} ms CPU per server-action request refused at once (Next's own cost)`,
    );
    if (trips > submitRoundTripCeiling)
      throw new Error(
        `A submission made ${fmt(trips)} database round trips, above the ceiling of ${submitRoundTripCeiling}`,
      );
  } finally {
    await handle.close();
    await server.stop();
  }
}
