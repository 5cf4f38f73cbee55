import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const version = "v1";

/** AES-256-GCM with a random 96-bit nonce; output is `v1.<nonce>.<tag>.<ciphertext>` in base64url. */
export function encryptSecret(plaintext: string, key: Buffer, context = ""): string {
  if (key.length !== 32) throw new Error("Encryption key must be 32 bytes");
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  // The context (e.g. the workspace id) is bound as associated data so a ciphertext copied to
  // another row does not decrypt there.
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [version, nonce, tag, ciphertext]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

export function decryptSecret(payload: string, key: Buffer, context = ""): string {
  const [v, nonce, tag, ciphertext] = payload.split(".");
  if (v !== version || !nonce || !tag || ciphertext === undefined) {
    throw new Error("Unrecognised encrypted value");
  }
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(nonce, "base64url"));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([
    decipher.update(Buffer.from(ciphertext, "base64url")),
    decipher.final(),
  ]).toString("utf8");
}

/** Associated data for a workspace's Postproxy key: the ciphertext only opens for that workspace. */
export function postproxyKeyContext(workspaceId: string) {
  return `workspace:${workspaceId}:postproxy`;
}

/**
 * Which API key sent a post, without keeping the key: a short SHA-256 prefix (the key is long and
 * random, so the prefix reveals nothing usable).
 */
export function apiKeyFingerprint(apiKey: string): string {
  return createHash("sha256").update(`postdeck-key:${apiKey}`).digest("hex").slice(0, 16);
}
