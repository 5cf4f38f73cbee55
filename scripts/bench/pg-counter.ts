import { once } from "node:events";
import { createConnection, createServer, type Server } from "node:net";

const sslRequestCode = 80877103;

/**
 * A TCP proxy in front of PostgreSQL that counts round trips: every ReadyForQuery ('Z') the server
 * sends ends one (a simple query, or an extended-protocol Sync). The bench points the app's
 * DATABASE_URL at it, so the count is what the running app did, not what a test harness guesses.
 */
export async function startPgCounter(databaseUrl: string) {
  const target = new URL(databaseUrl);
  let roundTrips = 0;
  const server: Server = createServer((client) => {
    const upstream = createConnection(Number(target.port || 5432), target.hostname);
    let pending = Buffer.alloc(0);
    let skipByte = false;
    let sawFirst = false;
    client.on("data", (chunk) => {
      if (!sawFirst) {
        sawFirst = true;
        // An SSLRequest is answered by one byte ('N' or 'S') outside the message framing.
        if (chunk.length >= 8 && chunk.readInt32BE(4) === sslRequestCode) skipByte = true;
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk) => {
      client.write(chunk);
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      if (skipByte && pending.length > 0) {
        pending = pending.subarray(1);
        skipByte = false;
      }
      while (pending.length >= 5) {
        const length = pending.readInt32BE(1);
        if (pending.length < 1 + length) break;
        if (pending[0] === 0x5a) roundTrips += 1;
        pending = pending.subarray(1 + length);
      }
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", close).on("close", close);
    upstream.on("error", close).on("close", close);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("pg counter: no port");
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(address.port);
  return {
    /** The same database, through the counter. */
    url: url.toString(),
    get roundTrips() {
      return roundTrips;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
