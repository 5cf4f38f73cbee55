/** Thrown anywhere in a request; the app's error handler turns it into the documented body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.error === "string" ? body.error : `HTTP ${status}`);
  }
}

export const unauthorized = () => new ApiError(401, { error: "Invalid API key" });

export const notFound = () => new ApiError(404, { error: "Not found" });

export const badRequest = (message: string) =>
  new ApiError(400, { status: 400, error: "Bad Request", message });

export const unprocessable = (errors: string[]) => new ApiError(422, { errors });

export const conflict = (error: string, extra: Record<string, unknown> = {}) =>
  new ApiError(409, { error, ...extra });

export const missingParam = (name: string) =>
  badRequest(`param is missing or the value is empty: ${name}`);
