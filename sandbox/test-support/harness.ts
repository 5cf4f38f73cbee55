import path from "node:path";
import { fileURLToPath } from "node:url";
import { startSandbox, type SandboxHandle } from "../server";
import type { SandboxOptions } from "../config";

export const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../e2e/fixtures/media",
);

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

/** Test responses are read field by field; one loose alias beats a cast on every line. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface ApiResponse<T = Loose> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  json?: unknown;
  form?: FormData;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  key?: string | null;
  signal?: AbortSignal;
}

/** A started sandbox plus small helpers for its HTTP API and admin switches. */
export class TestSandbox {
  constructor(readonly handle: SandboxHandle) {}

  static async start(options: SandboxOptions = {}): Promise<TestSandbox> {
    return new TestSandbox(await startSandbox({ port: 0, timeScale: 1, ...options }));
  }

  get url(): string {
    return this.handle.url;
  }

  async request<T = Loose>(
    method: string,
    pathname: string,
    options: RequestOptions = {},
  ): Promise<ApiResponse<T>> {
    const url = new URL(pathname, this.url);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, v);
    }
    const headers: Record<string, string> = { ...options.headers };
    const key = options.key === undefined ? this.handle.apiKey : options.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    let body: string | FormData | undefined;
    if (options.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.json);
    } else if (options.form) {
      body = options.form;
    }
    const response = await fetch(url, { method, headers, body, signal: options.signal });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Non-JSON (HTML pages) stays text.
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  get<T = Loose>(pathname: string, options?: RequestOptions) {
    return this.request<T>("GET", pathname, options);
  }

  post<T = Loose>(pathname: string, json?: unknown, options: RequestOptions = {}) {
    return this.request<T>("POST", pathname, { ...options, json });
  }

  patch<T = Loose>(pathname: string, json?: unknown, options: RequestOptions = {}) {
    return this.request<T>("PATCH", pathname, { ...options, json });
  }

  delete<T = Loose>(pathname: string, options?: RequestOptions) {
    return this.request<T>("DELETE", pathname, options);
  }

  async advance(seconds: number): Promise<void> {
    const res = await this.post("/__sandbox/clock/advance", { seconds }, { key: null });
    if (res.status !== 200) throw new Error(`advance failed: ${res.status}`);
  }

  /** The sandbox clock (it runs ahead of real time once a test advanced it). */
  async now(): Promise<number> {
    const res = await this.get("/__sandbox/state", { key: null });
    return Date.parse(res.body.now);
  }

  async inMinutes(minutes: number): Promise<string> {
    return new Date((await this.now()) + minutes * 60_000).toISOString();
  }

  async faults(input: Record<string, unknown>): Promise<void> {
    const res = await this.post("/__sandbox/faults", input, { key: null });
    if (res.status !== 200) throw new Error(`faults failed: ${JSON.stringify(res.body)}`);
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  { timeoutMs = 10_000, intervalMs = 25, what = "condition" } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
