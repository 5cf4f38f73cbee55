import { describe, expect, it } from "vitest";
import { countOf, plural } from "./plural";

describe("plural", () => {
  it("picks the form by Intl.PluralRules", () => {
    expect(plural(1, { one: "needs", other: "need" })).toBe("needs");
    expect(plural(0, { one: "needs", other: "need" })).toBe("need");
    expect(plural(2, { one: "account is", other: "accounts are" })).toBe("accounts are");
  });
  it("writes a count with its noun, thousands grouped", () => {
    expect(countOf(1, "photo")).toBe("1 photo");
    expect(countOf(0, "photo")).toBe("0 photos");
    expect(countOf(1200, "file")).toBe("1,200 files");
    expect(countOf(3, "person", "people")).toBe("3 people");
  });
});
