import { z } from "zod";
import { DEFAULT_API_KEY, DEFAULT_PORT, DEFAULT_TIME_SCALE } from "./config";
import { startSandbox } from "./server";

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no"])
  .transform((v) => v === "1" || v === "true" || v === "yes");
const list = z.string().transform((v) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
);

const envSchema = z.object({
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65_535).default(DEFAULT_PORT),
  SANDBOX_HOST: z.string().min(1).default("127.0.0.1"),
  SANDBOX_API_KEY: z.string().min(1).default(DEFAULT_API_KEY),
  SANDBOX_TIME_SCALE: z.coerce.number().positive().default(DEFAULT_TIME_SCALE),
  SANDBOX_STATE_FILE: z.string().min(1).optional(),
  SANDBOX_SEED: flag.default(true),
  SANDBOX_LOG: flag.default(true),
  SANDBOX_PUBLIC_URL: z.url().optional(),
  SANDBOX_WEBHOOK_ENVELOPE: z.enum(["object", "flat"]).default("object"),
  SANDBOX_ALLOW_HTTP_WEBHOOKS: flag.default(false),
  SANDBOX_LATENCY_MS: z.coerce.number().int().min(0).default(0),
  SANDBOX_ERROR_RATE: z.coerce.number().min(0).max(1).default(0),
  SANDBOX_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().optional(),
  SANDBOX_HANG_PATHS: list.optional(),
  SANDBOX_UNAUDITED_PROFILES: list.optional(),
});

async function main(): Promise<void> {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      console.error(`${issue.path.join(".")}: ${issue.message}`);
    process.exit(1);
  }
  const env = parsed.data;
  const sandbox = await startSandbox({
    port: env.SANDBOX_PORT,
    hostname: env.SANDBOX_HOST,
    apiKey: env.SANDBOX_API_KEY,
    timeScale: env.SANDBOX_TIME_SCALE,
    stateFile: env.SANDBOX_STATE_FILE,
    seed: env.SANDBOX_SEED,
    log: env.SANDBOX_LOG,
    publicUrl: env.SANDBOX_PUBLIC_URL,
    webhookEnvelope: env.SANDBOX_WEBHOOK_ENVELOPE,
    allowHttpWebhooks: env.SANDBOX_ALLOW_HTTP_WEBHOOKS,
    faults: {
      latencyMs: env.SANDBOX_LATENCY_MS,
      errorRate: env.SANDBOX_ERROR_RATE,
      rateLimitPerMinute: env.SANDBOX_RATE_LIMIT_PER_MINUTE ?? null,
      hangPaths: env.SANDBOX_HANG_PATHS ?? [],
      unauditedProfileIds: env.SANDBOX_UNAUDITED_PROFILES ?? [],
    },
  });
  console.log(`Postproxy sandbox listening on ${sandbox.url}`);
  console.log(`  POSTPROXY_BASE_URL=${sandbox.url}`);
  console.log(`  API key: ${sandbox.apiKey}`);
  console.log(`  Switches: ${sandbox.url}/__sandbox`);
  if (env.SANDBOX_STATE_FILE) console.log(`  State file: ${env.SANDBOX_STATE_FILE}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: shutting down…`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

void main();
