import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";

export interface SandboxProcess {
  url: string;
  apiKey: string;
  pid: number;
  stop(): Promise<void>;
}

async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (!address || typeof address === "string") throw new Error("No free port");
  return address.port;
}

async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The sandbox exited with ${child.exitCode}`);
    try {
      await fetch(`${url}/api/profile_groups`, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`The sandbox did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/**
 * Runs the sandbox in its own process (`npx tsx sandbox/main.ts`), so its CPU and memory stay
 * out of the figures measured in this process.
 */
export async function startSandboxProcess(
  apiKey = "pp_bench_key",
  extraEnv: Record<string, string> = {},
): Promise<SandboxProcess> {
  // BENCH_SANDBOX_PORT pins it (a machine shared by several runs), else any free port.
  const port = Number(process.env.BENCH_SANDBOX_PORT ?? (await freeLoopbackPort()));
  const url = `http://127.0.0.1:${port}`;
  const child = spawn("npx", ["tsx", "sandbox/main.ts"], {
    env: {
      ...process.env,
      SANDBOX_PORT: String(port),
      SANDBOX_HOST: "127.0.0.1",
      SANDBOX_API_KEY: apiKey,
      SANDBOX_LOG: "0",
      ...extraEnv,
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("Could not start the sandbox");
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, "exit");
    process.kill(-pid, "SIGTERM"); // its process group: npx, tsx and node
    await exited;
  };
  try {
    await waitUntilAnswering(url, child, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, apiKey, pid, stop };
}
