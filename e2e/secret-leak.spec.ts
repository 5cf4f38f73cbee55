import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { e2e } from "./support/config";
import { specSandbox } from "./support/sandbox";
import { startWorkspace } from "./support/helpers";

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test("the saved API key appears in no build output, page HTML or server log", async ({ page }) => {
  await startWorkspace(page, "Sara Secure", specSandbox().key);

  const html = await (await page.request.get("/settings")).text();
  expect(html).toContain(`••••${specSandbox().key.slice(-4)}`);
  expect(html).not.toContain(e2e.sandboxKey);
  expect(await page.content()).not.toContain(e2e.sandboxKey);

  // Exercise pages that call Postproxy with the key, so their logging is covered too.
  await page.goto("/profiles");
  await expect(page.getByRole("heading", { name: "Profiles", exact: true })).toBeVisible();

  const buildFiles = filesUnder(path.resolve(".next"));
  expect(buildFiles.length).toBeGreaterThan(20);
  const leaking = buildFiles.filter((f) => readFileSync(f).includes(e2e.sandboxKey));
  expect(leaking).toEqual([]);

  const log = readFileSync(e2e.serverLog, "utf8");
  expect(log.length).toBeGreaterThan(0);
  expect(log).not.toContain(e2e.sandboxKey);
});
