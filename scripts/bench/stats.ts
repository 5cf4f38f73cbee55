import { createServer } from "node:http";
import { once } from "node:events";
import { sql } from "drizzle-orm";
import { resetEnvForTests } from "@/lib/env";
import { saveApiKey } from "@/lib/data/api-keys";
import type { WorkspaceCtx } from "@/lib/data/context";
import { countScheduledAtRisk, getMirrorState, listProfileGroups } from "@/lib/data/profiles";
import {
  getBestTimes,
  getStatsSyncedAt,
  listTopPosts,
  refreshLatestSnapshots,
} from "@/lib/data/stats";
import { loadProfileStats } from "@/lib/data/stats-view";
import { getWorkspaceSettings } from "@/lib/data/workspaces";
import { saveProfileMirror } from "@/lib/data/profiles";
import type { Db } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/test/db";
import { makeOwner } from "@/lib/test/factories";
import { statsQuerySchema } from "@/lib/validation/stats";

const profileCount = 10;
const profileSnapshotsEach = 20_000; // hourly, about 2.3 years
const targets = 8_000;
const postSnapshotsEach = 100;
const goalMs = 200;
const concurrent = 200;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * A workspace with 1,000,000 snapshots: 10 profiles × 20,000 hourly snapshots and 8,000
 * published targets × 100 snapshots (every 2 hours from publishing), analysed.
 */
export async function seedStatsBench(db: Db): Promise<WorkspaceCtx> {
  const ctx = await makeOwner(db, "Stats bench");
  await saveApiKey(ctx, "pp_bench_stats_key");
  await saveProfileMirror(ctx, [
    {
      postproxyId: "grp_bench",
      name: "Bench",
      profiles: Array.from({ length: profileCount }, (_, i) => ({
        postproxyId: `prof_${i}`,
        platform: "tiktok",
        name: `@bench_${i}`,
        username: `bench_${i}`,
        avatarUrl: null,
        status: "active",
        expiresAt: null,
        postCount: 0,
      })),
    },
  ]);
  const seeded = performance.now();
  const ws = ctx.workspaceId;
  await db.execute(sql`
    insert into profile_stat_snapshots (workspace_id, profile_id, recorded_at, follower_count,
      following_count, likes_count, video_count)
    select ${ws}::uuid, p.id, now() - (g * interval '1 hour'), 10000 + g, 100, 50000 + g * 3, 200
    from profiles p cross join generate_series(1, ${profileSnapshotsEach}) g
    where p.workspace_id = ${ws}::uuid`);
  await db.execute(sql`
    with ps as (
      insert into posts (workspace_id, status, caption, settings)
      select ${ws}::uuid, 'published', 'Bench post ' || g, '{}'::jsonb
      from generate_series(1, ${targets}) g returning id
    )
    insert into post_targets (workspace_id, post_id, profile_id, profile_name, status,
      postproxy_post_id, published_at)
    select ${ws}::uuid, ps.id, 'prof_' || (row_number() over () % ${profileCount}),
      '@bench', 'published', 'pp_' || ps.id, now() - ((row_number() over ()) * interval '17 minutes')
    from ps`);
  await db.execute(sql`
    insert into post_stat_snapshots (workspace_id, post_target_id, recorded_at, impressions,
      likes, comments, shares)
    select ${ws}::uuid, t.id, t.published_at + (g * interval '2 hours'), g * 100, g * 5, g, g
    from post_targets t cross join generate_series(1, ${postSnapshotsEach}) g
    where t.workspace_id = ${ws}::uuid`);
  await refreshLatestSnapshots(db, ws);
  await db.execute(sql`analyze`);
  const [{ n }] = (await db.execute(
    sql`select (select count(*) from profile_stat_snapshots) + (select count(*) from post_stat_snapshots) as n`,
  )) as unknown as { n: string }[];
  console.log(
    `seeded ${Number(n).toLocaleString("en-US")} snapshots in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
  );
  return ctx;
}

/**
 * Issue 18 §6: the Stats page's server time with 1,000,000 snapshots in PostgreSQL, and the
 * Profiles page's reads under 200 concurrent requests with a Postproxy that counts every call.
 */
export async function benchStats(): Promise<void> {
  console.log("== Stats: page server time with 1,000,000 snapshots (PostgreSQL) ==");
  let postproxyCalls = 0;
  const counter = createServer((_req, res) => {
    postproxyCalls += 1;
    res.writeHead(503).end();
  }).listen(0, "127.0.0.1");
  await once(counter, "listening");
  const port = (counter.address() as { port: number }).port;
  Object.assign(process.env, {
    APP_ENCRYPTION_KEY: process.env.APP_ENCRYPTION_KEY ?? "c".repeat(64),
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "d".repeat(40),
    POSTPROXY_BASE_URL: `http://127.0.0.1:${port}`,
    TEST_DATABASE_URL:
      process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
  });
  resetEnvForTests();
  const t = await createTestDatabase();
  try {
    const ctx = await seedStatsBench(t.db);

    const query = statsQuerySchema.parse({ range: "90" });
    const page = async () => {
      const [settings] = await Promise.all([
        getWorkspaceSettings(ctx),
        getMirrorState(ctx),
        getStatsSyncedAt(ctx),
      ]);
      const view = await loadProfileStats(ctx, query);
      await Promise.all([
        listTopPosts(ctx, { from: view.window.from, to: view.window.to }),
        getBestTimes(ctx, settings.timezone),
      ]);
    };
    for (let i = 0; i < 3; i++) await page();
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await page();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const median = percentile(times, 50);
    console.log(
      `stats page data (90 days, 6 profiles, top posts, best times): median ${median.toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms — goal ≤ ${goalMs} ms: ${median <= goalMs ? "met" : "NOT met"}`,
    );

    console.log(`== Profiles page reads, ${concurrent} concurrent ==`);
    const profilesPage = () =>
      Promise.all([getMirrorState(ctx), listProfileGroups(ctx), countScheduledAtRisk(ctx)]);
    await profilesPage();
    const each: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrent }, async () => {
        const s = performance.now();
        await profilesPage();
        each.push(performance.now() - s);
      }),
    );
    const wall = performance.now() - started;
    each.sort((a, b) => a - b);
    console.log(
      `${concurrent} requests in ${wall.toFixed(0)} ms (${((concurrent / wall) * 1000).toFixed(0)} req/s), median ${percentile(each, 50).toFixed(0)} ms, p95 ${percentile(each, 95).toFixed(0)} ms; Postproxy calls: ${postproxyCalls} (goal 0: ${postproxyCalls === 0 ? "met" : "NOT met"})`,
    );
  } finally {
    await t.close();
    counter.close();
  }
}
