import { NextResponse, type NextRequest } from "next/server";
import { hasSessionCookie, signInRedirectFor } from "@/lib/routing/sign-in-redirect";

/**
 * Convenience only, not a security boundary (pages and actions check the session themselves): a
 * signed-out visitor of a deep link goes to sign-in with the link as callbackUrl.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const signedIn = hasSessionCookie(request.cookies.getAll().map((c) => c.name));
  const target = signInRedirectFor(pathname, search, signedIn);
  return target ? NextResponse.redirect(new URL(target, request.url)) : NextResponse.next();
}

export const config = {
  // Pages only: never API routes (uploads must stream through untouched), assets or build files.
  matcher: ["/((?!api/|_next/|favicon.ico|icon.svg|.*\\.[a-z0-9]+$).*)"],
};
