import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATA_DIR: z.string().default(".data"),
  DATABASE_URL: optionalString.pipe(
    z.url({ message: "DATABASE_URL must be a postgres:// URL" }).optional(),
  ),
  PGLITE_DIR: optionalString,
  NEXTAUTH_URL: optionalString.pipe(
    z
      .url({
        message: "NEXTAUTH_URL must be the app's public URL, e.g. https://postdeck.example.com",
      })
      .optional(),
  ),
  /** Lets production serve over plain http (the demo and the e2e tests on loopback). */
  ALLOW_INSECURE_HTTP: z.stringbool().default(false),
  NEXTAUTH_SECRET: optionalString.pipe(
    z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  ),
  APP_ENCRYPTION_KEY: optionalString.pipe(
    z
      .string()
      .refine((v) => decodeKey(v) !== null, {
        message: "APP_ENCRYPTION_KEY must be 32 bytes as 64 hex characters or base64",
      })
      .optional(),
  ),
  POSTPROXY_BASE_URL: z.url().default("https://api.postproxy.dev"),
  POSTPROXY_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  // Proxies (load balancers) in front of the app whose X-Forwarded-For entries are trusted.
  TRUSTED_PROXY_COUNT: z.coerce
    .number({ message: "TRUSTED_PROXY_COUNT must be a whole number from 0 to 10" })
    .int("TRUSTED_PROXY_COUNT must be a whole number from 0 to 10")
    .min(0, "TRUSTED_PROXY_COUNT must be a whole number from 0 to 10")
    .max(10, "TRUSTED_PROXY_COUNT must be a whole number from 0 to 10")
    .default(0),
  // Accounts created per client address per hour.
  SIGN_UP_LIMIT_PER_HOUR: z.coerce.number().int().positive().default(20),
  // Outgoing email (password reset links). Unset SMTP_HOST: no email; links go to the server console.
  SMTP_HOST: optionalString,
  SMTP_PORT: z.coerce.number().int().positive().default(587),
  SMTP_SECURE: z.stringbool().default(false),
  SMTP_USER: optionalString,
  SMTP_PASSWORD: optionalString,
  SMTP_FROM: z.string().trim().default("Postdeck <no-reply@postdeck.local>"),
  GITHUB_ID: optionalString,
  GITHUB_SECRET: optionalString,
  GOOGLE_CLIENT_ID: optionalString,
  GOOGLE_CLIENT_SECRET: optionalString,
  MEDIA_DIR: optionalString,
  S3_BUCKET: optionalString,
  S3_REGION: optionalString,
  S3_ENDPOINT: optionalString.pipe(z.url({ message: "S3_ENDPOINT must be a URL" }).optional()),
  S3_PUBLIC_URL: optionalString.pipe(
    z
      .url({ message: "S3_PUBLIC_URL must be the URL browsers and Postproxy reach S3 at" })
      .optional(),
  ),
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  S3_FORCE_PATH_STYLE: z
    .enum(["true", "false", ""])
    .default("")
    .transform((v) => v === "true"),
  FFMPEG_PATH: optionalString,
  PUBLIC_BASE_URL: optionalString.pipe(
    z.url({ message: "PUBLIC_BASE_URL must be the app's public URL (https://…)" }).optional(),
  ),
  /** Bearer token of POST /api/cron/sync; unset, the sync route refuses every call. */
  CRON_SECRET: optionalString.pipe(
    z.string().min(24, { message: "CRON_SECRET must be at least 24 characters" }).optional(),
  ),
});

export type Env = Omit<z.infer<typeof envSchema>, "NEXTAUTH_SECRET" | "APP_ENCRYPTION_KEY"> & {
  NEXTAUTH_SECRET: string;
  APP_ENCRYPTION_KEY: string;
  encryptionKey: Buffer;
  pgliteDir: string;
  /** The public URL is https: session cookies are Secure and responses carry HSTS. */
  isHttps: boolean;
  mediaDir: string;
};

export function decodeKey(value: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  const b64 = Buffer.from(value, "base64");
  return b64.length === 32 ? b64 : null;
}

const secretNames = ["NEXTAUTH_SECRET", "APP_ENCRYPTION_KEY"] as const;
type SecretName = (typeof secretNames)[number];

/**
 * Development convenience: secrets are generated once into DATA_DIR so a newcomer needs no set-up,
 * and stay stable across restarts (sessions and stored keys keep working).
 */
export function loadOrCreateLocalSecrets(dataDir: string): Record<SecretName, string> {
  const file = path.join(dataDir, "secrets.json");
  let stored: Partial<Record<SecretName, string>> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, "utf8"));
  let changed = false;
  for (const name of secretNames) {
    if (!stored[name]) {
      stored[name] = randomBytes(32).toString(name === "APP_ENCRYPTION_KEY" ? "hex" : "base64url");
      changed = true;
      console.warn(
        `[postdeck] ${name} was not set; generated one into ${file} (development only).`,
      );
    }
  }
  if (changed) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return stored as Record<SecretName, string>;
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const secrets: Partial<Record<SecretName, string>> = {
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET,
    APP_ENCRYPTION_KEY: env.APP_ENCRYPTION_KEY,
  };
  const missing = secretNames.filter((n) => !secrets[n]);
  if (missing.length > 0) {
    if (env.NODE_ENV === "production") {
      throw new Error(
        `Missing required environment variable${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}. ` +
          `Set ${missing.length > 1 ? "them" : "it"} before starting Postdeck in production (see .env.example).`,
      );
    }
    const local = loadOrCreateLocalSecrets(env.DATA_DIR);
    for (const n of missing) secrets[n] = local[n];
  }
  const isHttps = env.NEXTAUTH_URL?.startsWith("https://") ?? false;
  if (env.NODE_ENV === "production") {
    if (!env.NEXTAUTH_URL) {
      throw new Error(
        "Missing required environment variable: NEXTAUTH_URL (the app's public https:// URL).",
      );
    }
    // Over http the session cookie cannot be Secure and travels in clear text.
    if (!isHttps && !env.ALLOW_INSECURE_HTTP) {
      throw new Error(
        `NEXTAUTH_URL must be https:// in production (got ${env.NEXTAUTH_URL}). ` +
          "For a local run over plain http, set ALLOW_INSECURE_HTTP=true.",
      );
    }
  }
  return {
    ...env,
    isHttps,
    NEXTAUTH_SECRET: secrets.NEXTAUTH_SECRET!,
    APP_ENCRYPTION_KEY: secrets.APP_ENCRYPTION_KEY!,
    encryptionKey: decodeKey(secrets.APP_ENCRYPTION_KEY!)!,
    pgliteDir: env.PGLITE_DIR ?? path.join(env.DATA_DIR, "pglite"),
    mediaDir: env.MEDIA_DIR ?? path.join(env.DATA_DIR, "media"),
  };
}

let cached: Env | undefined;

/** Parsed lazily so `next build` can import modules without runtime secrets. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests only: forget the parsed environment after changing process.env. */
export function resetEnvForTests() {
  cached = undefined;
}
