// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { signInSchema, signUpSchema } from "./auth";
import { controlCharactersMessage, text } from "./text";
import {
  acceptInviteSchema,
  apiKeySchema,
  createWorkspaceSchema,
  workspaceSettingsSchema,
} from "./workspace";

const ws = "7b0b7a9e-0c1e-4b5e-9a55-3f3b7f0f2a11";

// Every schema with free text, with a valid input; each of its text fields gets a control character.
const cases: [string, z.ZodType, Record<string, string>, string[]][] = [
  [
    "signUpSchema",
    signUpSchema,
    { name: "Ana", email: "ana@agency.com", password: "long enough pw", inviteToken: "abc" },
    ["name", "email", "password", "inviteToken"],
  ],
  [
    "signInSchema",
    signInSchema,
    { email: "ana@agency.com", password: "pw" },
    ["email", "password"],
  ],
  [
    "workspaceSettingsSchema",
    workspaceSettingsSchema,
    { workspaceId: ws, name: "Acme", timezone: "UTC", tiktokAuditStatus: "unknown" },
    ["name", "timezone"],
  ],
  ["apiKeySchema", apiKeySchema, { workspaceId: ws, apiKey: "pp_live_abcdef12" }, ["apiKey"]],
  ["createWorkspaceSchema", createWorkspaceSchema, { name: "Acme" }, ["name"]],
  ["acceptInviteSchema", acceptInviteSchema, { token: "abcdef" }, ["token"]],
];

describe("control characters in text fields", () => {
  for (const [name, schema, valid, fields] of cases) {
    it(`${name} accepts its valid input`, () => {
      expect(schema.safeParse(valid).success).toBe(true);
    });
    for (const field of fields) {
      it.each(["\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\n"])(
        `${name}.${field} refuses %j with a field error`,
        (char) => {
          const result = schema.safeParse({ ...valid, [field]: `a${char}b${valid[field]}` });
          expect(result.success).toBe(false);
          const messages = result
            .error!.issues.filter((i) => i.path.join(".") === field)
            .map((i) => i.message);
          expect(messages).toEqual([controlCharactersMessage]);
        },
      );
    }
  }

  it("the sign-up timezone, filled in by the browser, refuses NUL too", () => {
    const result = signUpSchema.safeParse({
      name: "Ana",
      email: "ana@agency.com",
      password: "long enough pw",
      timezone: "Europe/Paris\u0000",
    });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["timezone", controlCharactersMessage],
    ]);
  });

  it("multi-line text keeps tabs and line breaks but not other controls", () => {
    const body = text({ multiline: true });
    expect(body.safeParse("line one\r\nline two\tend").success).toBe(true);
    expect(body.safeParse("bad\u0000").success).toBe(false);
    expect(body.safeParse("bad\u000b").success).toBe(false);
    expect(text().safeParse("single\nline").success).toBe(false);
  });
});
