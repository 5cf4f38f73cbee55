import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { Db } from "@/lib/db/client";
import { createMediaRoutes } from "@/lib/media/server/routes";
import type { MediaStorage } from "@/lib/media/server/storage";

/** The app's /api/media/<id> route on a port of its own, so the sandbox can fetch signed links. */
export async function startMediaServer(deps: { db: Db; storage: MediaStorage; secret: string }) {
  const routes = createMediaRoutes({ ...deps, getUser: async () => null });
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const match = /^\/api\/media\/([0-9a-f-]{36})$/.exec(url.pathname);
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    const response = await routes.media(
      new Request(url, { headers: req.headers as Record<string, string> }),
      match[1],
    );
    res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    if (response.body) Readable.fromWeb(response.body as never).pipe(res);
    else res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
