import "server-only";
import { createHash, createHmac } from "node:crypto";

export type PresignConfig = {
  bucket: string;
  region: string;
  /** Where browsers and Postproxy reach the bucket (S3_PUBLIC_URL, else S3_ENDPOINT, else AWS). */
  publicUrl?: string;
  forcePathStyle: boolean;
  accessKeyId: string;
  secretAccessKey: string;
};

/** RFC 3986 encoding as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
const encode = (s: string) =>
  encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

const hmac = (key: Buffer | string, data: string) =>
  createHmac("sha256", key).update(data).digest();

/** The bucket's public base: path-style `<endpoint>/<bucket>`, else `<bucket>.<host>`. */
export function bucketBaseUrl(config: Omit<PresignConfig, "accessKeyId" | "secretAccessKey">) {
  const endpoint = new URL(config.publicUrl ?? `https://s3.${config.region}.amazonaws.com`);
  const base = endpoint.pathname.replace(/\/+$/, "");
  if (config.forcePathStyle) return new URL(`${base}/${encode(config.bucket)}`, endpoint.origin);
  return new URL(`${endpoint.protocol}//${config.bucket}.${endpoint.host}${base}`);
}

/** The origin the browser loads bucket objects from (for the CSP). */
export function bucketOrigin(config: Omit<PresignConfig, "accessKeyId" | "secretAccessKey">) {
  return bucketBaseUrl(config).origin;
}

/**
 * An AWS Signature V4 presigned GET for one object, computed synchronously (the SDK's presigner is
 * async and pulls in another package): query-string auth over the host header, UNSIGNED-PAYLOAD.
 * `signedAt` and `expiresIn` (seconds, at most 7 days) fix the URL, so the same inputs give the same
 * link and a browser can cache what it fetched through it.
 */
export function presignGetObject(
  config: PresignConfig,
  key: string,
  options: { signedAt: Date; expiresIn: number; responseHeaders?: Record<string, string> },
): string {
  if (options.expiresIn < 1 || options.expiresIn > 7 * 24 * 3600)
    throw new Error("S3 presigned links last from 1 second to 7 days");
  const base = bucketBaseUrl(config);
  const path = `${base.pathname.replace(/\/+$/, "")}/${key.split("/").map(encode).join("/")}`;
  const amzDate = options.signedAt
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${config.region}/s3/aws4_request`;
  const params: [string, string][] = [
    ["X-Amz-Algorithm", "AWS4-HMAC-SHA256"],
    ["X-Amz-Credential", `${config.accessKeyId}/${scope}`],
    ["X-Amz-Date", amzDate],
    ["X-Amz-Expires", String(options.expiresIn)],
    ["X-Amz-SignedHeaders", "host"],
    // As the SDK's presigner hoists it: the body of a GET is not signed.
    ["x-amz-content-sha256", "UNSIGNED-PAYLOAD"],
    ...Object.entries(options.responseHeaders ?? {}),
  ];
  const query = params
    .map(([k, v]) => [encode(k), encode(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const canonicalRequest = [
    "GET",
    path,
    query,
    `host:${base.host}\n`,
    "host",
    "UNSIGNED-PAYLOAD",
  ].join("\n");
  const stringToSign = [
    "AWS4-HMAC-SHA256",
    amzDate,
    scope,
    createHash("sha256").update(canonicalRequest).digest("hex"),
  ].join("\n");
  let signingKey = hmac(`AWS4${config.secretAccessKey}`, day);
  for (const part of [config.region, "s3", "aws4_request"]) signingKey = hmac(signingKey, part);
  const signature = createHmac("sha256", signingKey).update(stringToSign).digest("hex");
  return `${base.origin}${path}?${query}&X-Amz-Signature=${signature}`;
}
