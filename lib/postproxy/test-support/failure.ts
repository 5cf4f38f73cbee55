import { expect } from "vitest";
import { PostproxyError } from "../errors";

/** Awaits a call expected to fail and returns its PostproxyError (the test fails otherwise). */
export async function failure(promise: Promise<unknown>): Promise<PostproxyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PostproxyError);
  return error as PostproxyError;
}
