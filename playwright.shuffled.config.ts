import { readdirSync, readFileSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/**
 * The e2e suite in a shuffled file order, to show that no spec depends on another having run:
 * `npx playwright test -c playwright.shuffled.config.ts`. One project per spec file; with the one
 * worker, Playwright runs the projects one after another in the order they are declared. The order
 * comes from SHUFFLED_SPECS (a file listing the specs, one per line) or else from a shuffle seeded
 * by SHUFFLE_SEED (printed, so a failing order can be replayed).
 */
function shuffledSpecs(): string[] {
  if (process.env.SHUFFLED_SPECS)
    return readFileSync(process.env.SHUFFLED_SPECS, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((f) => f.replace(/^e2e\//, ""));
  const seed = Number(process.env.SHUFFLE_SEED ?? Date.now() % 1_000_000);
  console.log(`e2e order: SHUFFLE_SEED=${seed}`);
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const files = readdirSync("e2e")
    .filter((f) => f.endsWith(".spec.ts"))
    .sort();
  for (let i = files.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [files[i], files[j]] = [files[j], files[i]];
  }
  return files;
}

const files = shuffledSpecs();

export default defineConfig({
  ...base,
  projects: files.map((file, i) => ({
    name: `${String(i).padStart(2, "0")}-${file}`,
    testMatch: file,
  })),
});
