import "server-only";
import type { z } from "zod";
import { PostproxyError, kindForStatus } from "./errors";
import { parseRetryAfter } from "./retry";

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Postproxy's own words: `errors[]` (422), else `message` (400), else `error`. */
function errorMessages(body: unknown): string[] {
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

export interface ResponseContext {
  endpoint: string;
  host: string;
  /** Removes the API key from any text that could reach a log. */
  redact: (text: string) => string;
}

/** Turns a received response into checked data, or into a PostproxyError. */
export function readResponse<T>(
  response: Response,
  text: string,
  schema: z.ZodType<T>,
  { endpoint, host, redact }: ResponseContext,
): T {
  const requestId = response.headers.get("x-request-id") ?? undefined;
  const common = { endpoint, host, status: response.status, requestId };
  if (response.ok) {
    const parsed = parseJson(text);
    const result = parsed.ok ? schema.safeParse(parsed.value) : undefined;
    if (result?.success) return result.data;
    const why = result ? describeIssues(result.error) : "the body is not JSON";
    throw new PostproxyError({
      ...common,
      kind: "invalid_response",
      message: redact(`Unexpected response from Postproxy to ${endpoint}: ${why}`),
    });
  }
  // Error bodies end up in logs: strip the key in case a proxy echoes the request back.
  const parsed = parseJson(redact(text));
  const messages = parsed.ok ? errorMessages(parsed.value) : [];
  const summary = messages.join("; ") || response.statusText || "no details";
  throw new PostproxyError({
    ...common,
    kind: kindForStatus(response.status),
    message: `Postproxy answered ${response.status} to ${endpoint}: ${summary}`,
    messages,
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
    body: parsed.ok ? parsed.value : undefined,
  });
}
