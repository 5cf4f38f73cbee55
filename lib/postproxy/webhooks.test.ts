import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseWebhookEvent, verifyWebhookSignature, WebhookEventError } from "./webhooks";

const secret = "whsec_test123";
const body = '{"event":"post.published","data":{"id":"post-1"}}';
const vector = "c8e99efbb07ac8e3152c02dd8d83e8ddb803ae8fb001d9e1ab42fb0b1f405ef2";
const at = new Date(1234567890 * 1000);

describe("verifyWebhookSignature", () => {
  it("accepts the SDK test vector", () => {
    expect(verifyWebhookSignature(body, `t=1234567890,v1=${vector}`, secret, { now: at })).toEqual({
      ok: true,
      timestamp: 1234567890,
    });
    expect(
      verifyWebhookSignature(Buffer.from(body), ` t=1234567890, v0=zz, v1=${vector}`, secret, {
        now: at.getTime() + 299_000,
      }).ok,
    ).toBe(true);
  });

  it("rejects a changed body, a wrong secret and a bad header", () => {
    const header = `t=1234567890,v1=${vector}`;
    const check = (b: string, h: string | null, s: string) =>
      verifyWebhookSignature(b, h, s, { now: at });
    expect(check(body + " ", header, secret)).toEqual({ ok: false, reason: "mismatch" });
    expect(check(body, header, "test123")).toEqual({ ok: false, reason: "mismatch" });
    expect(check(body, `t=1234567890,v1=${vector.toUpperCase()}`, secret).ok).toBe(false);
    expect(check(body, `t=1234567891,v1=${vector}`, secret).ok).toBe(false);
    expect(check(body, null, secret)).toEqual({ ok: false, reason: "missing" });
    expect(check(body, `v1=${vector}`, secret)).toEqual({ ok: false, reason: "malformed" });
    expect(check(body, "t=1234567890", secret)).toEqual({ ok: false, reason: "malformed" });
  });

  it("rejects a timestamp outside the tolerance", () => {
    const header = `t=1234567890,v1=${vector}`;
    const later = (s: number) => ({ now: at.getTime() + s * 1000 });
    expect(verifyWebhookSignature(body, header, secret, later(301))).toEqual({
      ok: false,
      reason: "stale",
    });
    expect(verifyWebhookSignature(body, header, secret, later(-301)).ok).toBe(false);
    expect(
      verifyWebhookSignature(body, header, secret, { ...later(3600), toleranceSeconds: 7200 }).ok,
    ).toBe(true);
  });

  it("signs with the whole secret including whsec_", () => {
    const t = "1700000000";
    const raw = '{"id":"evt_1"}';
    const v1 = createHmac("sha256", "whsec_abc").update(`${t}.${raw}`).digest("hex");
    const now = 1700000000 * 1000;
    expect(verifyWebhookSignature(raw, `t=${t},v1=${v1}`, "whsec_abc", { now }).ok).toBe(true);
    expect(verifyWebhookSignature(raw, `t=${t},v1=${v1}`, "abc", { now }).ok).toBe(false);
  });
});

const resource = {
  id: "pp_1",
  post_id: "post_1",
  platform: "tiktok",
  profile_id: "prof_1",
  profile_name: "Demo",
  status: "published",
  error: null,
  error_details: null,
  platform_id: "7312",
  brand_new: 1,
};

describe("parseWebhookEvent", () => {
  it("reads both envelopes to the same event", () => {
    const flat = {
      id: "evt_1",
      type: "platform_post.published",
      created_at: "2030-01-01T00:00:00Z",
      data: resource,
    };
    const wrapped = { ...flat, id: "evt_1", object: "event", data: { object: resource } };
    for (const json of [flat, wrapped]) {
      const event = parseWebhookEvent(json);
      expect(event).toMatchObject({
        id: "evt_1",
        type: "platform_post.published",
        createdAt: "2030-01-01T00:00:00Z",
      });
      if (event.type !== "platform_post.published") throw new Error("narrowing failed");
      expect(event.data.post_id).toBe("post_1");
      expect(event.data.platform_id).toBe("7312");
    }
  });

  it("keeps events of unknown types without failing", () => {
    const event = parseWebhookEvent({
      id: "evt_2",
      type: "comment.created",
      data: { object: { id: "c1" } },
    });
    expect(event).toEqual({
      id: "evt_2",
      createdAt: null,
      type: "unknown",
      originalType: "comment.created",
      data: { id: "c1" },
    });
  });

  it("rejects an event without id or with a malformed known payload", () => {
    expect(() => parseWebhookEvent({ type: "post.processed", data: {} })).toThrow(
      WebhookEventError,
    );
    expect(() =>
      parseWebhookEvent({ id: "evt_3", type: "media.failed", data: { object: { id: "m1" } } }),
    ).toThrow(/media.failed.*post_id/);
    expect(() => parseWebhookEvent("nope")).toThrow(WebhookEventError);
  });
});
