import type { z } from "zod";
import type { FieldErrors } from "@/lib/errors";

/** Runs a shared schema in the browser and returns field errors in the ActionResult shape. */
export function checkForm(schema: z.ZodType, form: HTMLFormElement | FormData): FieldErrors | null {
  const data = form instanceof FormData ? form : new FormData(form);
  const parsed = schema.safeParse(Object.fromEntries(data.entries()));
  if (parsed.success) return null;
  const out: FieldErrors = {};
  for (const issue of parsed.error.issues)
    (out[issue.path.join(".") || "_form"] ??= []).push(issue.message);
  return out;
}

// Any origin works: only "is the result still on it" matters, and this one can never be real.
const probeOrigin = "http://postdeck.invalid";
const unsafe = /[\\\u0000-\u001F\u007F-\u009F]/;

function hasUnsafeCharacters(value: string): boolean {
  if (unsafe.test(value)) return true;
  try {
    return unsafe.test(decodeURIComponent(value));
  } catch {
    return true;
  }
}

/**
 * A redirect target after sign-in: a path on this app, or the fallback. Browsers read "/\\host" and
 * "/\t/host" as "//host" (another site), so the value is resolved the way a browser would and must
 * stay on the same origin; backslashes and control characters are refused raw or percent-encoded.
 */
export function safeCallbackUrl(value: string | null | undefined, fallback = "/"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//")) return fallback;
  if (hasUnsafeCharacters(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, probeOrigin);
  } catch {
    return fallback;
  }
  if (url.origin !== probeOrigin) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
