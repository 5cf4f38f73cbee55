import "server-only";
import { AppError } from "@/lib/errors";
import { logError } from "@/lib/log";

export const postproxyErrorKinds = [
  "unauthorized",
  "forbidden",
  "not_found",
  "bad_request",
  "validation",
  "conflict",
  "rate_limited",
  "server",
  "network",
  "timeout",
  "invalid_response",
] as const;
export type PostproxyErrorKind = (typeof postproxyErrorKinds)[number];

export interface PostproxyErrorInit {
  kind: PostproxyErrorKind;
  message: string;
  /** "POST /api/posts": method and path, never the query string or headers. */
  endpoint: string;
  host: string;
  status?: number;
  requestId?: string;
  messages?: string[];
  retryAfterMs?: number;
  timeoutMs?: number;
  /** A multipart body reached Postproxy in full before the failure (no answer came back). */
  isBodySent?: boolean;
  body?: unknown;
  cause?: unknown;
}

/**
 * A failed Postproxy call. It never holds the API key: the request core keeps the key in a
 * closure and only method, path and host reach this object.
 */
export class PostproxyError extends Error {
  readonly kind: PostproxyErrorKind;
  readonly endpoint: string;
  readonly host: string;
  readonly status?: number;
  readonly requestId?: string;
  /** Postproxy's own messages (422 `errors[]`, or `error`/`message`), verbatim. */
  readonly messages: string[];
  readonly retryAfterMs?: number;
  readonly timeoutMs?: number;
  readonly isBodySent: boolean;
  readonly body?: unknown;

  constructor(init: PostproxyErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "PostproxyError";
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    this.host = init.host;
    this.status = init.status;
    this.requestId = init.requestId;
    this.messages = init.messages ?? [];
    this.retryAfterMs = init.retryAfterMs;
    this.timeoutMs = init.timeoutMs;
    this.isBodySent = init.isBodySent ?? false;
    this.body = init.body;
  }

  toJSON() {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      endpoint: this.endpoint,
      status: this.status,
      requestId: this.requestId,
      messages: this.messages,
      retryAfterMs: this.retryAfterMs,
    };
  }
}

export function isPostproxyError(error: unknown): error is PostproxyError {
  return error instanceof PostproxyError;
}

export function kindForStatus(status: number): PostproxyErrorKind {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 422) return "validation";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server";
  return "bad_request";
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/**
 * Maps a Postproxy failure to the app's error codes, in words a user can act on. The message never
 * names a host or a network reason (those go to the log under `errorId`, quoted to the user).
 */
export function toAppError(error: PostproxyError, errorId?: string): AppError {
  const detail = error.messages.join("; ");
  const ref = errorId ? ` (error ${errorId})` : "";
  switch (error.kind) {
    case "unauthorized":
      return new AppError(
        "upstream",
        "Postproxy rejected the API key (401). Check the key in Settings.",
      );
    case "forbidden":
      return new AppError(
        "upstream",
        `Postproxy refused this request for the API key in Settings (403)${detail ? `: ${detail}` : "."}`,
      );
    case "not_found":
      return new AppError(
        "not_found",
        "Postproxy could not find this item; it may have been deleted.",
      );
    case "bad_request":
    case "validation":
      return new AppError(
        "invalid_input",
        detail || `Postproxy refused the request (${error.status}).`,
      );
    case "conflict":
      return new AppError(
        "conflict",
        detail || "Postproxy is still handling the same request. Try again in a moment.",
      );
    case "rate_limited":
      return new AppError(
        "rate_limited",
        error.retryAfterMs === undefined
          ? "Postproxy is limiting requests. Try again shortly."
          : `Postproxy is limiting requests. Try again in ${seconds(error.retryAfterMs)}.`,
      );
    case "server":
      return new AppError(
        "upstream",
        `Postproxy had an internal error (${error.status}). Try again shortly.${ref}`,
      );
    case "timeout":
    case "network": {
      const what =
        error.kind === "timeout"
          ? `did not answer within ${seconds(error.timeoutMs ?? 0)}`
          : "could not be reached";
      if (error.isBodySent) {
        return new AppError(
          "upstream",
          `Postproxy received the upload but ${what} afterwards. Check Posts before sending it again.${ref}`,
        );
      }
      return new AppError("upstream", `Postproxy ${what}. Try again shortly.${ref}`);
    }
    case "invalid_response":
      return new AppError(
        "upstream",
        `Postproxy sent a response Postdeck could not read (${error.endpoint}).${ref}`,
      );
  }
}

const loggedKinds = new Set<PostproxyErrorKind>([
  "network",
  "timeout",
  "server",
  "invalid_response",
]);

/**
 * Runs a Postproxy call and rethrows its failure as an AppError, for createAction to return or a
 * page to show. Failures the user cannot fix are logged in full with an id the message quotes.
 */
export async function withAppErrors<T>(call: () => Promise<T>, scope = "postproxy"): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!isPostproxyError(error)) throw error;
    const errorId = loggedKinds.has(error.kind)
      ? logError(scope, error, { kind: error.kind, endpoint: error.endpoint, host: error.host })
      : undefined;
    throw toAppError(error, errorId);
  }
}
