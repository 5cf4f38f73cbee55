import { randomBytes } from "node:crypto";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { listCalendarEntries } from "@/lib/data/calendar";
import { openWorkspaceCtx, type WorkspaceCtx } from "@/lib/data/context";
import type { Db } from "@/lib/db/client";
import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import * as schema from "@/lib/db/schema";
import { demoLogin, seedDemo } from "@/lib/db/seed";
import { assertLocalDatabaseUrl } from "@/lib/test/db";

const inMonth = Number(process.env.BENCH_CALENDAR_POSTS ?? 5_000);
const runs = Number(process.env.BENCH_CALENDAR_RUNS ?? 15);
const goalMs = 100;
const profiles = ["prof_acme", "prof_bolt", "prof_cove", "prof_dune", "prof_echo"];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

/**
 * The calendar's month range query in PostgreSQL: 5,000 posts in the month shown (one to three
 * profiles each, a tenth drafts) among 20,000 in the months around it.
 */
export async function benchCalendar(): Promise<void> {
  console.log(`\n== Calendar month with ${inMonth.toLocaleString("en")} posts (PostgreSQL) ==`);
  const serverUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres";
  assertLocalDatabaseUrl(serverUrl);
  const name = `postdeck_bench_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const client = postgres(url.toString(), { max: 4, onnotice: () => {} });
  try {
    const handle = await openDatabase({ url: url.toString() });
    await migrateDatabase(handle);
    await seedDemo(handle.db, {
      apiKey: "pp_bench_key_calendar",
      encryptionKey: randomBytes(32),
    });
    await handle.close();
    const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
    const [user] = await client`select id, email, name from users where email = ${demoLogin.email}`;
    const [member] = await client`select workspace_id from memberships where user_id = ${user.id}`;
    const ctx = (await openWorkspaceCtx(
      db,
      { id: user.id, email: user.email, name: user.name },
      member.workspace_id,
    )) as WorkspaceCtx;
    // Months -1 .. +2 around March 2031, inMonth posts in each; the benched month is March.
    const total = inMonth * 4;
    await client`
      insert into posts (workspace_id, status, caption, format, settings, profile_ids, media,
        schedule_mode, time_zone, scheduled_at, submitted_at)
      select ${ctx.workspaceId}, (case when i % 10 = 0 then 'draft' else 'scheduled' end)::post_status,
        concat('Calendar post ', i, ' ', repeat('lorem ipsum ', 1 + i % 5)), 'video',
        '{"privacy":"PUBLIC_TO_EVERYONE","allowComments":true,"allowDuet":false,"allowStitch":false,"madeWithAi":false,"coverIndex":null,"autoAddMusic":false,"discloseContent":false,"yourBrand":false,"brandedContent":false}'::jsonb,
        '["prof_acme","prof_bolt"]'::jsonb, '[]'::jsonb, 'schedule'::post_mode, 'America/New_York',
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
    const query = { from: "2031-03-01", to: "2031-04-01", profiles: [], statuses: [] };
    const call = () => listCalendarEntries(ctx, query, { timeZone: "America/New_York" });
    for (let i = 0; i < 3; i++) await call();
    const times: number[] = [];
    let entries = 0;
    let posts = 0;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const data = await call();
      times.push(performance.now() - started);
      entries = data.entries.length;
      posts = new Set(data.entries.map((e) => e.postId)).size;
    }
    const m = median(times);
    console.log(
      `month range: ${posts.toLocaleString("en")} posts, ${entries.toLocaleString("en")} entries; median ${m.toFixed(1)} ms, p95 ${p95(times).toFixed(1)} ms (goal ≤ ${goalMs} ms: ${m <= goalMs ? "met" : "NOT met"})`,
    );
  } finally {
    await client.end();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
