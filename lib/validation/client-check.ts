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

export function safeCallbackUrl(value: string | null | undefined, fallback = "/"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//")) return fallback;
  return value;
}
