import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./client-check";

describe("safeCallbackUrl", () => {
  it.each([
    ["/posts", "/posts"],
    ["/settings/members?tab=invites#top", "/settings/members?tab=invites#top"],
    ["/invite/abc123", "/invite/abc123"],
    ["/calendar?week=2030-01-07&profile=a%20b", "/calendar?week=2030-01-07&profile=a%20b"],
  ])("keeps the app path %j", (value, expected) => {
    expect(safeCallbackUrl(value)).toBe(expected);
  });

  it.each([
    // The forms from the review, as the page receives them (already percent-decoded once).
    ["/\\evil.example", "backslash"],
    ["/\t/evil.example", "tab between slashes"],
    ["//evil.example", "protocol-relative"],
    ["/\\/evil.example", "slash backslash slash"],
    ["\\\\evil.example", "two backslashes"],
    ["/\n/evil.example", "newline between slashes"],
    ["/\r/evil.example", "carriage return"],
    ["/\u0000/evil.example", "NUL"],
    ["/%5Cevil.example", "percent-encoded backslash"],
    ["/%09/evil.example", "percent-encoded tab"],
    ["/%2F%5Cevil.example", "percent-encoded slash and backslash"],
    ["/%E0%A4%A", "broken percent-encoding"],
    ["https://evil.example/", "absolute URL"],
    ["javascript:alert(1)", "javascript: URL"],
    ["evil.example", "no leading slash"],
    ["", "empty"],
  ])("refuses %j (%s)", (value) => {
    expect(safeCallbackUrl(value)).toBe("/");
    expect(safeCallbackUrl(value, "/settings")).toBe("/settings");
  });

  it("refuses null and undefined", () => {
    expect(safeCallbackUrl(null)).toBe("/");
    expect(safeCallbackUrl(undefined, "/posts")).toBe("/posts");
  });

  it("never returns a value a browser would resolve to another origin", () => {
    const base = "http://localhost:3000";
    for (const value of ["/\\evil.example", "/\t/evil.example", "/posts", "/./\\evil"]) {
      expect(new URL(safeCallbackUrl(value), base).origin).toBe(base);
    }
  });
});
