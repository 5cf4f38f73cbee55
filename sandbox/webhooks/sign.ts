import { createHmac } from "node:crypto";

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256>` keyed with the whole secret, "whsec_" included,
 * over `t + "." + body` — what the SDKs' verifySignature recomputes.
 */
export function signatureHeader(secret: string, body: string, timestampSec: number): string {
  const v1 = createHmac("sha256", secret).update(`${timestampSec}.${body}`).digest("hex");
  return `t=${timestampSec},v1=${v1}`;
}
