import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { createMediaSigner, signedMediaUrl, verifyMediaSignature } from "./signed-url";

const id = "0b6f1c1e-3a53-4c1e-9d8e-2f5a7b9c1d23";
const saved = { ...process.env };

afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

function useEnv(vars: Record<string, string>) {
  Object.assign(process.env, {
    NEXTAUTH_SECRET: "s".repeat(40),
    APP_ENCRYPTION_KEY: "a".repeat(64),
    ...vars,
  });
  resetEnvForTests();
}

describe("signed media links", () => {
  it("are only made when PUBLIC_BASE_URL is set", () => {
    useEnv({ PUBLIC_BASE_URL: "" });
    expect(signedMediaUrl(id)).toBeNull();
  });

  it("point at the media route, expire in 4 hours and verify", () => {
    useEnv({ PUBLIC_BASE_URL: "https://postdeck.example.com" });
    const now = Date.UTC(2026, 0, 1);
    const url = new URL(signedMediaUrl(id, now)!);
    expect(url.origin + url.pathname).toBe(`https://postdeck.example.com/api/media/${id}`);
    const expires = url.searchParams.get("expires");
    expect(Number(expires)).toBe(now / 1000 + 4 * 3600);
    expect(verifyMediaSignature(id, expires, url.searchParams.get("signature"))).toBe(
      Number(expires) * 1000 > Date.now(),
    );
    const signer = createMediaSigner("s".repeat(40));
    const future = Math.floor(Date.now() / 1000) + 60;
    const sig = signer.sign(id, future);
    expect(signer.verify(id, String(future), sig)).toBe(true);
    expect(signer.verify(id, String(future + 1), sig)).toBe(false);
    expect(signer.verify(id.replace("0b", "0c"), String(future), sig)).toBe(false);
    expect(signer.verify(id, String(future), null)).toBe(false);
    expect(
      signer.verify(
        id,
        String(Math.floor(Date.now() / 1000) - 1),
        signer.sign(id, Math.floor(Date.now() / 1000) - 1),
      ),
    ).toBe(false);
  });
});
