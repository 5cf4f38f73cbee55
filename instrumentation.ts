/**
 * Runs once when a server process starts: validates the environment and applies migrations
 * before the first request is served, and stops start-up with a clear message when it cannot.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("./lib/env");
  const { getDb } = await import("./lib/db/client");
  try {
    getEnv();
    await getDb();
  } catch (error) {
    console.error(`[postdeck] Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
