import "server-only";

interface CspOptions {
  nonce: string;
  isDev: boolean;
  isHttps: boolean;
  /** Origins images may come from besides the app (the Postproxy host serves avatars). */
  imageOrigins?: string[];
  /** Where the browser reads uploaded media (the S3 bucket, through presigned links). */
  mediaOrigins?: string[];
}

/**
 * The pages' Content-Security-Policy: scripts only with this response's nonce (Next.js reads it
 * from the request's CSP header and puts it on its own scripts), 'strict-dynamic' for the chunks
 * those load. Styles allow 'unsafe-inline' on purpose: React, Radix and toasts set inline style
 * attributes, and a nonce in style-src would turn 'unsafe-inline' off; injected CSS cannot run
 * code. 'unsafe-eval' only in development, where React's dev tooling needs it.
 */
export function pageContentSecurityPolicy({
  nonce,
  isDev,
  isHttps,
  imageOrigins = [],
  mediaOrigins = [],
}: CspOptions) {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src ${["'self'", "blob:", "data:", "https:", ...imageOrigins, ...mediaOrigins].join(" ")}`,
    "font-src 'self'",
    "connect-src 'self'",
    `media-src ${["'self'", "blob:", ...mediaOrigins].join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isHttps ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Route handlers answer JSON or redirects: nothing in them may load, run or be framed. */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/** Headers every response carries besides the CSP (next.config.ts sets the same for assets). */
export function commonSecurityHeaders(isHttps: boolean): Record<string, string> {
  return {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    ...(isHttps ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
