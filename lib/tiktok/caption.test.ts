// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { describe, expect, it } from "vitest";
import {
  captionMaxLength,
  checkCaption,
  countCaption,
  countCaptionAgainstLimit,
  tokenizeCaption,
} from "./caption";

describe("countCaption", () => {
  it("counts UTF-16 code units: an emoji is 2, a flag 4, an accented letter 1", () => {
    expect(countCaption("abc")).toBe(3);
    expect(countCaption("😀")).toBe(2);
    expect(countCaption("🇫🇷")).toBe(4);
    expect(countCaption("é")).toBe(1);
    expect(countCaption("line\nbreak")).toBe(10);
  });
});

describe("checkCaption", () => {
  it("takes 2,200 units and refuses 2,201, emoji counting 2", () => {
    expect(captionMaxLength).toBe(2200);
    expect(checkCaption("😀".repeat(1100))).toBeNull();
    expect(checkCaption("😀".repeat(1100) + "a")).toBe(
      "TikTok captions take at most 2,200 characters (this one has 2,201; an emoji counts as 2).",
    );
    expect(checkCaption("")).toBeNull();
  });
});

describe("countCaptionAgainstLimit", () => {
  it("gives the live counter", () => {
    expect(countCaptionAgainstLimit("hi 😀")).toEqual({
      count: 5,
      max: 2200,
      remaining: 2195,
      isOver: false,
      text: "5 / 2,200",
    });
    expect(countCaptionAgainstLimit("x".repeat(2201))).toMatchObject({
      isOver: true,
      remaining: -1,
      text: "2,201 / 2,200",
    });
  });
});

describe("tokenizeCaption", () => {
  it("finds hashtags and mentions and keeps everything else as text", () => {
    const caption = "New drop #summer_2026 with @ana.b!\nThanks @studio. #été";
    const tokens = tokenizeCaption(caption);
    expect(tokens).toEqual([
      { kind: "text", text: "New drop " },
      { kind: "hashtag", text: "#summer_2026" },
      { kind: "text", text: " with " },
      { kind: "mention", text: "@ana.b" },
      { kind: "text", text: "!\nThanks " },
      { kind: "mention", text: "@studio" },
      { kind: "text", text: ". " },
      { kind: "hashtag", text: "#été" },
    ]);
    expect(tokens.map((t) => t.text).join("")).toBe(caption);
  });

  it("leaves e-mail addresses, lone signs and mid-word signs alone", () => {
    expect(tokenizeCaption("mail ana@agency.com or # or @ or a#b")).toEqual([
      { kind: "text", text: "mail ana@agency.com or # or @ or a#b" },
    ]);
  });

  it("handles tags at the very start and end, and back to back", () => {
    expect(tokenizeCaption("#a#b @c")).toEqual([
      { kind: "hashtag", text: "#a" },
      { kind: "text", text: "#b " },
      { kind: "mention", text: "@c" },
    ]);
    expect(tokenizeCaption("")).toEqual([]);
  });
});
