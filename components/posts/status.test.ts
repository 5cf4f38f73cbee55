import { describe, expect, it } from "vitest";
import { localPostStatuses, targetStatuses } from "@/lib/validation/post-view";
import {
  postStatusLooks as postStatusWords,
  targetStatusLooks as targetStatusWords,
} from "@/lib/format/status";
import { excerptCaption, summarizeTargets } from "./status";

describe("status words", () => {
  it("names every target and post status in words", () => {
    for (const s of targetStatuses) expect(targetStatusWords[s].label).toMatch(/\w/);
    for (const s of localPostStatuses) expect(postStatusWords[s].label).toMatch(/\w/);
  });

  it("keeps processing on TikTok a state of its own", () => {
    expect(targetStatusWords.processing.label).toBe("Processing on TikTok");
    expect(targetStatusWords.published.label).toBe("Published");
  });

  it("summarizes a post's profiles", () => {
    expect(summarizeTargets(["published", "failed", "published"])).toBe("2 Published · 1 Failed");
    expect(summarizeTargets([])).toBe("");
  });
});

describe("excerptCaption", () => {
  it("keeps short captions and flattens line breaks", () => {
    expect(excerptCaption("Morning\n\nbrew #coffee")).toBe("Morning brew #coffee");
  });

  it("cuts long captions at a word", () => {
    const text = "word ".repeat(40);
    const out = excerptCaption(text, 22);
    expect(out).toBe("word word word word…");
  });

  it("never splits an emoji", () => {
    const out = excerptCaption("😀".repeat(10), 5);
    expect(out).toBe("😀😀😀😀😀…");
  });
});
