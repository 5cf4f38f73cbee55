import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const mediaDir = path.resolve(import.meta.dirname, "../../../e2e/fixtures/media");
const contentTypes: Record<string, string> = {
  ".mp4": "video/mp4",
  ".mov": "video/quicktime",
  ".avi": "video/x-msvideo",
  ".webm": "video/webm",
  ".jpg": "image/jpeg",
  ".gif": "image/gif",
  ".png": "image/png",
  ".webp": "image/webp",
};

export function mediaFixture(name: string): string {
  return path.join(mediaDir, name);
}

async function listen(server: Server) {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Serves e2e/fixtures/media over HTTP, as a CDN would for media URLs. */
export async function startMediaServer() {
  const server = createServer(async (req, res) => {
    const name = path.basename(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    const file = path.join(mediaDir, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "Content-Type": contentTypes[path.extname(name)] ?? "application/octet-stream",
      "Content-Length": info.size,
    });
    createReadStream(file).pipe(res);
  });
  return listen(server);
}

export interface ReceivedWebhook {
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
}

/** Records webhook deliveries and answers 200. */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const waiters: (() => void)[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({ headers: req.headers, rawBody: Buffer.concat(chunks).toString("utf8") });
    res.writeHead(200).end("ok");
    waiters.splice(0).forEach((wake) => wake());
  });
  const listening = await listen(server);
  /** Resolves with the first delivery that matches, waiting for new ones up to timeoutMs. */
  async function waitFor(match: (delivery: ReceivedWebhook) => boolean, timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = received.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error("No matching webhook delivery arrived");
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }
  return { ...listening, received, waitFor };
}
