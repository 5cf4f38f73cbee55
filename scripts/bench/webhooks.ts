import { createHmac, randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { and, count, eq, inArray, isNotNull } from "drizzle-orm";
import { openSystemWorkspaceCtx } from "@/lib/data/context";
import { ensureWebhookEndpoint, saveWebhookRegistration } from "@/lib/data/webhooks";
import { openDatabase } from "@/lib/db/client";
import { postEvents, posts, postTargets, webhookDeliveries, workspaces } from "@/lib/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { startBenchApp } from "./app-server";
import { treeCpuSeconds } from "./proc-cpu";

/**
 * The webhook receiver (issue 14 §6): one `next start` on PostgreSQL takes signed deliveries at
 * 200 a second for 10 s (open loop: each is sent at its time whatever the answers do). One in ten
 * is a redelivery of an event already sent (Postproxy retries). Afterwards the database must hold
 * every event once, applied once: each target published, one move to published on its timeline.
 */
const rate = Number(process.env.BENCH_WEBHOOK_RATE ?? 200);
const seconds = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 10);
const goalP99Ms = 1000;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((sorted.length * p) / 100) - 1))];
const fmt = (n: number) => n.toFixed(1);

/** Waits until the process tree used (almost) no CPU for 300 ms, at most 10 s. */
async function waitForIdle(cpu: () => number) {
  const until = Date.now() + 10_000;
  let last = cpu();
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 300));
    const now = cpu();
    if (now - last < 0.02) return;
    last = now;
  }
}

export async function benchWebhooks() {
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!databaseUrl)
    throw new Error(
      "The webhook bench runs on PostgreSQL: set BENCH_DATABASE_URL or TEST_DATABASE_URL.",
    );
  const total = rate * seconds;
  const redeliveries = Math.floor(total / 10);
  const unique = total - redeliveries;
  const encryptionKey = randomBytes(32).toString("hex");
  // This process writes the receiver's secret as the app reads it: with the same key.
  process.env.APP_ENCRYPTION_KEY = encryptionKey;
  process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
  resetEnvForTests();
  const app = await startBenchApp({
    name: "webhooks",
    databaseUrl,
    env: { APP_ENCRYPTION_KEY: encryptionKey },
  });
  const handle = await openDatabase({ url: app.databaseUrl! });
  try {
    const db = handle.db;
    const [workspace] = await db
      .select({ id: workspaces.id })
      .from(workspaces)
      .where(isNotNull(workspaces.postproxyKeyCiphertext))
      .limit(1);
    const ctx = (await openSystemWorkspaceCtx(db, workspace.id, "webhook"))!;
    const endpoint = await ensureWebhookEndpoint(ctx);
    const secret = randomBytes(24).toString("hex");
    await saveWebhookRegistration(ctx, {
      postproxyWebhookId: null,
      secret,
      apiKeyFingerprint: null,
      url: null,
      events: [],
      graceMs: 0,
      now: new Date(),
    });

    // One scheduled post with one target per event.
    const tag = randomBytes(4).toString("hex");
    const postproxyIds = Array.from({ length: unique }, (_, i) => `pp_bench_${tag}_${i}`);
    const targetIds: string[] = [];
    for (let i = 0; i < unique; i += 500) {
      const batch = postproxyIds.slice(i, i + 500);
      const made = await db
        .insert(posts)
        .values(
          batch.map((_, j) => ({
            workspaceId: workspace.id,
            status: "scheduled" as const,
            caption: `Webhook bench ${i + j}`,
            settings: {} as never,
          })),
        )
        .returning({ id: posts.id });
      const targets = await db
        .insert(postTargets)
        .values(
          made.map((post, j) => ({
            workspaceId: workspace.id,
            postId: post.id,
            profileId: "prof_acme_tiktok",
            profileName: "@acme",
            status: "scheduled" as const,
            postproxyPostId: batch[j],
            scheduledAt: new Date(Date.now() + 3600_000),
          })),
        )
        .returning({ id: postTargets.id });
      targetIds.push(...targets.map((t) => t.id));
    }

    const bodies = postproxyIds.map((postproxyPostId, i) =>
      JSON.stringify({
        id: `evt_bench_${tag}_${i}`,
        type: "platform_post.published",
        created_at: new Date().toISOString(),
        data: {
          id: `plat_${postproxyPostId}`,
          post_id: postproxyPostId,
          platform: "tiktok",
          profile_id: "prof_acme_tiktok",
          status: "published",
        },
      }),
    );
    // Each tenth delivery repeats one sent a little earlier.
    const schedule: string[] = [];
    let next = 0;
    for (let i = 0; i < total; i++) {
      const isRepeat = next >= unique || (i % 10 === 9 && next > 20);
      schedule.push(isRepeat ? bodies[next - 1 - (i % 20)] : bodies[next++]);
    }
    while (next < unique) schedule.push(bodies[next++]);

    const url = `${app.url}/api/webhooks/postproxy/${endpoint.urlId}`;
    const sign = (body: string) => {
      const at = Math.floor(Date.now() / 1000);
      return `t=${at},v1=${createHmac("sha256", secret).update(`${at}.${body}`).digest("hex")}`;
    };
    // A short warm-up (the route's first call compiles nothing in production but opens pools).
    for (let i = 0; i < 5; i++)
      await fetch(url, {
        method: "POST",
        headers: { "x-postproxy-signature": "t=1,v1=0" },
        body: "{}",
      });

    const cpu = () => treeCpuSeconds(app.app.pid!);
    const loadBefore = loadavg()[0];
    const cpuBefore = cpu();
    const tripsBefore = app.roundTrips();
    const times: number[] = [];
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    const started = performance.now();
    const interval = 1000 / rate;
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < schedule.length; i++) {
      const due = started + i * interval;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const body = schedule[i];
      const t0 = performance.now();
      inFlight.push(
        fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", "x-postproxy-signature": sign(body) },
          body,
        })
          .then(async (res) => {
            const text = await res.text();
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            if (res.status !== 200 && failures.length < 5)
              failures.push(`#${i} ${res.status} ${text.slice(0, 120)}`);
          })
          .catch((error: Error) => {
            statuses.set(0, (statuses.get(0) ?? 0) + 1);
            if (failures.length < 5) failures.push(`#${i} ${error.message} ${String(error.cause)}`);
          })
          .finally(() => times.push(performance.now() - t0)),
      );
    }
    await Promise.all(inFlight);
    const elapsed = (performance.now() - started) / 1000;
    const loadAfter = loadavg()[0];
    // Work the app does after answering (an alert drain) is counted too: wait until it is idle.
    await waitForIdle(cpu);
    // Per delivery the server answered (one refused at the socket by an overloaded server cost it
    // little and made no trip).
    const answered = schedule.length - (statuses.get(0) ?? 0);
    const cpuMs = ((cpu() - cpuBefore) * 1000) / answered;
    const trips = (app.roundTrips() - tripsBefore) / answered;

    // The floor: a POST to the same route for a receiver id that cannot exist (refused before any
    // database read), so what remains is Next's own cost of a route handler request with a body.
    const floorCalls = 400;
    const floorCpuBefore = cpu();
    const floorTripsBefore = app.roundTrips();
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        for (let i = 0; i < floorCalls / 10; i++) {
          const res = await fetch(`${app.url}/api/webhooks/postproxy/none`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-postproxy-signature": "t=1,v1=0" },
            body: schedule[i],
          });
          await res.text();
        }
      }),
    );
    const floorMs = ((cpu() - floorCpuBefore) * 1000) / floorCalls;
    const floorTrips = (app.roundTrips() - floorTripsBefore) / floorCalls;

    const [recorded] = await db
      .select({ n: count() })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.workspaceId, workspace.id));
    const [applied] = await db
      .select({ n: count() })
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.workspaceId, workspace.id),
          isNotNull(webhookDeliveries.appliedAt),
        ),
      );
    let published = 0;
    let moves = 0;
    for (let i = 0; i < targetIds.length; i += 1000) {
      const ids = targetIds.slice(i, i + 1000);
      const [p] = await db
        .select({ n: count() })
        .from(postTargets)
        .where(and(inArray(postTargets.id, ids), eq(postTargets.status, "published")));
      const [m] = await db
        .select({ n: count() })
        .from(postEvents)
        .where(and(inArray(postEvents.targetId, ids), eq(postEvents.toStatus, "published")));
      published += Number(p.n);
      moves += Number(m.n);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const p99 = percentile(sorted, 99);
    const ok = statuses.get(200) ?? 0;
    console.log(
      `\nWebhook receiver: ${schedule.length} signed deliveries (${unique} events, ${schedule.length - unique} redeliveries) at ${rate}/s to one next start on PostgreSQL`,
    );
    console.log(
      `  sent over ${fmt(elapsed)} s; answers ${[...statuses].map(([s, n]) => `${s}×${n}`).join(", ")}`,
    );
    console.log(
      `  answer time p50 ${fmt(percentile(sorted, 50))} ms, p99 ${fmt(p99)} ms, max ${fmt(sorted[sorted.length - 1])} ms (goal: p99 < ${goalP99Ms} ms)`,
    );
    console.log(
      `  in the database: ${recorded.n} events recorded, ${applied.n} applied, ${published} of ${unique} targets published, ${moves} moves to published`,
    );
    console.log(
      `  app CPU ${fmt(cpuMs)} ms per answered delivery (next start process tree, /proc); ${fmt(trips)} database round trips per answered delivery`,
    );
    console.log(
      `  floor: ${fmt(floorMs)} ms CPU per POST refused before any database read (${fmt(floorTrips)} round trips; Next's own cost of a route handler request)`,
    );
    for (const f of failures) console.log(`  not answered 200: ${f}`);
    console.log(`  load average ${fmt(loadBefore)} → ${fmt(loadAfter)}`);
    const lost = unique - Number(recorded.n);
    const twice = moves - published;
    if (
      ok !== schedule.length ||
      lost !== 0 ||
      Number(applied.n) !== unique ||
      published !== unique ||
      twice !== 0
    )
      throw new Error(
        `Webhook bench: ${schedule.length - ok} deliveries not answered 200, ${lost} events lost, ${twice} applied twice`,
      );
    if (p99 > goalP99Ms) console.log(`  ✗ p99 ${fmt(p99)} ms is over the ${goalP99Ms} ms goal`);
  } finally {
    await handle.close();
    await app.stop();
  }
}
