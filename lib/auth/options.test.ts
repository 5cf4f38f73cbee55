import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "@/lib/env";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
  vi.resetModules();
});

async function optionsFor(url: string) {
  Object.assign(process.env, {
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: "s".repeat(40),
    APP_ENCRYPTION_KEY: "a".repeat(64),
  });
  resetEnvForTests();
  vi.resetModules();
  const { getAuthOptions } = await import("./options");
  return getAuthOptions();
}

describe("session cookies", () => {
  it("are Secure whenever the public URL is https", async () => {
    expect((await optionsFor("https://postdeck.example.com")).useSecureCookies).toBe(true);
    expect((await optionsFor("http://localhost:3000")).useSecureCookies).toBe(false);
  });
});
