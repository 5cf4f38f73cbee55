import "server-only";
import { getApiKey } from "@/lib/data/api-keys";
import type { WorkspaceCtx } from "@/lib/data/context";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { createPostproxyClient, isPostproxyError } from "@/lib/postproxy";

const keyCheckTimeoutMs = 10_000;

/** How long a page waits for Postproxy (all attempts together) before it shows a message. */
export const pageDeadlineMs = 6_000;

function describeKeyCheckFailure(error: unknown, timeoutMs: number, ref: string): string {
  if (!isPostproxyError(error)) return `The key could not be checked against Postproxy.${ref}`;
  switch (error.kind) {
    case "unauthorized":
      return "Postproxy refused this key (401 Invalid API key). Check that you copied the whole key from your Postproxy dashboard.";
    case "timeout":
      return `Postproxy did not answer within ${timeoutMs / 1000} seconds (timeout). The key was not saved; try again.${ref}`;
    case "network":
      return `Postproxy could not be reached (network error). The key was not saved; check POSTPROXY_BASE_URL or try again.${ref}`;
    case "rate_limited":
      return "Postproxy is rate limiting requests right now (429). The key was not saved; try again in a minute.";
    default:
      return `Postproxy answered the check with an error${error.status ? ` (HTTP ${error.status})` : ""}. The key was not saved; try again shortly.${ref}`;
  }
}

/**
 * Saving a key first lists profiles with it, so a wrong key is refused before it is stored. The
 * message names no address or low-level reason: those are logged under the id it quotes.
 */
export async function verifyPostproxyKey(
  apiKey: string,
  options: { baseUrl?: string; timeoutMs?: number } = {},
): Promise<void> {
  const baseUrl = options.baseUrl ?? getEnv().POSTPROXY_BASE_URL;
  const timeoutMs = options.timeoutMs ?? keyCheckTimeoutMs;
  const client = createPostproxyClient({ baseUrl, apiKey, timeoutMs, maxRetries: 0 });
  try {
    await client.profiles.list();
  } catch (error) {
    const isUserFixable =
      isPostproxyError(error) && (error.kind === "unauthorized" || error.kind === "rate_limited");
    const ref = isUserFixable ? "" : ` (error ${logError("postproxy:key-check", error)})`;
    const message = describeKeyCheckFailure(error, timeoutMs, ref);
    throw new AppError(
      isPostproxyError(error) && error.kind === "unauthorized" ? "invalid_input" : "upstream",
      message,
      { apiKey: [message] },
    );
  }
}

/** The host the app talks to, shown next to the key field so owners know where keys are checked. */
export function postproxyHost(): string {
  return new URL(getEnv().POSTPROXY_BASE_URL).host;
}

/**
 * A client for the workspace's own key; the key stays inside the client's closure. Pages pass
 * `pageDeadlineMs` so a hanging Postproxy costs them seconds, not the full retry schedule.
 */
export async function getWorkspacePostproxy(
  ctx: WorkspaceCtx,
  /** `apiKey`: the workspace's key when the caller has just read it (saves a query). */
  options: { deadlineMs?: number; apiKey?: string | null } = {},
) {
  const apiKey = options.apiKey !== undefined ? options.apiKey : await getApiKey(ctx);
  if (!apiKey) return null;
  const env = getEnv();
  return createPostproxyClient({
    baseUrl: env.POSTPROXY_BASE_URL,
    apiKey,
    timeoutMs: Math.min(env.POSTPROXY_TIMEOUT_MS, options.deadlineMs ?? Infinity),
    deadlineMs: options.deadlineMs,
  });
}
