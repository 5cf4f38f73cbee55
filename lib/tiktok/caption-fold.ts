/** How TikTok's feed shows a caption: a couple of lines, then "more". Widths are approximate. */
export type FoldOptions = { maxLines?: number; charsPerLine?: number };

export type FoldedCaption = { text: string; isFolded: boolean };

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
const graphemes = (s: string) => Array.from(segmenter.segment(s), (g) => g.segment);

/**
 * The part of a caption shown before "more", keeping its line breaks. Counted in graphemes, so
 * an emoji or a flag is never cut in half; room is left on the last line for "… more".
 */
export function foldCaption(caption: string, options: FoldOptions = {}): FoldedCaption {
  const maxLines = options.maxLines ?? 2;
  const perLine = options.charsPerLine ?? 38;
  const lines = caption.replace(/\s+$/, "").split("\n");
  const shown: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const chars = graphemes(line);
    const needed = Math.max(1, Math.ceil(chars.length / perLine));
    const isLast = i === lines.length - 1;
    if (used + needed <= maxLines && (isLast || used + needed < maxLines)) {
      shown.push(line);
      used += needed;
      continue;
    }
    const room = Math.max(0, (maxLines - used) * perLine - "… more".length);
    shown.push(chars.slice(0, room).join("").trimEnd());
    return { text: shown.join("\n").trimEnd(), isFolded: true };
  }
  return { text: shown.join("\n"), isFolded: false };
}
