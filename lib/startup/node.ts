import "server-only";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { guardConsole } from "@/lib/log";
import { installClientIpHook } from "./client-ip";

/** Validates the environment and applies migrations; a failure stops the process with a message. */
export async function startNodeServer() {
  guardConsole();
  try {
    const env = getEnv();
    installClientIpHook(env.TRUSTED_PROXY_COUNT);
    await getDb();
  } catch (error) {
    console.error(
      `[postdeck] Start-up failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
}
