import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files at run time; bundling it breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "mediainfo.js", "sharp"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
