import { describe, expect, it } from "vitest";
import { alertKinds, alertWebhookSchema, describeAlert, markAlertsReadSchema } from "./alerts";

describe("alert texts", () => {
  it("every kind names the post, the profile, who acts and a fix", () => {
    for (const kind of alertKinds) {
      const text = describeAlert({
        kind,
        profileName: "@acme",
        caption: "Spring menu\nsecond line",
        profileStatus: "expired",
      });
      expect(`${text.headline} ${text.detail}`).toContain("@acme");
      expect(text.headline).toContain("“Spring menu”");
      expect(text.whoActs.length).toBeGreaterThan(5);
      expect(text.fix.length).toBeGreaterThan(5);
    }
  });
  it("an empty caption is called an untitled post", () => {
    const text = describeAlert({ kind: "target_failed", profileName: "@a", caption: "  " });
    expect(text.headline).toBe("An untitled post failed on @a");
  });
});

describe("alert schemas", () => {
  it("mark read takes all, or 1–100 uuids", () => {
    expect(markAlertsReadSchema.safeParse({ all: true }).success).toBe(true);
    expect(
      markAlertsReadSchema.safeParse({ ids: ["0b5f1d1e-8f0e-4a43-9b7a-2f1f5a1e2b3c"] }).success,
    ).toBe(true);
    expect(markAlertsReadSchema.safeParse({ ids: ["nope"] }).success).toBe(false);
    expect(markAlertsReadSchema.safeParse({ ids: [] }).success).toBe(false);
    expect(markAlertsReadSchema.safeParse({ all: false }).success).toBe(false);
  });
  it("the webhook URL must be a web address (empty removes it)", () => {
    expect(alertWebhookSchema.safeParse({ url: "" }).success).toBe(true);
    expect(alertWebhookSchema.safeParse({ url: "https://hooks.slack.com/x" }).success).toBe(true);
    expect(alertWebhookSchema.safeParse({ url: "hooks.slack.com/x" }).success).toBe(false);
    expect(alertWebhookSchema.safeParse({ url: "ftp://example.com/x" }).success).toBe(false);
    expect(alertWebhookSchema.safeParse({ url: "javascript:alert(1)" }).success).toBe(false);
  });
});
