import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import {
  apiContentSecurityPolicy,
  commonSecurityHeaders,
  pageContentSecurityPolicy,
} from "@/lib/security/headers";

/**
 * Security headers, with a fresh CSP nonce per page request. Not a security boundary: every
 * action, route and data function authorizes on its own.
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
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = pageContentSecurityPolicy({
    nonce,
    isDev: env.NODE_ENV === "development",
    isHttps: env.isHttps,
    imageOrigins: [new URL(env.POSTPROXY_BASE_URL).origin],
  });
  // Next.js reads the nonce from the request's CSP header and adds it to its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    // Everything but built assets and uploads: a proxy buffers request bodies, and resumable
    // uploads stream large ones (their headers come from next.config.ts, like the assets').
    "/((?!_next/static|_next/image|favicon\\.ico|api/uploads).*)",
  ],
};
