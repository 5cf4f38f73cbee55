import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Opaque hashid-like ids, as Postproxy uses; the prefix only helps humans reading logs. */
export function newId(prefix = "", length = 12): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return prefix + out;
}

export function newSecret(): string {
  return `whsec_${randomBytes(24).toString("hex")}`;
}
