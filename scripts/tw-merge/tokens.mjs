// The class-like words in Postdeck's source: what the generator keeps class groups for and what
// tw-merge.test.ts checks the generated configuration against.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Every whitespace-separated word inside a string literal of app/, components/ and lib/. Tailwind
 * only generates classes it finds written whole in the source, so no class can reach `cn()` that
 * is not among these.
 */
export function classTokens() {
  const files = execFileSync("git", ["ls-files", "app", "components", "lib"], {
    cwd: root,
    encoding: "utf8",
  })
    .split("\n")
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".generated.ts"));
  const tokens = new Set();
  for (const file of files) {
    const source = readFileSync(path.join(root, file), "utf8");
    for (const match of source.matchAll(/["'`]([^"'`\n]*)["'`]/g))
      for (const word of match[1].split(/\s+/))
        if (word && word.length < 100 && !word.includes("${")) tokens.add(word);
  }
  return tokens;
}
