import { createHash, createHmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import { describe, expect, it } from "vitest";
import { bucketBaseUrl, bucketOrigin, presignGetObject, type PresignConfig } from "./s3-presign";

/** node:crypto behind the interface the SDK's signer takes. */
type Data = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: Data) =>
  typeof d === "string"
    ? d
    : ArrayBuffer.isView(d)
      ? Buffer.from(d.buffer, d.byteOffset, d.byteLength)
      : Buffer.from(d);
class Sha256 {
  private hash;
  constructor(secret?: Data) {
    this.hash = secret ? createHmac("sha256", bytes(secret)) : createHash("sha256");
  }
  update(data: Data) {
    this.hash.update(bytes(data));
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
  reset() {}
}

const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
const signedAt = new Date("2026-12-04T05:00:00Z");

/** The AWS SDK's own signer on the same request: our synchronous presign must match it exactly. */
async function sdkPresign(config: PresignConfig, key: string, query: Record<string, string>) {
  const base = bucketBaseUrl(config);
  const signer = new SignatureV4({
    service: "s3",
    region: config.region,
    credentials,
    sha256: Sha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
  const path = `${base.pathname.replace(/\/+$/, "")}/${key
    .split("/")
    .map((s) => encodeURIComponent(s))
    .join("/")}`;
  const signed = await signer.presign(
    {
      method: "GET",
      protocol: base.protocol,
      hostname: base.hostname,
      port: base.port ? Number(base.port) : undefined,
      path,
      query,
      headers: { host: base.host, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
    },
    { signingDate: signedAt, expiresIn: 90_000, unsignableHeaders: new Set() },
  );
  return signed.query as Record<string, string>;
}

describe("S3 presigned links", () => {
  const cases: [string, PresignConfig][] = [
    [
      "AWS, virtual-hosted",
      { bucket: "postdeck-media", region: "eu-west-3", forcePathStyle: false, ...credentials },
    ],
    [
      "MinIO-style, path-style with a port",
      {
        bucket: "media",
        region: "us-east-1",
        publicUrl: "http://127.0.0.1:9000",
        forcePathStyle: true,
        ...credentials,
      },
    ],
  ];
  for (const [name, config] of cases) {
    it(`sign as the AWS SDK does (${name})`, async () => {
      const key = "0b7d9c1e-8a55-4c3e-9a53-0d1f8f5c2a10";
      const responseHeaders = {
        "response-content-type": "video/mp4",
        "response-content-disposition": "inline; filename*=UTF-8''clip (1).mp4",
      };
      const ours = new URL(
        presignGetObject(config, key, { signedAt, expiresIn: 90_000, responseHeaders }),
      );
      const sdk = await sdkPresign(config, key, responseHeaders);
      expect(ours.searchParams.get("X-Amz-Signature")).toBe(sdk["X-Amz-Signature"]);
      expect(ours.searchParams.get("X-Amz-Credential")).toBe(sdk["X-Amz-Credential"]);
      expect(ours.searchParams.get("response-content-type")).toBe("video/mp4");
      expect(ours.pathname.endsWith(`/${key}`)).toBe(true);
    });
  }

  it("name the bucket's origin for the CSP", () => {
    expect(bucketOrigin({ bucket: "b", region: "eu-west-3", forcePathStyle: false })).toBe(
      "https://b.s3.eu-west-3.amazonaws.com",
    );
    expect(
      bucketOrigin({
        bucket: "b",
        region: "auto",
        forcePathStyle: true,
        publicUrl: "https://cdn.example.com/s3/",
      }),
    ).toBe("https://cdn.example.com");
  });

  it("refuse a lifetime S3 would refuse", () => {
    const config = cases[0][1];
    expect(() => presignGetObject(config, "k", { signedAt, expiresIn: 8 * 24 * 3600 })).toThrow(
      /7 days/,
    );
  });
});
