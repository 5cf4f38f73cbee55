import "server-only";
import { createRequester } from "./http";
import { profileGroupsResource } from "./resources/profile-groups";
import { postsResource } from "./resources/posts";
import { profilesResource } from "./resources/profiles";
import { webhooksResource } from "./resources/webhooks";
import { defaultRetryPolicy, type RetryPolicy } from "./retry";

export const postproxyBaseUrl = "https://api.postproxy.dev";

export interface PostproxyClientOptions {
  /** https://api.postproxy.dev in production, the sandbox's URL locally. */
  baseUrl?: string;
  apiKey: string;
  /** Per attempt; during uploads it limits idle time, not the whole transfer. Default 15 s. */
  timeoutMs?: number;
  /**
   * Overall budget of one call: all attempts and the waits between them. Default 45 s. Multipart
   * uploads have none unless a call passes `deadlineMs` (the idle timeout bounds them).
   */
  deadlineMs?: number;
  /** Retries after the first attempt (network errors, timeouts, 5xx, 429). Default 3. */
  maxRetries?: number;
  /** Sent as profile_group_id on every request unless a call overrides it. */
  profileGroupId?: string;
  userAgent?: string;
  fetch?: typeof globalThis.fetch;
  /** Backoff tuning; tests shorten it. */
  retry?: Partial<Omit<RetryPolicy, "maxRetries">>;
}

export type PostproxyClient = ReturnType<typeof createPostproxyClient>;

export function createPostproxyClient(options: PostproxyClientOptions) {
  if (!options.apiKey) throw new Error("A Postproxy API key is required");
  const request = createRequester({
    baseUrl: options.baseUrl ?? postproxyBaseUrl,
    apiKey: options.apiKey,
    timeoutMs: options.timeoutMs ?? 15_000,
    deadlineMs: options.deadlineMs ?? 45_000,
    userAgent: options.userAgent ?? `postdeck (node/${process.versions.node})`,
    fetch: options.fetch ?? globalThis.fetch,
    retry: {
      ...defaultRetryPolicy,
      ...options.retry,
      maxRetries: options.maxRetries ?? defaultRetryPolicy.maxRetries,
    },
    profileGroupId: options.profileGroupId,
  });
  return {
    profileGroups: profileGroupsResource(request),
    profiles: profilesResource(request),
    posts: postsResource(request),
    webhooks: webhooksResource(request),
  };
}
