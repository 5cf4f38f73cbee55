import { describe, expect, it } from "vitest";
import { hasSessionCookie, signInRedirectFor } from "./sign-in-redirect";

describe("signInRedirectFor", () => {
  it("keeps a signed-out visitor's destination, query included", () => {
    expect(signInRedirectFor("/profiles", "", false)).toBe("/sign-in?callbackUrl=%2Fprofiles");
    expect(signInRedirectFor("/settings/members", "?x=1", false)).toBe(
      "/sign-in?callbackUrl=%2Fsettings%2Fmembers%3Fx%3D1",
    );
    expect(signInRedirectFor("/", "", false)).toBe("/sign-in");
  });
  it("lets public pages and signed-in visitors through", () => {
    for (const path of [
      "/sign-in",
      "/sign-up",
      "/invite/abc",
      "/forgot-password",
      "/reset-password/t",
    ])
      expect(signInRedirectFor(path, "", false)).toBeNull();
    expect(signInRedirectFor("/profiles", "", true)).toBeNull();
    expect(signInRedirectFor("/icon.svg", "", false)).toBeNull();
    expect(signInRedirectFor("/robots.txt", "", false)).toBeNull();
  });
  it("recognises next-auth's session cookie in its plain, secure and chunked forms", () => {
    expect(hasSessionCookie(["next-auth.session-token"])).toBe(true);
    expect(hasSessionCookie(["__Secure-next-auth.session-token.0"])).toBe(true);
    expect(hasSessionCookie(["next-auth.csrf-token", "next-auth.callback-url"])).toBe(false);
  });
});
