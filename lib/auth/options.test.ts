import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { setTestEnv } from "@/lib/test/env";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
  vi.resetModules();
});

async function optionsFor(url: string) {
  setTestEnv({ NEXTAUTH_URL: url });
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
