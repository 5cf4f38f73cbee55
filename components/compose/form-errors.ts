import { get, type FieldErrors, type FieldValues } from "react-hook-form";

/** The message react-hook-form holds at a dotted path ("schedule.at", "media.0"), if any. */
export function errorAt(errors: FieldErrors<FieldValues>, path: string): string | undefined {
  const found = get(errors, path) as { message?: unknown } | undefined;
  return typeof found?.message === "string" && found.message ? found.message : undefined;
}

/** Errors at `path.<index>` for each index (media cards, profiles), as MediaField takes them. */
export function errorsByIndex(
  errors: FieldErrors<FieldValues>,
  path: string,
  count: number,
): Record<number, string> {
  const byIndex: Record<number, string> = {};
  for (let i = 0; i < count; i += 1) {
    const message = errorAt(errors, `${path}.${i}`);
    if (message) byIndex[i] = message;
  }
  return byIndex;
}

/**
 * A server result's field errors keyed by dotted zod paths, as react-hook-form's setError calls:
 * the first message of each path. "_form" and empty lists are left for the form's alert.
 */
export function toServerFieldErrors(
  fieldErrors: Record<string, string[]> | undefined,
): { path: string; message: string }[] {
  return Object.entries(fieldErrors ?? {})
    .filter(([path, messages]) => !["_form", ""].includes(path) && messages.length > 0)
    .map(([path, messages]) => ({ path, message: messages.join(" ") }));
}
