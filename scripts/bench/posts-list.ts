import { randomBytes } from "node:crypto";
import path from "node:path";
import type postgres from "postgres";
import { encodePostsCursor, listPostsPage } from "@/lib/data/posts-list";
import {
  postsQueryToSearchParams,
  readPostsQuery,
  type PostsQuery,
} from "@/lib/validation/posts-query";
import { benchPostSettings, median, openBenchWorkspace, p95, sqlFloorMs } from "./bench-workspace";
import { demoCookieHeader, startNextServer, type NextServer } from "./app-server";

const total = Number(process.env.BENCH_POSTS ?? 100_000);
const runs = Number(process.env.BENCH_POSTS_RUNS ?? 15);
const goalMs = 200;
const profiles = ["prof_acme", "prof_bolt", "prof_cove", "prof_dune", "prof_echo"];

const ms = (n: number) => n.toFixed(1).padStart(7);

/**
 * 100,000 posts (5% drafts) over two years, each with one to three of five profiles' targets in
 * the status its post has; captions drawn from a word list, one word in a hundred posts rare.
 */
async function seedPosts(sql: postgres.Sql, workspaceId: string) {
  await sql`
    insert into posts (workspace_id, status, caption, format, settings, profile_ids, media,
      schedule_mode, scheduled_at, submitted_at, created_at, updated_at)
    select ${workspaceId}, s.status::post_status,
      concat_ws(' ',
        (array['Spring','Launch','Behind the scenes','New drop','Tutorial','Q&A','Giveaway','Recap'])[1 + (i % 8)],
        'post', i, (array['#fyp','#style','#howto','#sale','#team'])[1 + (i % 5)],
        case when i % 100 = 7 then 'zanzibar' end,
        repeat('lorem ipsum dolor ', 1 + (i % 6))),
      'video', ${benchPostSettings}::jsonb,
      '[]'::jsonb, '[]'::jsonb,
      case when i % 3 = 0 then 'now' else 'schedule' end::post_mode,
      case when s.status = 'draft' or i % 3 = 0 then null
        else now() - interval '600 days' + (i * interval '1 day' * 730 / ${total}) end,
      case when s.status = 'draft' then null
        else now() - interval '601 days' + (i * interval '1 day' * 730 / ${total}) end,
      now() - interval '602 days' + (i * interval '1 day' * 730 / ${total}),
      now() - interval '600 days' + (i * interval '1 day' * 730 / ${total})
    from generate_series(1, ${total}) as i,
      lateral (select case
        when i % 20 = 0 then 'draft'
        when i % 17 = 0 then 'failed'
        when i % 29 = 0 then 'cancelled'
        when i % 13 = 0 then 'partially_published'
        when i > ${Math.floor(total * 0.8)} then 'scheduled'
        else 'published' end as status) s`;
  // One to three profiles per sent post, with the post's status (failed: its failure time).
  await sql`
    insert into post_targets (workspace_id, post_id, profile_id, profile_name, status,
      scheduled_at, published_at, updated_at)
    select p.workspace_id, p.id, (${profiles}::text[])[1 + ((h + k) % 5)],
      initcap(substr((${profiles}::text[])[1 + ((h + k) % 5)], 6)),
      (case p.status
        when 'partially_published' then case when k = 0 then 'published' else 'failed' end
        else p.status::text end)::post_target_status,
      p.scheduled_at,
      case when p.status in ('published','partially_published') then p.list_at + interval '2 minutes' end,
      p.list_at + interval '3 minutes'
    from (select *, abs(hashtext(id::text)) as h from posts where status <> 'draft') p,
      generate_series(0, (abs(hashtext(p.id::text)) % 3)) as k`;
  await sql`update posts set profile_ids = '["prof_acme","prof_bolt"]'::jsonb where status = 'draft'`;
  await sql`vacuum analyze posts`;
  await sql`vacuum analyze post_targets`;
}

type Case = { name: string; query: PostsQuery; cursor?: string };

/** Posts list server time at 100,000 posts in PostgreSQL, beside each query's raw SQL time. */
export async function benchPostsList(): Promise<void> {
  console.log(`\n== Posts list at ${total.toLocaleString("en")} posts (PostgreSQL) ==`);
  const bench = await openBenchWorkspace("pp_bench_key_posts_list");
  const { client, ctx, encryptionKey, url } = bench;
  let server: NextServer | null = null;
  try {
    const seedStarted = performance.now();
    await seedPosts(client, ctx.workspaceId);
    const [{ n }] = await client`select count(*)::int as n from post_targets`;
    console.log(
      `seeded ${total.toLocaleString("en")} posts and ${n.toLocaleString("en")} targets in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );
    const [deep] = await client`
      select list_at::text as at, id from posts
      where workspace_id = ${ctx.workspaceId} and status <> 'draft'
      order by list_at desc, id desc offset ${Math.floor(total * 0.6)} limit 1`;
    const [window] = await client`
      select (list_at at time zone 'America/New_York')::date::text as day from posts
      where workspace_id = ${ctx.workspaceId} and status <> 'draft'
      order by list_at desc offset ${Math.floor(total * 0.4)} limit 1`;
    const to = window.day as string;
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - 30 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const cases: Case[] = [
      { name: "first page", query: { tab: "posts" } },
      {
        name: `deep page (row ${Math.floor(total * 0.6).toLocaleString("en")})`,
        query: { tab: "posts" },
        cursor: encodePostsCursor({ at: deep.at, id: deep.id }),
      },
      { name: "caption search (1 in 100)", query: { tab: "posts", q: "zanzibar" } },
      { name: "caption search (no match)", query: { tab: "posts", q: "no such words" } },
      { name: "profile + 31 days", query: { tab: "posts", profile: "prof_cove", from, to } },
      { name: "drafts tab", query: { tab: "drafts" } },
    ];

    const timeZone = "America/New_York";
    const results: { name: string; server: number[]; floor: number; rows: number }[] = [];
    for (const c of cases) {
      const call = () => listPostsPage(ctx, c.query, { cursor: c.cursor, timeZone });
      for (let i = 0; i < 3; i++) await call();
      const server: number[] = [];
      let rows = 0;
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        rows = (await call()).items.length;
        server.push(performance.now() - started);
      }
      // The same statements, as EXPLAIN ANALYZE executes them: the floor under the server time.
      const floor = await sqlFloorMs(bench, call);
      results.push({ name: c.name, server, floor, rows });
    }

    let http: Map<string, number[]> | null = null;
    if (process.env.BENCH_POSTS_HTTP !== "0") http = await overHttp();

    console.log(
      `\ncase                          rows  server ms (median / p95)  http ms (median)  SQL floor ms   goal ≤ ${goalMs} ms`,
    );
    for (const r of results) {
      const h = http?.get(r.name);
      const worst = Math.max(median(r.server), h ? median(h) : 0);
      console.log(
        `${r.name.padEnd(29)} ${String(r.rows).padStart(4)}  ${ms(median(r.server))} / ${ms(p95(r.server))}     ${h ? ms(median(h)) : "      –"}          ${ms(r.floor)}      ${worst <= goalMs ? "ok" : "OVER"}`,
      );
    }
    console.log(
      "\nserver: listPostsPage (both statements and the Node side); http: GET /api/posts on `next start`\n(session, membership, the same call, JSON), from a client on this machine; floor: the\nstatements' EXPLAIN ANALYZE execution time. The goal is judged on the medians.",
    );

    async function overHttp(): Promise<Map<string, number[]>> {
      const env = {
        ...process.env,
        NODE_ENV: "production" as const,
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: url,
        DATA_DIR: path.resolve(".data/bench-posts-list"),
        MEDIA_DIR: path.resolve(".data/bench-posts-list/media"),
        POSTPROXY_BASE_URL: "http://127.0.0.1:9",
        ALLOW_INSECURE_HTTP: "true",
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        APP_ENCRYPTION_KEY: encryptionKey,
      };
      server = await startNextServer(env);
      const baseUrl = server.url;
      const cookie = await demoCookieHeader(baseUrl);
      const out = new Map<string, number[]>();
      for (const c of cases) {
        const params = postsQueryToSearchParams(c.query);
        params.set("workspaceId", ctx.workspaceId);
        if (c.cursor) params.set("cursor", c.cursor);
        // The route reads the same schema the page does.
        if (Object.keys(readPostsQuery(params).problems).length) throw new Error(c.name);
        const get = async () => {
          const started = performance.now();
          const res = await fetch(`${baseUrl}/api/posts?${params}`, { headers: { cookie } });
          if (!res.ok) throw new Error(`${c.name}: GET /api/posts answered ${res.status}`);
          await res.json();
          return performance.now() - started;
        };
        for (let i = 0; i < 3; i++) await get();
        const times: number[] = [];
        for (let i = 0; i < runs; i++) times.push(await get());
        out.set(c.name, times);
      }
      return out;
    }
  } finally {
    await (server as NextServer | null)?.stop();
    await bench.close();
  }
}
