import { randomBytes } from "node:crypto";
import path from "node:path";

/**
 * The environment every bench gives `next build` / `next start`: a production build on plain http
 * over loopback (hence ALLOW_INSECURE_HTTP), its own PGlite and media folders, fresh secrets. One
 * place, so a bench run from a fresh clone needs nothing but `npm run bench`.
 */
export function benchAppEnv(dir: string, extra: Record<string, string> = {}) {
  return {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    DATA_DIR: dir,
    PGLITE_DIR: path.join(dir, "pglite"),
    MEDIA_DIR: path.join(dir, "media"),
    DATABASE_URL: "",
    ALLOW_INSECURE_HTTP: "true",
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    APP_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    ...extra,
  };
}
