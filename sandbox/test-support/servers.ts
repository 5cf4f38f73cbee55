import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { FIXTURES, TestSandbox } from "./harness";

type Handler = (req: IncomingMessage, res: ServerResponse) => boolean | void;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * Serves e2e/fixtures/media at /media/<name>, stands in for a CDN the sandbox downloads from.
 * `extra` can answer special paths first (huge Content-Length, 404s...).
 */
export async function startFileServer(extra?: Handler) {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? "");
    if (extra?.(req, res)) return;
    const name = path.basename(decodeURIComponent((req.url ?? "").replace(/^\/media\//, "")));
    const file = path.join(FIXTURES, name);
    stat(file).then(
      (s) => {
        res.writeHead(200, {
          "content-length": s.size,
          "content-type": "application/octet-stream",
        });
        createReadStream(file).pipe(res);
      },
      () => {
        res.writeHead(404).end("not found");
      },
    );
  });
  const url = await listen(server);
  return {
    url,
    media: (name: string) => `${url}/media/${name}`,
    requests,
    close: () => close(server),
  };
}

export interface ReceivedWebhook {
  headers: IncomingMessage["headers"];
  body: string;
  receivedAt: number;
}

/** Webhook receiver; `status` decides what it answers (a number or a function of the count). */
export async function startReceiver(status: number | ((count: number) => number) = 200) {
  const received: ReceivedWebhook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        receivedAt: Date.now(),
      });
      const code = typeof status === "number" ? status : status(received.length);
      res.writeHead(code, { "content-type": "text/plain" }).end("ok");
    });
  });
  const url = await listen(server);
  return {
    url: `${url}/hooks`,
    received,
    events: () => received.map((r) => JSON.parse(r.body) as { type: string; [k: string]: unknown }),
    close: () => close(server),
  };
}

/**
 * A sandbox and a file server for its media, started before the file's tests and closed after;
 * the fields are set once the file's own beforeAll runs.
 */
export function setUpSandboxWithFiles() {
  const env = {} as { sb: TestSandbox; files: Awaited<ReturnType<typeof startFileServer>> };
  beforeAll(async () => {
    env.files = await startFileServer();
    env.sb = await TestSandbox.start();
  });
  afterAll(async () => {
    await env.sb?.close();
    await env.files?.close();
  });
  return env;
}
