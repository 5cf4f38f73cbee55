import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("starts with a BOM, quotes what needs it and escapes formulas", () => {
    const csv = toCsv([
      ["Caption", "Likes"],
      ['=HYPERLINK("x")', 3],
      ["+1", null],
      ["-2 @home", -2],
      ['@me, "you"', 0],
      ["Café ☕️\nline", 1],
    ]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "Caption,Likes",
      `"'=HYPERLINK(""x"")",3`,
      "'+1,",
      "'-2 @home,-2",
      `"'@me, ""you""",0`,
      `"Café ☕️\nline",1`,
      "",
    ]);
  });
});
