/** The page a request is for, as proxy.ts hands it to server components. */
export const requestPathHeader = "x-postdeck-path";

/** Pages anyone may open; every other page needs a session. */
const publicPrefixes = ["/sign-in", "/sign-up", "/invite/", "/forgot-password", "/reset-password/"];

/** next-auth v4 session cookie names (plain and https), possibly split into numbered chunks. */
export function hasSessionCookie(cookieNames: string[]): boolean {
  return cookieNames.some((name) => /^(__Secure-)?next-auth\.session-token(\.\d+)?$/.test(name));
}

/**
 * Where a signed-out visitor of `pathname` is sent: the sign-in page carrying the destination, so
 * they land where they meant to go (sign-in passes it through safeCallbackUrl). Null: let it pass.
 */
export function signInRedirectFor(
  pathname: string,
  search: string,
  isSignedIn: boolean,
): string | null {
  if (isSignedIn || pathname.startsWith("/_next/") || /\.[a-z0-9]+$/i.test(pathname)) return null;
  if (publicPrefixes.some((p) => pathname === p.replace(/\/$/, "") || pathname.startsWith(p)))
    return null;
  if (pathname === "/") return "/sign-in";
  return `/sign-in?callbackUrl=${encodeURIComponent(`${pathname}${search}`)}`;
}
