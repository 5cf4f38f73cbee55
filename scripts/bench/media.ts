import { randomBytes, randomUUID } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { eq, sql as q } from "drizzle-orm";
import { listMediaPage } from "@/lib/data/media-library";
import { resolveWorkspaceCtx } from "@/lib/data/workspaces";
import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { mediaFiles, mediaUsages, posts, users } from "@/lib/db/schema";
import { seedDemo } from "@/lib/db/seed";
import { defaultTikTokSettings } from "@/lib/tiktok/params";
import { parseMediaLibraryQuery } from "@/lib/validation/media-library";
import { startNextServer, type NextServer } from "./app-server";
import { chromiumPath, measure, signIn } from "./first-load";
import { startSandboxProcess } from "./sandbox-process";

const files = Number(process.env.BENCH_MEDIA_FILES ?? 10_000);
const runs = 15;
const goalMs = 200;
const firstScreenGoalMs = 1000;
const jsGoalKb = 250;

/** BENCH_MEDIA_SHOTS=<dir>: also screenshot the Media page and the composer's library dialog. */
const shotsDir = process.env.BENCH_MEDIA_SHOTS;

async function takeScreenshots(
  browser: Browser,
  baseUrl: string,
  cookies: { name: string; value: string }[],
) {
  if (!shotsDir) return;
  await mkdir(shotsDir, { recursive: true });
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ]) {
    const context = await browser.newContext({ viewport: { width, height } });
    await context.addCookies(cookies.map((c) => ({ ...c, url: baseUrl })));
    const page = await context.newPage();
    await page.goto(`${baseUrl}/media`, { waitUntil: "networkidle" });
    await page.screenshot({ path: path.join(shotsDir, `media-${files}-${width}.png`) });
    await page.mouse.wheel(0, 20_000);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(shotsDir, `media-${files}-scrolled-${width}.png`) });
    await page.goto(`${baseUrl}/media?q=teaser&kind=image&sort=name`, { waitUntil: "networkidle" });
    await page.getByLabel("Select teaser-1.jpg").check();
    await page.getByLabel("Select teaser-15.jpg").check();
    await page.screenshot({ path: path.join(shotsDir, `media-search-selected-${width}.png`) });
    await page.goto(`${baseUrl}/compose`, { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "Choose from library" }).click();
    await page.getByRole("searchbox", { name: "Search by file name" }).fill("unboxing-99");
    await page.getByRole("dialog").getByText("unboxing-992.mp4", { exact: true }).waitFor();
    await page.screenshot({ path: path.join(shotsDir, `library-dialog-search-${width}.png`) });
    await context.close();
  }
  console.log(`screenshots in ${shotsDir}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(call: () => Promise<unknown>): Promise<number> {
  await call(); // warm
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await call();
    samples.push(performance.now() - started);
  }
  return median(samples);
}
const line = (label: string, ms: number, goal: number) =>
  console.log(
    `${label.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms   ${ms <= goal ? "ok" : "OVER"} (≤ ${goal})`,
  );

/**
 * The media library with 10,000 files in a fresh PostgreSQL database: the data function and the
 * Media page / library route over HTTP (`next start`) for the first page, a deep page (about
 * file 7,000 of 10,000) and a search; the demo's first screen in Chromium; /media's first-load JS.
 */
export async function benchMedia(): Promise<void> {
  console.log(`\n== Media library: ${files.toLocaleString("en-US")} files in PostgreSQL ==`);
  const admin = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const { default: postgres } = await import("postgres");
  const sql = postgres(admin, { max: 1, onnotice: () => {} });
  const name = `postdeck_bench_media_${randomBytes(4).toString("hex")}`;
  await sql.unsafe(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const dir = path.resolve(".data/bench-media");
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const sandbox = await startSandboxProcess();
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    DATA_DIR: dir,
    MEDIA_DIR: path.join(dir, "media"),
    DATABASE_URL: url.toString(),
    POSTPROXY_BASE_URL: sandbox.url,
    ALLOW_INSECURE_HTTP: "true",
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    APP_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
  };
  let server: NextServer | null = null;
  const handle = await openDatabase({ url: url.toString() });
  try {
    await migrateDatabase(handle);
    const { userId, workspaceId } = await seedDemo(handle.db, {
      apiKey: sandbox.apiKey,
      encryptionKey: Buffer.from(env.APP_ENCRYPTION_KEY, "hex"),
    });
    const started = performance.now();
    const words = ["launch", "teaser", "promo", "behind-the-scenes", "product", "unboxing", "tips"];
    const base = Date.parse("2026-01-01T00:00:00Z");
    const ids: string[] = [];
    for (let i = 0; i < files; i += 1000) {
      const rows = Array.from({ length: Math.min(1000, files - i) }, (_, k) => {
        const n = i + k;
        const isVideo = n % 4 === 0;
        const id = randomUUID();
        ids.push(id);
        return {
          id,
          workspaceId,
          uploadedById: userId,
          name: `${words[n % words.length]}-${n}${isVideo ? ".mp4" : ".jpg"}`,
          status: n % 50 === 0 ? ("rejected" as const) : ("ready" as const),
          kind:
            n % 50 === 0 ? ("other" as const) : isVideo ? ("video" as const) : ("image" as const),
          size: 50_000 + ((n * 7919) % 900_000_000),
          mime: isVideo ? "video/mp4" : "image/jpeg",
          width: 1080,
          height: 1920,
          durationSec: isVideo ? 12 : null,
          createdAt: new Date(base + n * 60_000),
        };
      });
      await handle.db.insert(mediaFiles).values(rows);
    }
    const [post] = await handle.db
      .insert(posts)
      .values({ workspaceId, createdById: userId, settings: { ...defaultTikTokSettings } })
      .returning({ id: posts.id });
    await handle.db
      .insert(mediaUsages)
      .values(ids.slice(0, 500).map((mediaId) => ({ workspaceId, mediaId, postId: post.id })));
    await handle.db.execute(q`analyze`);
    console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const [user] = await handle.db.select().from(users).where(eq(users.id, userId));
    const sessionUser = { id: user.id, name: user.name, email: user.email };
    const ctx = await resolveWorkspaceCtx(handle.db, sessionUser, workspaceId);
    if (!ctx) throw new Error("demo workspace not found");
    const first = parseMediaLibraryQuery({});
    let deepCursor: string | undefined;
    for (let page = 0; page < 150; page++)
      deepCursor =
        (await listMediaPage(ctx, { ...first, cursor: deepCursor })).nextCursor ?? undefined;
    const search = parseMediaLibraryQuery({ q: "unboxing-12" });
    console.log("\ndata function (listMediaPage)");
    line("  first page (48 newest)", await time(() => listMediaPage(ctx, first)), goalMs);
    line(
      "  deep page (after 7,200 files)",
      await time(() => listMediaPage(ctx, { ...first, cursor: deepCursor })),
      goalMs,
    );
    line("  search “unboxing-12”", await time(() => listMediaPage(ctx, search)), goalMs);
    line(
      "  by name, first page",
      await time(() => listMediaPage(ctx, parseMediaLibraryQuery({ sort: "name" }))),
      goalMs,
    );
    line(
      "  unused only, by size",
      await time(() => listMediaPage(ctx, parseMediaLibraryQuery({ use: "unused", sort: "size" }))),
      goalMs,
    );

    server = await startNextServer(env);
    const baseUrl = server.url;
    const cookies = await signIn(baseUrl);
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const get = (p: string) => async () => {
      const res = await fetch(`${baseUrl}${p}`, { headers: { cookie }, redirect: "manual" });
      if (!res.ok) throw new Error(`${p} answered ${res.status}`);
      await res.arrayBuffer();
    };
    const route = `/api/media/library?workspaceId=${workspaceId}`;
    console.log("\nover HTTP (next start, loopback; whole response)");
    line("  /media", await time(get("/media")), goalMs);
    line("  /media?q=unboxing-12", await time(get("/media?q=unboxing-12")), goalMs);
    line("  library route, first page", await time(get(route)), goalMs);
    line("  library route, deep page", await time(get(`${route}&cursor=${deepCursor}`)), goalMs);
    line("  library route, search", await time(get(`${route}&q=unboxing-12`)), goalMs);

    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
    });
    try {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addCookies(cookies.map((c) => ({ ...c, url: baseUrl })));
      const samples: number[] = [];
      for (let i = 0; i < 4; i++) {
        const page = await context.newPage();
        await page.goto(`${baseUrl}/media`, { waitUntil: "load" });
        await page.getByRole("list", { name: "Media files" }).waitFor();
        const fcp = await page.evaluate(
          () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? -1,
        );
        if (i > 0) samples.push(fcp);
        await page.close();
      }
      console.log("\nin Chromium");
      line("  /media first contentful paint", median(samples), firstScreenGoalMs);
      const scripts = await measure(context, `${baseUrl}/media`);
      const wire = scripts.reduce((t, s) => t + s.wire, 0) / 1000;
      console.log(
        `${"  /media first-load JS (compressed)".padEnd(44)} ${wire.toFixed(1).padStart(8)} kB   ${wire <= jsGoalKb ? "ok" : "OVER"} (≤ ${jsGoalKb})`,
      );
      await context.close();
      if (shotsDir) await takeScreenshots(browser, baseUrl, cookies);
    } finally {
      await browser.close();
    }
    // Stops what this bench started; first-load.ts starts a different set (no PostgreSQL database).
  } finally {
    await server?.stop();
    await handle.close();
    await sandbox.stop();
    await sql.unsafe(`drop database if exists ${name} with (force)`);
    await sql.end();
    await rm(dir, { recursive: true, force: true });
  }
}
