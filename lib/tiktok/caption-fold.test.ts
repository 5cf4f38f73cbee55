import { describe, expect, it } from "vitest";
import { foldCaption } from "./caption-fold";

describe("foldCaption", () => {
  it("shows a short caption whole", () => {
    expect(foldCaption("Hello #tiktok")).toEqual({ text: "Hello #tiktok", isFolded: false });
    expect(foldCaption("one\ntwo", { maxLines: 2 })).toEqual({ text: "one\ntwo", isFolded: false });
    expect(foldCaption("")).toEqual({ text: "", isFolded: false });
  });
  it("folds after the last line that fits, keeping line breaks and room for 'more'", () => {
    expect(foldCaption("one\ntwo\nthree", { maxLines: 2, charsPerLine: 10 })).toEqual({
      text: "one\ntwo",
      isFolded: true,
    });
    expect(foldCaption("a".repeat(25), { maxLines: 2, charsPerLine: 10 })).toEqual({
      text: "a".repeat(14),
      isFolded: true,
    });
    expect(foldCaption("a".repeat(20), { maxLines: 2, charsPerLine: 10 }).isFolded).toBe(false);
  });
  it("never cuts an emoji or a flag in half", () => {
    const folded = foldCaption("🇫🇷".repeat(30), { maxLines: 1, charsPerLine: 10 });
    expect(folded).toEqual({ text: "🇫🇷".repeat(4), isFolded: true });
  });
  it("ignores trailing blank lines", () => {
    expect(foldCaption("hi\n\n\n\n", { maxLines: 2 })).toEqual({ text: "hi", isFolded: false });
  });
});
