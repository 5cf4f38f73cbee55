import { cpus, loadavg } from "node:os";
import autocannon from "autocannon";
import { startBenchApp } from "./app-server";
import { treeCpuSeconds } from "./proc-cpu";

/** The signed-in pages measured (BENCH_PAGES_ROUTES=/a,/b for others). */
const routes = process.env.BENCH_PAGES_ROUTES?.split(",") ?? [
  "/home",
  "/posts",
  "/compose",
  "/media",
  "/stats",
  "/calendar",
];
const connections = 50;
const seconds = Number(process.env.BENCH_PAGES_SECONDS ?? 10);
const goalPagesPerSecond = 150;
const goalP99Ms = 500;

/**
 * Pages per second and server CPU per page for the main signed-in pages, 50 concurrent
 * connections against one `next start` on PostgreSQL (issue 15 §5): goal ≥ 150 pages/s, p99 ≤ 500 ms.
 */
export async function benchPages(): Promise<void> {
  console.log(`\n== Pages: ${connections} concurrent connections, ${seconds} s each ==`);
  const databaseUrl =
    process.env.TEST_DATABASE_URL ??
    process.env.BENCH_DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres";
  const server = await startBenchApp({ name: "pages", databaseUrl });
  try {
    console.log(
      `machine: ${cpus().length} cores, load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")} before the run`,
    );
    console.log(
      `route        pages/s   p50 ms   p99 ms   CPU ms/page   DB trips/page   non-2xx   goal`,
    );
    for (const route of routes) {
      const url = `${server.url}${route}`;
      const probe = await fetch(url, {
        headers: { cookie: server.cookieHeader },
        redirect: "manual",
      });
      if (probe.status === 404) {
        console.log(`${route.padEnd(12)} (not built yet)`);
        continue;
      }
      if (probe.status !== 200) throw new Error(`${route} answered ${probe.status}`);
      await autocannon({
        url,
        connections: 10,
        amount: 50,
        headers: { cookie: server.cookieHeader },
      });
      const cpuBefore = treeCpuSeconds(server.app.pid!);
      const tripsBefore = server.roundTrips();
      const result = await autocannon({
        url,
        connections,
        duration: seconds,
        headers: { cookie: server.cookieHeader },
      });
      const cpu = treeCpuSeconds(server.app.pid!) - cpuBefore;
      const trips = server.roundTrips() - tripsBefore;
      const pages = result.requests.total;
      const perSecond = result.requests.average;
      const ok = perSecond >= goalPagesPerSecond && result.latency.p99 <= goalP99Ms;
      console.log(
        `${route.padEnd(12)} ${perSecond.toFixed(0).padStart(7)}  ${String(result.latency.p50).padStart(7)}  ${String(result.latency.p99).padStart(7)}  ${((cpu * 1000) / Math.max(pages, 1)).toFixed(1).padStart(12)}  ${(trips / Math.max(pages, 1)).toFixed(1).padStart(14)}  ${String(result.non2xx).padStart(8)}   ${ok ? "ok" : "MISSED"}`,
      );
    }
    console.log(`goal: ≥ ${goalPagesPerSecond} pages/s per process with p99 ≤ ${goalP99Ms} ms`);
  } finally {
    await server.stop();
  }
}
