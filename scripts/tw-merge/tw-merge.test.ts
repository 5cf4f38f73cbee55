import { twMerge as fullMerge } from "tailwind-merge";
import { describe, expect, it } from "vitest";
import { twMerge } from "@/lib/tw-merge.generated";
import { classTokens } from "./tokens.mjs";

describe("the slim tailwind-merge (lib/tw-merge.generated.ts)", () => {
  it("merges every pair of the tree's classes as the full default configuration does", () => {
    // A class either configuration knows (it drops the first of two copies); any other word is
    // passed through by both and conflicts with nothing.
    const known = [...classTokens()].filter(
      (t) => fullMerge(`${t} ${t}`) === t || twMerge(`${t} ${t}`) === t,
    );
    expect(known.length).toBeGreaterThan(300);
    const differ: string[] = [];
    for (const a of known)
      for (const b of known) {
        const pair = `${a} ${b}`;
        if (twMerge(pair) !== fullMerge(pair)) differ.push(pair);
      }
    expect(
      differ.slice(0, 20),
      "a class from a group the slim configuration lacks: run node scripts/tw-merge/generate.mjs",
    ).toEqual([]);
  });

  it("still resolves the conflicts cn() exists for", () => {
    expect(twMerge("px-4 py-2 px-2")).toBe("py-2 px-2");
    expect(twMerge("text-sm text-gray-600 text-red-700")).toBe("text-sm text-red-700");
    expect(twMerge("bg-white hover:bg-gray-50 bg-blue-600")).toBe("hover:bg-gray-50 bg-blue-600");
    expect(twMerge("w-full sm:w-auto w-40")).toBe("sm:w-auto w-40");
  });
});
