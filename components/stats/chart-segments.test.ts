import { describe, expect, it } from "vitest";
import { segmentRows } from "./chart-segments";

describe("segmentRows", () => {
  it("bridges times at which only another series has a snapshot (no fragmented line)", () => {
    // Two profiles snapshotted at different times: each line must run through its own points.
    const rows = [
      { t: 1, a: 10 },
      { t: 2, b: 5 },
      { t: 3, a: 12 },
      { t: 4, b: 6 },
      { t: 5, a: 14 },
    ];
    const { rows: out, segments } = segmentRows(rows, ["a", "b"]);
    expect(segments).toEqual([
      { key: "a~0", series: "a", first: true, points: 3 },
      { key: "b~0", series: "b", first: true, points: 2 },
    ]);
    expect(out.map((r) => r["a~0"])).toEqual([10, undefined, 12, undefined, 14]);
    expect(out.map((r) => r["b~0"])).toEqual([undefined, 5, undefined, 6, undefined]);
  });

  it("breaks the line at a reported-missing value and never draws it as 0", () => {
    const rows = [
      { t: 1, a: 10 },
      { t: 2, a: 11 },
      { t: 3, a: null },
      { t: 4, a: null },
      { t: 5, a: 13 },
      { t: 6, a: 14 },
    ];
    const { rows: out, segments } = segmentRows(rows, ["a"]);
    expect(segments.map((s) => [s.key, s.first, s.points])).toEqual([
      ["a~0", true, 2],
      ["a~1", false, 2],
    ]);
    expect(out.map((r) => r["a~0"])).toEqual([10, 11, undefined, undefined, undefined, undefined]);
    expect(out.map((r) => r["a~1"])).toEqual([undefined, undefined, undefined, undefined, 13, 14]);
    expect(out.flatMap((r) => Object.values(r))).not.toContain(0);
  });

  it("keeps a legend entry for a series with no value, and marks lone values", () => {
    const { segments } = segmentRows(
      [
        { t: 1, a: null, b: 3 },
        { t: 2, a: null },
      ],
      ["a", "b"],
    );
    expect(segments).toEqual([
      { key: "a~0", series: "a", first: true, points: 0 },
      { key: "b~0", series: "b", first: true, points: 1 },
    ]);
  });
});
