import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv as parse } from "./env";

const parseEnv = (env: Record<string, string>) => parse(env as NodeJS.ProcessEnv);

const production = {
  NODE_ENV: "production",
  NEXTAUTH_SECRET: "s".repeat(40),
  APP_ENCRYPTION_KEY: "ab".repeat(32),
};

describe("parseEnv", () => {
  it("stops production start-up naming each missing secret", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(
      /NEXTAUTH_SECRET, APP_ENCRYPTION_KEY/,
    );
    expect(() => parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "s".repeat(40) })).toThrow(
      /APP_ENCRYPTION_KEY/,
    );
  });

  it("generates development secrets once into the data folder", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "postdeck-env-"));
    const first = parseEnv({ NODE_ENV: "development", DATA_DIR: dir });
    const second = parseEnv({ NODE_ENV: "development", DATA_DIR: dir });
    expect(first.APP_ENCRYPTION_KEY).toBe(second.APP_ENCRYPTION_KEY);
    expect(first.encryptionKey).toHaveLength(32);
    expect(JSON.parse(readFileSync(path.join(dir, "secrets.json"), "utf8")).NEXTAUTH_SECRET).toBe(
      first.NEXTAUTH_SECRET,
    );
  });

  it("rejects malformed values with the variable's name", () => {
    expect(() =>
      parseEnv({
        NODE_ENV: "production",
        NEXTAUTH_SECRET: "s".repeat(40),
        APP_ENCRYPTION_KEY: "too-short",
      }),
    ).toThrow(/APP_ENCRYPTION_KEY/);
    expect(() => parseEnv({ POSTPROXY_BASE_URL: "not a url" })).toThrow(/POSTPROXY_BASE_URL/);
  });

  it("defaults Postproxy to the real API and PGlite into the data folder", () => {
    const env = parseEnv({ ...production, NEXTAUTH_URL: "https://postdeck.example.com" });
    expect(env.POSTPROXY_BASE_URL).toBe("https://api.postproxy.dev");
    expect(env.pgliteDir).toBe(path.join(".data", "pglite"));
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("refuses a plain-http public URL in production unless explicitly allowed", () => {
    expect(() => parseEnv(production)).toThrow(/NEXTAUTH_URL/);
    expect(() => parseEnv({ ...production, NEXTAUTH_URL: "http://postdeck.example.com" })).toThrow(
      /must be https:\/\/ in production.*ALLOW_INSECURE_HTTP=true/s,
    );
    expect(() => parseEnv({ ...production, NEXTAUTH_URL: "http://localhost:3000" })).toThrow(
      /must be https/,
    );
    const local = parseEnv({
      ...production,
      NEXTAUTH_URL: "http://localhost:3000",
      ALLOW_INSECURE_HTTP: "true",
    });
    expect(local.isHttps).toBe(false);
    expect(parseEnv({ ...production, NEXTAUTH_URL: "https://p.example.com" }).isHttps).toBe(true);
    expect(() =>
      parseEnv({ ...production, NEXTAUTH_URL: "http://x.example", ALLOW_INSECURE_HTTP: "maybe" }),
    ).toThrow(/ALLOW_INSECURE_HTTP/);
  });
});
