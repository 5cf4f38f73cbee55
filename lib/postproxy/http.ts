import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { PostproxyError } from "./errors";
import { MultipartFileError, type MultipartBody } from "./multipart";
import { readResponse } from "./response";
import { retryDelay, type RetryPolicy } from "./retry";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";
export type QueryValue = string | number | boolean | Date | undefined;

export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call (per attempt). */
  timeoutMs?: number;
  /**
   * Overrides the client's overall deadline: every attempt and every wait between attempts of
   * this call together. Pages pass a short one so they answer while Postproxy hangs.
   */
  deadlineMs?: number;
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
  /** Overall budget of a JSON call; multipart uploads have none unless the caller passes one. */
  deadlineMs: number;
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

function networkReason(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error && cause.message) return cause.message;
  if (cause && typeof cause === "object" && "code" in cause) return String(cause.code);
  return error instanceof Error ? error.message : String(error);
}

function buildQuery(query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value instanceof Date) params.set(name, value.toISOString());
    else if (value !== undefined) params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** An idle timer: re-arming it on upload progress keeps a large file from being cut off. */
function idleTimeout(ms: number) {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), ms);
  };
  return { signal: controller.signal, arm, clear: () => clearTimeout(timer) };
}

export function createRequester(config: HttpConfig): Requester {
  const baseUrl = config.baseUrl.replace(/\/+$/, "");
  const host = new URL(baseUrl).host;
  // The key stays in this closure: errors and the client object never carry it.
  const redact = (text: string) =>
    config.apiKey ? text.split(config.apiKey).join("[redacted]") : text;

  function buildInit(
    spec: RequestSpec<unknown>,
    idempotencyKey: string | undefined,
    onChunk: (isLast: boolean) => void,
  ) {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${config.apiKey}`,
      Accept: "application/json",
      "User-Agent": config.userAgent,
    };
    if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
    if (spec.multipart) {
      headers["Content-Type"] = spec.multipart.contentType;
      headers["Content-Length"] = String(spec.multipart.contentLength);
      // redirect "error": with any other mode undici tees the body to replay it after a
      // redirect and keeps every uploaded byte in memory (nodejs/undici#4058).
      const body = spec.multipart.open(onChunk);
      return {
        method: spec.method,
        headers,
        body,
        duplex: "half",
        redirect: "error",
      } as RequestInit;
    }
    const body = spec.json === undefined ? undefined : JSON.stringify(spec.json);
    if (body !== undefined) headers["Content-Type"] = "application/json";
    // "manual": a redirect surfaces as an error instead of re-sending the key elsewhere.
    return { method: spec.method, headers, body, redirect: "manual" } satisfies RequestInit;
  }

  async function attempt<T>(
    spec: RequestSpec<T>,
    idempotencyKey: string | undefined,
    deadline: Deadline,
    progress: { isBodySent: boolean },
  ): Promise<T> {
    const endpoint = `${spec.method} ${spec.path}`;
    const query = { ...spec.query, profile_group_id: spec.profileGroupId ?? config.profileGroupId };
    const timeoutMs = spec.timeoutMs ?? config.timeoutMs;
    const timeout = idleTimeout(timeoutMs);
    const signals = [timeout.signal, deadline.signal, spec.signal].filter((s) => s !== undefined);
    const signal = AbortSignal.any(signals);
    timeout.arm();
    progress.isBodySent = false;
    try {
      const init = buildInit(spec, idempotencyKey, (isLast) => {
        timeout.arm();
        if (isLast) progress.isBodySent = true;
      });
      const response = await config.fetch(`${baseUrl}${spec.path}${buildQuery(query)}`, {
        ...init,
        signal,
      });
      const text = await response.text();
      return readResponse(response, text, spec.schema, { endpoint, host, redact });
    } catch (error) {
      if (error instanceof PostproxyError) throw error;
      if (spec.signal?.aborted) throw spec.signal.reason;
      if (error instanceof Error && error.cause instanceof MultipartFileError) throw error.cause;
      if (deadline.signal.aborted && !timeout.signal.aborted) {
        throw new PostproxyError({
          kind: "timeout",
          message: `Postproxy did not answer within ${deadline.ms / 1000} s (${endpoint})`,
          endpoint,
          host,
          timeoutMs: deadline.ms,
          isBodySent: progress.isBodySent,
        });
      }
      if (timeout.signal.aborted) {
        throw new PostproxyError({
          kind: "timeout",
          message: `Postproxy did not answer within ${timeoutMs / 1000} s (${endpoint})`,
          endpoint,
          host,
          timeoutMs,
          isBodySent: progress.isBodySent,
        });
      }
      throw new PostproxyError({
        kind: "network",
        message: redact(`Could not reach Postproxy at ${host}: ${networkReason(error)}`),
        endpoint,
        host,
        cause: error,
        isBodySent: progress.isBodySent,
      });
    } finally {
      timeout.clear();
    }
  }

  return async function request<T>(spec: RequestSpec<T>): Promise<T> {
    const isWrite = spec.method !== "GET";
    const idempotencyKey = isWrite ? (spec.idempotencyKey ?? randomUUID()) : undefined;
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) {
      throw new RangeError("An Idempotency-Key is 1 to 255 visible ASCII characters");
    }
    // A write may only be repeated under an Idempotency-Key: Postproxy then replays the first
    // success instead of posting twice. Reads are always safe to repeat.
    const isRetryable = !isWrite || idempotencyKey !== undefined;
    // Uploads are limited by the idle timer (a large file may take minutes), not by a deadline.
    const deadline = startDeadline(
      spec.deadlineMs ?? (spec.multipart ? undefined : config.deadlineMs),
    );
    const progress = { isBodySent: false };
    let hadUnansweredAttempt = false;
    try {
      for (let attemptIndex = 0; ; attemptIndex++) {
        try {
          return await attempt(spec, idempotencyKey, deadline, progress);
        } catch (error) {
          if (!(error instanceof PostproxyError) || !isRetryable) throw error;
          if (deadline.signal.aborted) throw error;
          const isUnanswered = error.kind === "network" || error.kind === "timeout";
          // A multipart body that reached Postproxy in full and then got no answer is not sent
          // again: the retry would upload every byte once more only for Postproxy to replay (or
          // refuse as in flight) the same Idempotency-Key. The error says the upload was received
          // so the caller can look the post up, or resubmit with the same key, which stays safe.
          if (spec.multipart && isUnanswered && progress.isBodySent) throw error;
          const delay = retryDelay(error, attemptIndex, config.retry, hadUnansweredAttempt);
          if (delay === null || delay >= deadline.remaining()) throw error;
          if (isUnanswered) hadUnansweredAttempt = true;
          await sleep(delay, spec.signal);
        }
      }
    } finally {
      deadline.clear();
    }
  };
}

interface Deadline {
  ms: number;
  signal: AbortSignal;
  remaining(): number;
  clear(): void;
}

function startDeadline(ms: number | undefined): Deadline {
  const controller = new AbortController();
  if (ms === undefined) {
    return { ms: Infinity, signal: controller.signal, remaining: () => Infinity, clear() {} };
  }
  const endsAt = Date.now() + ms;
  const timer = setTimeout(() => controller.abort(), ms);
  return {
    ms,
    signal: controller.signal,
    remaining: () => endsAt - Date.now(),
    clear: () => clearTimeout(timer),
  };
}
