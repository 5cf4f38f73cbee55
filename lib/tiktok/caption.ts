import { captionTexts } from "./texts";

/** TikTok's caption limit, counted in UTF-16 code units as TikTok counts (an emoji is 2). */
export const captionMaxLength = 2200;

/** JavaScript strings are UTF-16, so their length is exactly TikTok's count. */
export function countCaption(caption: string): number {
  return caption.length;
}

export type CaptionCounter = {
  count: number;
  max: number;
  remaining: number;
  isOver: boolean;
  /** "1,234 / 2,200" */
  text: string;
};

export function countCaptionAgainstLimit(caption: string): CaptionCounter {
  const count = countCaption(caption);
  return {
    count,
    max: captionMaxLength,
    remaining: captionMaxLength - count,
    isOver: count > captionMaxLength,
    text: captionTexts.counter(count, captionMaxLength),
  };
}

/** The refusal for a caption over the limit, or null when it fits. */
export function checkCaption(caption: string): string | null {
  const count = countCaption(caption);
  return count > captionMaxLength ? captionTexts.tooLong(count, captionMaxLength) : null;
}

export type CaptionToken = { kind: "text" | "hashtag" | "mention"; text: string };

// A tag starts after the start of the text or a character that cannot be part of a word (so an
// e-mail address is no mention). Hashtags take letters in any script; TikTok usernames take
// letters, digits, "_" and "." but never end with a dot (a sentence's full stop).
const tagPattern =
  /(?<![\p{L}\p{M}\p{N}_])(#[\p{L}\p{M}\p{N}_]+|@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)/gu;

/** Splits a caption into plain text, #hashtags and @mentions, for highlighting; joins back to it. */
export function tokenizeCaption(caption: string): CaptionToken[] {
  const tokens: CaptionToken[] = [];
  let last = 0;
  for (const match of caption.matchAll(tagPattern)) {
    const start = match.index;
    if (start > last) tokens.push({ kind: "text", text: caption.slice(last, start) });
    tokens.push({ kind: match[0].startsWith("#") ? "hashtag" : "mention", text: match[0] });
    last = start + match[0].length;
  }
  if (last < caption.length) tokens.push({ kind: "text", text: caption.slice(last) });
  return tokens;
}
