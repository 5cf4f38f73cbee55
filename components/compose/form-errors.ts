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

function hasServerError(node: unknown): boolean {
  if (!node || typeof node !== "object") return false;
  if ((node as { type?: unknown }).type === "server") return true;
  return Object.entries(node).some(([key, child]) => key !== "ref" && hasServerError(child));
}

/**
 * The top-level fields holding errors the form's own rules made. Rules tie fields together (the
 * disclosure toggle and its boxes, privacy and Branded content, the time and its zone), so after
 * any change these are checked again and a message whose cause is gone clears at once. Errors the
 * server set stay until their own field changes: only the server knows their cause.
 */
export function staleErrorRoots(errors: FieldErrors<FieldValues>): string[] {
  return Object.entries(errors).flatMap(([key, node]) =>
    key === "root" || !node || hasServerError(node) ? [] : [key],
  );
}
