import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";

/** Long enough for Postproxy to fetch a 4 GB video, short enough that a leaked link dies soon. */
export const signedUrlTtlSeconds = 4 * 60 * 60;

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
 * A link Postproxy can fetch a file from without a session, valid for a few hours; null when
 * PUBLIC_BASE_URL is unset (then the composer streams the file to Postproxy as multipart instead).
 */
export function signedMediaUrl(mediaId: string, now = Date.now()): string | null {
  const base = getEnv().PUBLIC_BASE_URL;
  if (!base) return null;
  const expires = Math.floor(now / 1000) + signedUrlTtlSeconds;
  const url = new URL(`/api/media/${mediaId}`, base);
  url.searchParams.set("expires", String(expires));
  url.searchParams.set("signature", signer().sign(mediaId, expires));
  return url.toString();
}

export function verifyMediaSignature(
  mediaId: string,
  expires: string | null,
  signature: string | null,
): boolean {
  return signer().verify(mediaId, expires, signature);
}
