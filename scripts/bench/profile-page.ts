import autocannon from "autocannon";
import { startBenchApp } from "./app-server";

const route = process.argv[2] ?? "/home";
const dir = process.argv[3] ?? "/tmp/prof";
const server = await startBenchApp({
  name: "prof",
  databaseUrl: "postgres://postgres@127.0.0.1:5432/postgres",
  nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`],
});
try {
  await autocannon({
    url: server.url + route,
    connections: 10,
    amount: 100,
    headers: { cookie: server.cookieHeader },
  });
  const r = await autocannon({
    url: server.url + route,
    connections: 20,
    duration: 6,
    headers: { cookie: server.cookieHeader },
  });
  console.log(route, r.requests.average, "req/s", r.latency.p50, r.non2xx);
} finally {
  server.app.kill("SIGINT");
  await new Promise((res) => setTimeout(res, 3000));
  await server.stop();
}
