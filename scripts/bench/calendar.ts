import { listCalendarEntries } from "@/lib/data/calendar";
import { readFileSync } from "node:fs";
import type postgres from "postgres";
import { treeCpuSeconds } from "./proc-cpu";
import { benchPostSettings, median, openBenchWorkspace, p95, sqlFloorMs } from "./bench-workspace";

const inMonth = Number(process.env.BENCH_CALENDAR_POSTS ?? 5_000);
const runs = Number(process.env.BENCH_CALENDAR_RUNS ?? 15);
const goalMs = 100;
const profiles = ["prof_acme", "prof_bolt", "prof_cove", "prof_dune", "prof_echo"];
const loadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

/** Months -1 .. +2 around March 2031, `inMonth` posts in each (the benched month is March). */
export async function seedCalendarPosts(client: postgres.Sql, workspaceId: string) {
  const total = inMonth * 4;
  await client`
    insert into posts (workspace_id, status, caption, format, settings, profile_ids, media,
      schedule_mode, time_zone, scheduled_at, submitted_at)
    select ${workspaceId}, (case when i % 10 = 0 then 'draft' else 'scheduled' end)::post_status,
      concat('Calendar post ', i, ' ', repeat('lorem ipsum ', 1 + i % 5)), 'video',
      ${benchPostSettings}::jsonb, '["prof_acme","prof_bolt"]'::jsonb, '[]'::jsonb,
      'schedule'::post_mode, 'America/New_York',
      timestamptz '2031-02-01 05:00+00' + ((i - 1) * interval '1 day' * 120 / ${total}),
      case when i % 10 = 0 then null else now() end
    from generate_series(1, ${total}) as i`;
  await client`
    insert into post_targets (workspace_id, post_id, profile_id, profile_name, status,
      postproxy_post_id, scheduled_at)
    select p.workspace_id, p.id, (${profiles}::text[])[1 + ((h + k) % 5)],
      initcap(substr((${profiles}::text[])[1 + ((h + k) % 5)], 6)), 'scheduled',
      concat('pp_', p.id, '_', k), p.scheduled_at
    from (select *, abs(hashtext(id::text)) as h from posts where status <> 'draft') p,
      generate_series(0, (abs(hashtext(p.id::text)) % 3)) as k`;
  await client`vacuum analyze posts`;
  await client`vacuum analyze post_targets`;
}

/**
 * The calendar's month range query in PostgreSQL: 5,000 posts in the month shown (one to three
 * profiles each, a tenth drafts) among 20,000 in the months around it; beside it, the statement's
 * EXPLAIN ANALYZE time (the floor) and the process's CPU time per call.
 */
export async function benchCalendar(): Promise<void> {
  console.log(`\n== Calendar month with ${inMonth.toLocaleString("en")} posts (PostgreSQL) ==`);
  const bench = await openBenchWorkspace("pp_bench_key_calendar");
  const { client, ctx } = bench;
  try {
    await seedCalendarPosts(client, ctx.workspaceId);
    const query = { from: "2031-03-01", to: "2031-04-01", profiles: [], statuses: [] };
    const call = () => listCalendarEntries(ctx, query, { timeZone: "America/New_York" });
    for (let i = 0; i < 3; i++) await call();
    const times: number[] = [];
    let entries = 0;
    let posts = 0;
    // CPU of this database's server processes (read from /proc: the trustworthy figure on a
    // busy machine) beside this process's own.
    const backends = (
      await client`select pid from pg_stat_activity where datname = current_database()`
    ).map((r) => Number(r.pid));
    const pgCpu = () => backends.reduce((sum, pid) => sum + treeCpuSeconds(pid), 0);
    const pgCpuStarted = pgCpu();
    const cpuStarted = process.cpuUsage();
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const data = await call();
      times.push(performance.now() - started);
      entries = data.entries.length;
      posts = new Set(data.entries.map((e) => e.postId)).size;
    }
    const cpu = process.cpuUsage(cpuStarted);
    const pgCpuMs = ((pgCpu() - pgCpuStarted) * 1000) / runs;
    const floors: number[] = [];
    for (let i = 0; i < 5; i++) floors.push(await sqlFloorMs(bench, call));
    if (process.env.BENCH_CALENDAR_EXPLAIN) {
      bench.captured.length = 0;
      await call();
      for (const st of [...bench.captured]) {
        const plan = await client.unsafe(
          `explain (analyze, buffers) ${st.query}`,
          st.params as never[],
        );
        console.log(plan.map((r) => r["QUERY PLAN"]).join("\n"));
      }
    }
    const m = median(times);
    console.log(
      `month range: ${posts.toLocaleString("en")} posts, ${entries.toLocaleString("en")} entries; median ${m.toFixed(1)} ms, p95 ${p95(times).toFixed(1)} ms (goal ≤ ${goalMs} ms: ${m <= goalMs ? "met" : "NOT met"})`,
    );
    console.log(
      `SQL floor (EXPLAIN ANALYZE execution, median of 5): ${median(floors).toFixed(1)} ms; CPU per call: PostgreSQL ${pgCpuMs.toFixed(1)} ms + this process ${((cpu.user + cpu.system) / 1000 / runs).toFixed(1)} ms (/proc); load average ${loadAverage()}`,
    );
  } finally {
    await bench.close();
  }
}
