import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./encryption";

const key = randomBytes(32);

describe("encryptSecret / decryptSecret", () => {
  it("round-trips and never contains the plaintext", () => {
    const secret = "pp_live_abcdef123456";
    const sealed = encryptSecret(secret, key, "ws-1");
    expect(sealed).not.toContain(secret);
    expect(decryptSecret(sealed, key, "ws-1")).toBe(secret);
  });

  it("uses a fresh nonce each time", () => {
    expect(encryptSecret("same", key)).not.toBe(encryptSecret("same", key));
  });

  it("refuses a tampered ciphertext", () => {
    const sealed = encryptSecret("pp_live_abcdef123456", key);
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3], "base64url");
    body[0] ^= 0x01;
    parts[3] = body.toString("base64url");
    expect(() => decryptSecret(parts.join("."), key)).toThrow();
  });

  it("refuses a tampered tag, a wrong key and a different context", () => {
    const sealed = encryptSecret("secret-value", key, "ws-1");
    const parts = sealed.split(".");
    const tag = Buffer.from(parts[2], "base64url");
    tag[3] ^= 0xff;
    expect(() =>
      decryptSecret(
        [parts[0], parts[1], tag.toString("base64url"), parts[3]].join("."),
        key,
        "ws-1",
      ),
    ).toThrow();
    expect(() => decryptSecret(sealed, randomBytes(32), "ws-1")).toThrow();
    expect(() => decryptSecret(sealed, key, "ws-2")).toThrow();
  });

  it("refuses garbage", () => {
    expect(() => decryptSecret("not-a-payload", key)).toThrow("Unrecognised");
  });
});
