/** How often the post page asks for fresh statuses while a post is in flight. */
export const pollTimings = { fastMs: 3_000, slowMs: 10_000, slowAfterMs: 60_000 } as const;

/**
 * Every 3 s for the first minute (TikTok usually answers within it), then every 10 s; nothing once
 * every profile's status is final.
 */
export function pollIntervalMs(isFinal: boolean, elapsedMs: number): number | false {
  if (isFinal) return false;
  return elapsedMs < pollTimings.slowAfterMs ? pollTimings.fastMs : pollTimings.slowMs;
}

/** An HTTP failure of the status read; 401/403/404 are answers, not hiccups, so never retried. */
export class PostFetchError extends Error {
  constructor(
    public readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "PostFetchError";
  }
}

export function shouldRetryPostFetch(failureCount: number, error: unknown): boolean {
  if (error instanceof PostFetchError && [401, 403, 404].includes(error.status)) return false;
  return failureCount < 3;
}

/** What to tell the viewer when the status read fails. */
export function describePostFetchError(error: unknown): string {
  if (error instanceof PostFetchError) {
    if (error.status === 401) return "Your session ended. Sign in again to see the latest status.";
    if (error.status === 403 || error.status === 404)
      return "This post is no longer available to you. It may have been deleted.";
  }
  return "Couldn't refresh the status just now. Postdeck keeps trying; the statuses below may be a little old.";
}
