export const errorCodes = [
  "invalid_input",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "rate_limited",
  "upstream",
  "internal",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export type FieldErrors = Record<string, string[]>;

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: ErrorCode;
      message: string;
      fieldErrors?: FieldErrors;
      values?: Record<string, string>;
      /** Facts about the failure that are not field errors, e.g. the id of a draft kept. */
      meta?: Record<string, string>;
    };

/** An expected failure: carried to the caller as an ActionResult, never as a crash. */
export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly fieldErrors?: FieldErrors,
    public readonly meta?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
