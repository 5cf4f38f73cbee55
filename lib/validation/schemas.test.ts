// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { describe, expect, it } from "vitest";
import { newPasswordSchema, signInSchema, signUpSchema } from "./auth";
import { isValidTimeZone } from "./timezones";
import {
  apiKeySchema,
  changeRoleSchema,
  createInviteSchema,
  workspaceSettingsSchema,
} from "./workspace";

const ws = "7b0b7a9e-0c1e-4b5e-9a55-3f3b7f0f2a11";

function errorsOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("signUpSchema", () => {
  it("accepts a valid sign-up, normalises the email and falls back to UTC", () => {
    const r = signUpSchema.parse({
      name: " Ana ",
      email: " Ana@Agency.COM ",
      password: "long enough pw",
      timezone: "Nowhere/Zone",
    });
    expect(r).toMatchObject({ name: "Ana", email: "ana@agency.com", timezone: "UTC" });
    expect(
      signUpSchema.parse({
        name: "A",
        email: "a@b.co",
        password: "0123456789",
        timezone: "Europe/Paris",
      }).timezone,
    ).toBe("Europe/Paris");
  });
  it("reports every bad field", () => {
    const r = signUpSchema.safeParse({ name: "", email: "not-an-email", password: "short" });
    expect(errorsOf(r)).toEqual({
      name: "Enter your name.",
      email: expect.stringContaining("valid email"),
      password: "Use at least 10 characters.",
    });
  });
});

describe("newPasswordSchema", () => {
  it("refuses a password of spaces or one padded to length with them", () => {
    for (const password of [" ".repeat(12), "   abc      "])
      expect(errorsOf(newPasswordSchema.safeParse(password))).toEqual({
        "": "Use at least 10 characters besides leading or trailing spaces.",
      });
    expect(newPasswordSchema.safeParse("two words with spaces").success).toBe(true);
  });
});

describe("signInSchema", () => {
  it("requires both fields", () => {
    expect(signInSchema.safeParse({ email: "a@b.co", password: "x" }).success).toBe(true);
    expect(Object.keys(errorsOf(signInSchema.safeParse({ email: "", password: "" })))).toEqual([
      "email",
      "password",
    ]);
  });
});

describe("workspaceSettingsSchema", () => {
  it("accepts valid settings", () => {
    expect(
      workspaceSettingsSchema.safeParse({
        workspaceId: ws,
        name: "Acme",
        timezone: "America/New_York",
        tiktokAuditStatus: "unaudited",
      }).success,
    ).toBe(true);
    expect(
      workspaceSettingsSchema.safeParse({
        workspaceId: ws,
        name: "Acme",
        timezone: "UTC",
        tiktokAuditStatus: "unknown",
      }).success,
    ).toBe(true);
  });
  it("rejects a bad id, empty name, unknown zone and audit status", () => {
    const r = workspaceSettingsSchema.safeParse({
      workspaceId: "1",
      name: " ",
      timezone: "Mars/Base",
      tiktokAuditStatus: "yes",
    });
    expect(Object.keys(errorsOf(r)).sort()).toEqual([
      "name",
      "tiktokAuditStatus",
      "timezone",
      "workspaceId",
    ]);
    expect(
      workspaceSettingsSchema.safeParse({
        workspaceId: ws,
        name: "x".repeat(81),
        timezone: "UTC",
        tiktokAuditStatus: "unknown",
      }).success,
    ).toBe(false);
  });
});

describe("isValidTimeZone", () => {
  it.each(["UTC", "Europe/Paris", "America/Argentina/Buenos_Aires", "Etc/GMT+5"])(
    "accepts %s",
    (z) => expect(isValidTimeZone(z)).toBe(true),
  );
  it.each(["", "Paris", "Mars/Olympus", "../etc/passwd", "Europe/Paris; drop"])("rejects %s", (z) =>
    expect(isValidTimeZone(z)).toBe(false),
  );
});

describe("apiKeySchema", () => {
  it("trims and accepts a plausible key", () => {
    expect(apiKeySchema.parse({ workspaceId: ws, apiKey: "  pp_live_abcdef12  " }).apiKey).toBe(
      "pp_live_abcdef12",
    );
  });
  it.each([
    ["", "Paste your Postproxy API key."],
    ["short", "That is too short to be a Postproxy API key."],
    ["has a space", "An API key has no spaces in it."],
    ["x".repeat(256), "That is too long to be a Postproxy API key."],
  ])("rejects %j", (apiKey, message) => {
    expect(errorsOf(apiKeySchema.safeParse({ workspaceId: ws, apiKey })).apiKey).toBe(message);
  });
});

describe("member schemas", () => {
  it("only invite editors or viewers", () => {
    expect(createInviteSchema.safeParse({ workspaceId: ws, role: "viewer" }).success).toBe(true);
    expect(createInviteSchema.safeParse({ workspaceId: ws, role: "owner" }).success).toBe(false);
  });
  it("validate role changes", () => {
    expect(
      changeRoleSchema.safeParse({ workspaceId: ws, membershipId: ws, role: "owner" }).success,
    ).toBe(true);
    expect(
      Object.keys(
        errorsOf(changeRoleSchema.safeParse({ workspaceId: ws, membershipId: "x", role: "admin" })),
      ).sort(),
    ).toEqual(["membershipId", "role"]);
  });
});
