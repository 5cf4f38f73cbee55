import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: IncomingMessage["headers"];
  at: number;
}

export type StubHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  index: number,
) => void | Promise<void>;

export interface StubServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** A real HTTP server on loopback for tests: the client under test talks to it over TCP. */
export async function startStubServer(handler: StubHandler): Promise<StubServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const index = requests.length;
    requests.push({
      method: req.method ?? "",
      url: new URL(req.url ?? "/", "http://stub"),
      headers: req.headers,
      at: Date.now(),
    });
    Promise.resolve(handler(req, res, index)).catch((error: unknown) => {
      res.statusCode = 599;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

export const samplePost = {
  id: "post_1",
  body: "Hello",
  status: "scheduled",
  draft: false,
  scheduled_at: "2030-01-01T10:00:00.000Z",
  created_at: "2029-12-31T10:00:00.000Z",
  media: [
    {
      id: "med_1",
      status: "processed",
      error_message: null,
      content_type: "video/mp4",
      source_url: null,
      url: "https://cdn.example/v.mp4",
    },
  ],
  platforms: [
    {
      platform: "tiktok",
      status: "pending",
      params: { privacy_status: "SELF_ONLY" },
      error: null,
      error_details: null,
      attempted_at: null,
      insights: null,
    },
  ],
  thread: [],
};
