import { describe, expect, it } from "vitest";
import { findCycles, importGraph, missingServerOnly, unknownLibEntries } from "./check.mjs";

describe("architecture check", () => {
  it("refuses a lib/ folder the layer diagram does not name", () => {
    expect(unknownLibEntries(["data", "mail", "helpers", "log.ts", "env.test.ts"])).toEqual([
      "lib/helpers",
    ]);
  });

  it("finds two-file and longer import cycles, and nothing in a tree", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["a", "c"]],
      ["c", ["d"]],
      ["d", ["e"]],
      ["e", ["c"]],
      ["f", ["a"]],
    ]);
    expect(findCycles(graph)).toEqual(
      expect.arrayContaining([
        ["a", "b"],
        ["c", "d", "e"],
      ]),
    );
    expect(findCycles(graph)).toHaveLength(2);
    expect(
      findCycles(
        new Map([
          ["a", ["b"]],
          ["b", []],
        ]),
      ),
    ).toEqual([]);
  });

  it("holds for the project as it is", () => {
    expect(unknownLibEntries()).toEqual([]);
    expect(missingServerOnly()).toEqual([]);
    expect(findCycles(importGraph())).toEqual([]);
  });
});
