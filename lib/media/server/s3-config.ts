import "server-only";
import type { Env } from "@/lib/env";
import { bucketOrigin, type PresignConfig } from "./s3-presign";

export type S3Config = {
  bucket: string;
  region: string;
  endpoint?: string;
  /** Where browsers and Postproxy reach the bucket, when not at `endpoint`. */
  publicUrl?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
};

/** The bucket as the environment configures it; null without S3_BUCKET. */
export function s3ConfigFrom(env: Env): S3Config | null {
  if (!env.S3_BUCKET) return null;
  return {
    bucket: env.S3_BUCKET,
    region: env.S3_REGION ?? "us-east-1",
    endpoint: env.S3_ENDPOINT,
    publicUrl: env.S3_PUBLIC_URL,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  };
}

/** What presigning needs: static keys (links signed with the SDK's temporary ones die early). */
export function presignConfigOf(config: S3Config | null): PresignConfig | null {
  if (!config?.accessKeyId || !config.secretAccessKey) return null;
  return {
    bucket: config.bucket,
    region: config.region,
    publicUrl: config.publicUrl ?? config.endpoint,
    forcePathStyle: config.forcePathStyle,
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
  };
}

/** The origin browsers load media from besides the app (for the CSP); null when it is the app. */
export function mediaOriginFrom(env: Env): string | null {
  const presign = presignConfigOf(s3ConfigFrom(env));
  return presign ? bucketOrigin(presign) : null;
}
