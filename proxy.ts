import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { mediaOriginFrom } from "@/lib/media/server/s3-config";
import {
  apiContentSecurityPolicy,
  commonSecurityHeaders,
  pageContentSecurityPolicy,
} from "@/lib/security/headers";
import {
  hasSessionCookie,
  requestPathHeader,
  signInRedirectFor,
} from "@/lib/routing/sign-in-redirect";

/**
 * Security headers, with a fresh CSP nonce per page request, and a signed-out visitor of a deep
 * link sent to sign-in with the link as callbackUrl. Not a security boundary: every action, route
 * and data function authorizes on its own.
 */
export function proxy(request: NextRequest) {
  const env = getEnv();
  const headers = commonSecurityHeaders(env.isHttps);
  if (request.nextUrl.pathname.startsWith("/api/")) {
    const response = NextResponse.next();
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    response.headers.set("Content-Security-Policy", apiContentSecurityPolicy);
    return response;
  }
  // Page visits only: a server action POST must reach its action, which answers "unauthorized".
  const isPageVisit =
    (request.method === "GET" || request.method === "HEAD") && !request.headers.has("next-action");
  const signInTarget = isPageVisit
    ? signInRedirectFor(
        request.nextUrl.pathname,
        request.nextUrl.search,
        hasSessionCookie(request.cookies.getAll().map((c) => c.name)),
      )
    : null;
  if (signInTarget) {
    const response = NextResponse.redirect(new URL(signInTarget, request.url));
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = pageContentSecurityPolicy({
    nonce,
    isDev: env.NODE_ENV === "development",
    isHttps: env.isHttps,
    imageOrigins: [new URL(env.POSTPROXY_BASE_URL).origin],
    mediaOrigins: [mediaOriginFrom(env)].filter((o): o is string => o !== null),
  });
  // Next.js reads the nonce from the request's CSP header and adds it to its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-nonce", nonce);
  // Set here on every page request (so never a client's value): a page that finds the session
  // revoked or expired sends the visitor to sign-in with this destination.
  requestHeaders.set(requestPathHeader, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    // Everything but built assets, uploads and Postproxy's webhook deliveries: a proxy buffers
    // request bodies, resumable uploads stream large ones, and the receiver answers hundreds of
    // deliveries a second (their headers come from next.config.ts, like the assets').
    "/((?!_next/static|_next/image|favicon\\.ico|api/uploads|api/webhooks).*)",
  ],
};
