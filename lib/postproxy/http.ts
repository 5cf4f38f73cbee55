import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { PostproxyError, kindForStatus } from "./errors";
import { MultipartFileError, type MultipartBody } from "./multipart";
import { parseRetryAfter, retryDelay, type RetryPolicy } from "./retry";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";
export type QueryValue = string | number | boolean | Date | undefined;

export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call (per attempt). */
  timeoutMs?: number;
  /** Overrides the client's profile group for this call. */
  profileGroupId?: string;
}

export interface WriteOptions extends CallOptions {
  /** Reused on every retry of this call; one is generated when not given. */
  idempotencyKey?: string;
}

export interface RequestSpec<T> extends WriteOptions {
  method: HttpMethod;
  path: string;
  query?: Record<string, QueryValue>;
  json?: unknown;
  multipart?: MultipartBody;
  schema: z.ZodType<T>;
}

export interface HttpConfig {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  userAgent: string;
  fetch: typeof globalThis.fetch;
  retry: RetryPolicy;
  profileGroupId?: string;
}

export type Requester = <T>(spec: RequestSpec<T>) => Promise<T>;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Postproxy's own words: `errors[]` (422), else `message` (400), else `error`. */
export function errorMessages(body: unknown): string[] {
  if (!body || typeof body !== "object") return [];
  const { errors, message, error } = body as Record<string, unknown>;
  if (Array.isArray(errors)) {
    const texts = errors.filter((e): e is string => typeof e === "string" && e !== "");
    if (texts.length > 0) return texts;
  }
  if (typeof message === "string" && message !== "") return [message];
  if (typeof error === "string" && error !== "") return [error];
  return [];
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
}

function networkReason(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error && cause.message) return cause.message;
  if (cause && typeof cause === "object" && "code" in cause) return String(cause.code);
  return error instanceof Error ? error.message : String(error);
}

export function createRequester(config: HttpConfig): Requester {
  const baseUrl = config.baseUrl.replace(/\/+$/, "");
  const host = new URL(baseUrl).host;
  // The key stays in this closure: errors and the client object never carry it.
  const redact = (text: string) =>
    config.apiKey ? text.split(config.apiKey).join("[redacted]") : text;

  function buildUrl(spec: RequestSpec<unknown>): string {
    const params = new URLSearchParams();
    const query: Record<string, QueryValue> = {
      ...spec.query,
      profile_group_id: spec.profileGroupId ?? config.profileGroupId,
    };
    for (const [name, value] of Object.entries(query)) {
      if (value instanceof Date) params.set(name, value.toISOString());
      else if (value !== undefined) params.set(name, String(value));
    }
    const search = params.toString();
    return `${baseUrl}${spec.path}${search ? `?${search}` : ""}`;
  }

  async function attempt<T>(spec: RequestSpec<T>, idempotencyKey: string | undefined): Promise<T> {
    const endpoint = `${spec.method} ${spec.path}`;
    const timeoutMs = spec.timeoutMs ?? config.timeoutMs;
    const controller = new AbortController();
    let isTimedOut = false;
    let timer: NodeJS.Timeout | undefined;
    // An idle timer: upload progress restarts it, so a large file is not cut off mid-stream.
    const armTimer = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        isTimedOut = true;
        controller.abort();
      }, timeoutMs);
    };
    const signal = spec.signal
      ? AbortSignal.any([spec.signal, controller.signal])
      : controller.signal;
    const headers: Record<string, string> = {
      Authorization: `Bearer ${config.apiKey}`,
      Accept: "application/json",
      "User-Agent": config.userAgent,
    };
    if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
    let body: BodyInit | undefined;
    if (spec.multipart) {
      headers["Content-Type"] = spec.multipart.contentType;
      headers["Content-Length"] = String(spec.multipart.contentLength);
      body = spec.multipart.open(armTimer);
    } else if (spec.json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(spec.json);
    }

    let response: Response;
    let text: string;
    armTimer();
    try {
      response = await config.fetch(buildUrl(spec), {
        method: spec.method,
        headers,
        body,
        signal,
        ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
      } as RequestInit);
      text = await response.text();
    } catch (error) {
      if (spec.signal?.aborted) throw spec.signal.reason;
      if (error instanceof Error && error.cause instanceof MultipartFileError) throw error.cause;
      if (isTimedOut) {
        throw new PostproxyError({
          kind: "timeout",
          message: `Postproxy did not answer within ${timeoutMs / 1000} s (${endpoint})`,
          endpoint,
          host,
          timeoutMs,
        });
      }
      throw new PostproxyError({
        kind: "network",
        message: redact(`Could not reach Postproxy at ${host}: ${networkReason(error)}`),
        endpoint,
        host,
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }

    const requestId = response.headers.get("x-request-id") ?? undefined;
    if (response.ok) {
      const parsed = parseJson(text);
      const result = parsed.ok ? spec.schema.safeParse(parsed.value) : undefined;
      if (result?.success) return result.data;
      const why = result ? describeIssues(result.error) : "the body is not JSON";
      throw new PostproxyError({
        kind: "invalid_response",
        message: redact(`Unexpected response from Postproxy to ${endpoint}: ${why}`),
        endpoint,
        host,
        status: response.status,
        requestId,
      });
    }
    // Error bodies end up in logs: strip the key in case a proxy echoes the request back.
    const parsed = parseJson(redact(text));
    const messages = parsed.ok ? errorMessages(parsed.value) : [];
    const summary = messages.join("; ") || response.statusText || "no details";
    throw new PostproxyError({
      kind: kindForStatus(response.status),
      message: `Postproxy answered ${response.status} to ${endpoint}: ${summary}`,
      endpoint,
      host,
      status: response.status,
      requestId,
      messages,
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
      body: parsed.ok ? parsed.value : undefined,
    });
  }

  return async function request<T>(spec: RequestSpec<T>): Promise<T> {
    const isWrite = spec.method !== "GET";
    const idempotencyKey = isWrite ? (spec.idempotencyKey ?? randomUUID()) : undefined;
    // A write may only be repeated under an Idempotency-Key: Postproxy then replays the first
    // success instead of posting twice. Reads are always safe to repeat.
    const isRetryable = !isWrite || idempotencyKey !== undefined;
    let hadUnansweredAttempt = false;
    for (let attemptIndex = 0; ; attemptIndex++) {
      try {
        return await attempt(spec, idempotencyKey);
      } catch (error) {
        if (!(error instanceof PostproxyError) || !isRetryable) throw error;
        const delay = retryDelay(error, attemptIndex, config.retry, hadUnansweredAttempt);
        if (delay === null) throw error;
        if (error.kind === "network" || error.kind === "timeout") hadUnansweredAttempt = true;
        await sleep(delay, spec.signal);
      }
    }
  };
}
