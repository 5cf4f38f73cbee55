import { describe, expect, it } from "vitest";
import type { Env } from "@/lib/env";
import { pageContentSecurityPolicy } from "@/lib/security/headers";
import { mediaOriginFrom } from "./s3-config";

const env = (vars: Partial<Env>) => ({ S3_FORCE_PATH_STYLE: false, ...vars }) as Env;
const directive = (csp: string, name: string) =>
  csp.split("; ").find((d) => d.startsWith(`${name} `)) ?? "";

describe("where browsers read media from", () => {
  it("is the bucket's public origin when media are presigned from S3", () => {
    const origin = mediaOriginFrom(
      env({
        S3_BUCKET: "media",
        S3_ENDPOINT: "http://10.0.0.5:9000",
        S3_PUBLIC_URL: "https://files.example.com",
        S3_FORCE_PATH_STYLE: true,
        S3_ACCESS_KEY_ID: "AKID",
        S3_SECRET_ACCESS_KEY: "secret",
      }),
    );
    expect(origin).toBe("https://files.example.com");
    const csp = pageContentSecurityPolicy({
      nonce: "n",
      isDev: false,
      isHttps: true,
      mediaOrigins: [origin!],
    });
    expect(directive(csp, "media-src")).toBe("media-src 'self' blob: https://files.example.com");
    expect(directive(csp, "img-src")).toContain("https://files.example.com");
    expect(directive(csp, "connect-src")).toBe("connect-src 'self'");
  });

  it("is AWS's virtual-hosted address without an endpoint", () => {
    expect(
      mediaOriginFrom(
        env({
          S3_BUCKET: "b",
          S3_REGION: "eu-west-3",
          S3_ACCESS_KEY_ID: "k",
          S3_SECRET_ACCESS_KEY: "s",
        }),
      ),
    ).toBe("https://b.s3.eu-west-3.amazonaws.com");
  });

  it("is the app itself on disk, or in S3 without static keys (the app streams the bytes)", () => {
    expect(mediaOriginFrom(env({}))).toBeNull();
    expect(mediaOriginFrom(env({ S3_BUCKET: "b" }))).toBeNull();
    const csp = pageContentSecurityPolicy({ nonce: "n", isDev: false, isHttps: true });
    expect(directive(csp, "media-src")).toBe("media-src 'self' blob:");
  });
});
