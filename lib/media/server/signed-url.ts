import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";
import { presignGetObject } from "./s3-presign";
import { presignConfigOf, s3ConfigFrom } from "./s3-config";

/**
 * Longer than Postproxy keeps an Idempotency-Key (24 h), so a request replayed under its key to the
 * end of that window still carries links that work; short enough that a leaked link dies within a day.
 */
export const signedUrlTtlSeconds = 25 * 60 * 60;

function keyFrom(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "postdeck", "media-url-v1", 32));
}

function sign(key: Buffer, mediaId: string, expires: number): string {
  return createHmac("sha256", key).update(`${mediaId}.${expires}`).digest("base64url");
}

export function createMediaSigner(secret: string) {
  const key = keyFrom(secret);
  return {
    sign(mediaId: string, expires: number) {
      return sign(key, mediaId, expires);
    },
    verify(mediaId: string, expires: string | null, signature: string | null, now = Date.now()) {
      if (!expires || !signature || !/^\d{1,12}$/.test(expires)) return false;
      if (Number(expires) * 1000 < now) return false;
      const expected = Buffer.from(sign(key, mediaId, Number(expires)));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}

const signer = () => createMediaSigner(getEnv().NEXTAUTH_SECRET);

/**
 * A link Postproxy can fetch a file from without a session, valid for signedUrlTtlSeconds:
 * - media in S3 with static keys: a presigned link to the bucket (Postproxy never touches an app
 *   server, and no PUBLIC_BASE_URL is needed);
 * - otherwise, with PUBLIC_BASE_URL: the app's own link, HMAC-signed, streamed from the store;
 * - otherwise null (the composer streams the file to Postproxy as multipart instead).
 */
export function signedMediaUrl(mediaId: string, now = Date.now()): string | null {
  const env = getEnv();
  const presign = presignConfigOf(s3ConfigFrom(env));
  if (presign)
    return presignGetObject(presign, mediaId, {
      signedAt: new Date(Math.floor(now / 1000) * 1000),
      expiresIn: signedUrlTtlSeconds,
    });
  const base = env.PUBLIC_BASE_URL;
  if (!base) return null;
  const expires = Math.floor(now / 1000) + signedUrlTtlSeconds;
  const url = new URL(`/api/media/${mediaId}`, base);
  url.searchParams.set("expires", String(expires));
  url.searchParams.set("signature", signer().sign(mediaId, expires));
  return url.toString();
}
