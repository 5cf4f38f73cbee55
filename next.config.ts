import type { NextConfig } from "next";

// What every response carries, assets and uploads included; proxy.ts adds the CSP (with a nonce
// on pages) and HSTS where it runs. Kept in step with lib/security/headers.ts (which is
// server-only and so cannot be imported by this config file).
const baseHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  },
];

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files at run time; bundling it breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "mediainfo.js", "sharp"],
  poweredByHeader: false,
  typedRoutes: false,
  // The e2e server's build comes right after `npm test` ran `tsc --noEmit` on the same tree; other
  // builds keep Next's own type check.
  typescript: { ignoreBuildErrors: process.env.POSTDECK_BUILD_SKIP_TYPECHECK === "1" },
  async headers() {
    return [
      { source: "/:path*", headers: baseHeaders },
      {
        // Outside proxy.ts (which would buffer upload bodies): the API's strict policy here.
        source: "/api/uploads/:path*",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
        ],
      },
      {
        // Outside proxy.ts too (it would add its cost to every delivery): the same policy.
        source: "/api/webhooks/:path*",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
        ],
      },
    ];
  },
};

export default nextConfig;
