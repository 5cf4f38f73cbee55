import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { setTestEnv } from "@/lib/test/env";
import { getEnv } from "@/lib/env";
import { createMediaSigner, signedMediaUrl } from "./signed-url";

const id = "0b6f1c1e-3a53-4c1e-9d8e-2f5a7b9c1d23";
const saved = { ...process.env };

afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

describe("signed media links", () => {
  it("are only made when PUBLIC_BASE_URL is set", () => {
    setTestEnv({ PUBLIC_BASE_URL: "" });
    expect(signedMediaUrl(id)).toBeNull();
  });

  it("point at the media route, outlive Postproxy's 24 h idempotency window and verify", () => {
    setTestEnv({ PUBLIC_BASE_URL: "https://postdeck.example.com" });
    const now = Date.UTC(2026, 0, 1);
    const url = new URL(signedMediaUrl(id, now)!);
    expect(url.origin + url.pathname).toBe(`https://postdeck.example.com/api/media/${id}`);
    const expires = url.searchParams.get("expires");
    expect(Number(expires)).toBe(now / 1000 + 25 * 3600);
    // The media route's signer (routes.ts) is made from the same secret.
    const appSigner = createMediaSigner(getEnv().NEXTAUTH_SECRET);
    expect(appSigner.verify(id, expires, url.searchParams.get("signature"), now)).toBe(true);
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

  it("go straight to the bucket when media are in S3 with keys, without PUBLIC_BASE_URL", () => {
    setTestEnv({
      PUBLIC_BASE_URL: "",
      S3_BUCKET: "media",
      S3_ENDPOINT: "http://10.0.0.5:9000",
      S3_PUBLIC_URL: "https://files.example.com",
      S3_FORCE_PATH_STYLE: "true",
      S3_ACCESS_KEY_ID: "AKID",
      S3_SECRET_ACCESS_KEY: "secret",
    });
    const now = Date.UTC(2026, 0, 1);
    const url = new URL(signedMediaUrl(id, now)!);
    expect(url.origin + url.pathname).toBe(`https://files.example.com/media/${id}`);
    expect(url.searchParams.get("X-Amz-Date")).toBe("20260101T000000Z");
    expect(Number(url.searchParams.get("X-Amz-Expires"))).toBeGreaterThan(24 * 3600);
    expect(url.searchParams.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("fall back to the app's link when S3 credentials come from the SDK's chain", () => {
    setTestEnv({ S3_BUCKET: "media", PUBLIC_BASE_URL: "https://postdeck.example.com" });
    expect(new URL(signedMediaUrl(id)!).origin).toBe("https://postdeck.example.com");
  });
});
