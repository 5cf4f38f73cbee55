import { describe, expect, it } from "vitest";
import { parseStatsSearch } from "./stats";

const parse = (search: string) => {
  const r = parseStatsSearch(new URLSearchParams(search));
  if (!r.success) throw new Error("did not parse");
  return r.data;
};

describe("parseStatsSearch", () => {
  it("reads the top-posts page, page 1 when missing or not a page number", () => {
    expect(parse("top=3").top).toBe(3);
    for (const bad of ["", "top=0", "top=-2", "top=1.5", "top=abc"]) expect(parse(bad).top).toBe(1);
  });

  it("reads repeated profile params as the chosen profiles", () => {
    expect(parse("range=90&profile=a&profile=b").profiles).toEqual(["a", "b"]);
    expect(parse("range=90").profiles).toEqual([]);
  });
});
