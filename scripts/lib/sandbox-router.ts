import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { startSandbox, type SandboxHandle } from "../../sandbox/server";

/**
 * One address for the app (POSTPROXY_BASE_URL), many sandboxes behind it: each API key that starts
 * with `keyPrefix` gets its own sandbox (own port, state, clock and faults), started on first use.
 * The e2e specs each use their own key, so one spec moving the clock or injecting faults cannot
 * touch another. `/__tenants/<key>/<path>` reaches a tenant's own admin endpoints; any other key
 * goes to the default tenant (which refuses it as Postproxy would).
 */
export async function startSandboxRouter(options: {
  port: number;
  keyPrefix: string;
  defaultKey: string;
}) {
  const tenants = new Map<string, Promise<SandboxHandle>>();
  const byIndex: string[] = [];
  const routerUrl = `http://127.0.0.1:${options.port}`;
  const tenant = (key: string) => {
    let found = tenants.get(key);
    if (!found) {
      // The absolute URLs a tenant hands out (avatars, media, consent pages) go through this
      // router under an opaque index, so the browser meets one origin (the app's CSP allows the
      // Postproxy address) and no key appears in a page.
      const index = byIndex.push(key) - 1;
      found = startSandbox({
        port: 0,
        apiKey: key,
        log: false,
        publicUrl: `${routerUrl}/__t/${index}`,
      });
      tenants.set(key, found);
    }
    return found;
  };

  const forward = async (req: IncomingMessage, res: ServerResponse, key: string, path: string) => {
    const target = await tenant(key);
    const upstream = httpRequest(
      { host: "127.0.0.1", port: target.port, method: req.method, path, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    res.on("close", () => upstream.destroy());
    req.pipe(upstream);
  };

  const server = createServer((req, res) => {
    const url = req.url ?? "/";
    const published = /^\/__t\/(\d+)(\/.*)?$/.exec(url);
    if (published) {
      const key = byIndex[Number(published[1])];
      if (!key) {
        res.writeHead(404).end();
        return;
      }
      void forward(req, res, key, published[2] ?? "/");
      return;
    }
    const admin = /^\/__tenants\/([^/]+)(\/.*)?$/.exec(url);
    if (admin) {
      const key = decodeURIComponent(admin[1]);
      if (!key.startsWith(options.keyPrefix)) {
        res.writeHead(404).end();
        return;
      }
      void forward(req, res, key, admin[2] ?? "/");
      return;
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const key = bearer?.startsWith(options.keyPrefix) ? bearer : options.defaultKey;
    void forward(req, res, key, url);
  });
  await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
  await tenant(options.defaultKey);

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await Promise.all([...tenants.values()].map(async (t) => (await t).close()));
    },
  };
}
