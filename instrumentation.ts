/**
 * Runs once when a server process starts, before the first request is served. The Node-only
 * work lives in its own module so the Edge bundle never sees it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startNodeServer } = await import("./lib/startup/node");
    await startNodeServer();
  }
}
