import { describe, expect, it } from "vitest";
import { moveImage, removeImage } from "./cover";

const five = ["a", "b", "c", "d", "e"];

describe("moveImage", () => {
  it("moves the cover image and the cover index with it", () => {
    expect(moveImage(five, 2, 0, 2)).toEqual({ order: ["c", "a", "b", "d", "e"], coverIndex: 0 });
    expect(moveImage(five, 2, 4, 2)).toEqual({ order: ["a", "b", "d", "e", "c"], coverIndex: 4 });
  });
  it("keeps the cover on its image when another image moves across it", () => {
    const before = moveImage(five, 0, 4, 2);
    expect(before).toEqual({ order: ["b", "c", "d", "e", "a"], coverIndex: 1 });
    expect(before.order[before.coverIndex]).toBe("c");
    const after = moveImage(five, 4, 0, 2);
    expect(after).toEqual({ order: ["e", "a", "b", "c", "d"], coverIndex: 3 });
    expect(after.order[after.coverIndex]).toBe("c");
  });
  it("leaves the cover alone when the move does not cross it", () => {
    expect(moveImage(five, 3, 4, 1)).toEqual({ order: ["a", "b", "c", "e", "d"], coverIndex: 1 });
    expect(moveImage(five, 0, 1, 3).coverIndex).toBe(3);
  });
  it("follows the cover through every possible move", () => {
    for (let cover = 0; cover < 5; cover++)
      for (let from = 0; from < 5; from++)
        for (let to = 0; to < 5; to++) {
          const r = moveImage(five, from, to, cover);
          expect(r.order[r.coverIndex]).toBe(five[cover]);
          expect([...r.order].sort()).toEqual(five);
        }
  });
  it("clamps a target past the end and ignores a bad source", () => {
    expect(moveImage(five, 0, 9, 0)).toEqual({ order: ["b", "c", "d", "e", "a"], coverIndex: 4 });
    expect(moveImage(five, 7, 0, 1)).toEqual({ order: five, coverIndex: 1 });
  });
  it("does not change the list it is given", () => {
    const order = [...five];
    moveImage(order, 0, 3, 0);
    expect(order).toEqual(five);
  });
});

describe("removeImage", () => {
  it("keeps the cover on its image, or falls back to the first when the cover goes", () => {
    expect(removeImage(five, 0, 2)).toEqual({ order: ["b", "c", "d", "e"], coverIndex: 1 });
    expect(removeImage(five, 4, 2)).toEqual({ order: ["a", "b", "c", "d"], coverIndex: 2 });
    expect(removeImage(five, 2, 2)).toEqual({ order: ["a", "b", "d", "e"], coverIndex: 0 });
  });
});
