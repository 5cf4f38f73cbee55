import { describe, expect, it } from "vitest";
import { csvDownload, toCsv } from "./csv";

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

describe("csvDownload", () => {
  it("is an attachment under the given name, never cached", async () => {
    const res = csvDownload(toCsv([["a"]]), "stats.csv");
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="stats.csv"');
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    // The byte-order mark reaches the file (text() would decode it away).
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([0xef, 0xbb, 0xbf, 0x61, 13, 10]);
  });
});
