import "server-only";
import { getApiKey } from "@/lib/data/api-keys";
import type { WorkspaceCtx } from "@/lib/data/context";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createPostproxyClient, isPostproxyError, toAppError } from "@/lib/postproxy";

const keyCheckTimeoutMs = 10_000;

function describeKeyCheckFailure(error: unknown, host: string, timeoutMs: number): string {
  if (!isPostproxyError(error))
    return `The key could not be checked against Postproxy at ${host}. It was not saved.`;
  switch (error.kind) {
    case "unauthorized":
      return "Postproxy refused this key (401 Invalid API key). Check that you copied the whole key from your Postproxy dashboard.";
    case "timeout":
      return `Postproxy at ${host} did not answer within ${timeoutMs / 1000} seconds (timeout). The key was not saved; try again.`;
    case "network":
      return `${error.message.replace(/\.$/, "")} (network error). The key was not saved; check POSTPROXY_BASE_URL or try again.`;
    case "rate_limited":
      return "Postproxy is rate limiting requests right now (429). The key was not saved; try again in a minute.";
    default:
      return `Postproxy answered the check with an error${error.status ? ` (HTTP ${error.status})` : ""}. The key was not saved; try again shortly.`;
  }
}

/** Saving a key first lists profiles with it, so a wrong key is refused before it is stored. */
export async function verifyPostproxyKey(
  apiKey: string,
  options: { baseUrl?: string; timeoutMs?: number } = {},
): Promise<void> {
  const baseUrl = options.baseUrl ?? getEnv().POSTPROXY_BASE_URL;
  const timeoutMs = options.timeoutMs ?? keyCheckTimeoutMs;
  const host = new URL(baseUrl).host;
  const client = createPostproxyClient({ baseUrl, apiKey, timeoutMs, maxRetries: 0 });
  try {
    await client.profiles.list();
  } catch (error) {
    const message = describeKeyCheckFailure(error, host, timeoutMs);
    throw new AppError(
      isPostproxyError(error) && error.kind === "unauthorized" ? "invalid_input" : "upstream",
      message,
      {
        apiKey: [message],
      },
    );
  }
}

/** The host the app talks to, shown next to the key field so owners know where keys are checked. */
export function postproxyHost(): string {
  return new URL(getEnv().POSTPROXY_BASE_URL).host;
}

/** A client for the workspace's own key; the key stays inside the client's closure. */
export async function getWorkspacePostproxy(ctx: WorkspaceCtx) {
  const apiKey = await getApiKey(ctx);
  if (!apiKey) return null;
  const env = getEnv();
  return createPostproxyClient({
    baseUrl: env.POSTPROXY_BASE_URL,
    apiKey,
    timeoutMs: env.POSTPROXY_TIMEOUT_MS,
  });
}

export async function callPostproxy<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isPostproxyError(error)) throw toAppError(error);
    throw error;
  }
}
