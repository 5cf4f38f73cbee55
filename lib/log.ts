import { randomUUID } from "node:crypto";

/** Error logging with an id the user can quote; never pass secrets in `fields`. */
export function logError(
  scope: string,
  error: unknown,
  fields: Record<string, unknown> = {},
): string {
  const id = randomUUID().slice(0, 8);
  const err =
    error instanceof Error
      ? { name: error.name, message: error.message, stack: error.stack }
      : { error };
  console.error(JSON.stringify({ level: "error", scope, id, ...fields, ...err }));
  return id;
}
