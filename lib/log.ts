import "server-only";
import { randomUUID } from "node:crypto";

type ErrorSummary = {
  name: string;
  code?: string;
  message?: string;
  stack?: string;
  cause?: ErrorSummary;
  [detail: string]: unknown;
};

const sqlState = /^[0-9A-Z]{5}$/;
// Safe to log for a database error: where it happened, never the values involved.
const dbDetails = ["severity", "constraint", "constraint_name", "table", "table_name", "column"];

const redactions: [RegExp, string][] = [
  [/\$argon2[a-z]*\$[^\s"'\\]*/gi, "[password-hash]"],
  [/[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi, "[email]"],
  [/\b(Bearer|Basic)\s+[^\s"'\\]+/gi, "$1 [redacted]"],
];

/** Belt and braces: whatever slips into a log line, hashes, emails and credentials do not. */
export function redact(text: string): string {
  return redactions.reduce(
    (out, [pattern, replacement]) => out.replace(pattern, replacement),
    text,
  );
}

function isQueryError(error: Error): boolean {
  return "params" in error || "query" in error || error.message.startsWith("Failed query");
}

function isDatabaseError(error: Error & { code?: unknown }): boolean {
  return typeof error.code === "string" && sqlState.test(error.code);
}

// A query error's message and the first lines of its stack repeat the query's parameters.
const framesOnly = (stack: string | undefined) =>
  stack
    ?.split("\n")
    .filter((line) => /^\s+at /.test(line))
    .join("\n");

/**
 * What is logged of an error. Database errors (drizzle's "Failed query … params: …", driver errors
 * with a SQLSTATE) are reduced to their class, code and constraint: their messages carry the
 * values of the query (password hashes, emails, user text).
 */
export function summarizeError(error: unknown, depth = 0): ErrorSummary {
  if (!(error instanceof Error)) return { name: typeof error };
  const e = error as Error & { code?: unknown; cause?: unknown } & Record<string, unknown>;
  // drizzle's query errors keep the default name; their class says more.
  const summary: ErrorSummary = { name: e.name === "Error" ? e.constructor.name : e.name };
  if (typeof e.code === "string") summary.code = e.code;
  if (isQueryError(e) || isDatabaseError(e)) {
    for (const key of dbDetails) if (typeof e[key] === "string") summary[key] = e[key];
    summary.stack = framesOnly(e.stack);
  } else {
    summary.message = redact(e.message).slice(0, 500);
    summary.stack = e.stack ? redact(e.stack) : undefined;
  }
  if (e.cause !== undefined && depth < 3) summary.cause = summarizeError(e.cause, depth + 1);
  return summary;
}

function involvesDatabase(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  return isQueryError(error) || isDatabaseError(error) || involvesDatabase(error.cause, depth + 1);
}

/** What reaches the console of anything logged: database errors summarized, text redacted. */
export function sanitizeLogArgument(arg: unknown): unknown {
  if (typeof arg === "string") return redact(arg);
  if (involvesDatabase(arg)) return JSON.stringify(summarizeError(arg));
  return arg;
}

let consoleGuarded = false;

/**
 * Next.js itself logs errors thrown while rendering pages and route handlers with console.error;
 * at start-up the console is guarded so those lines lose query parameters, hashes and emails too.
 */
export function guardConsole() {
  if (consoleGuarded) return;
  consoleGuarded = true;
  for (const level of ["error", "warn"] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => original(...args.map(sanitizeLogArgument));
  }
}

/** Error logging with an id the user can quote; never pass secrets in `fields`. */
export function logError(
  scope: string,
  error: unknown,
  fields: Record<string, unknown> = {},
): string {
  const id = randomUUID().slice(0, 8);
  const line = JSON.stringify({ level: "error", scope, id, ...fields, ...summarizeError(error) });
  console.error(redact(line));
  return id;
}
