import { mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";

export type Account = { name: string; email: string; password: string };

export function newAccount(name: string): Account {
  const tag = randomBytes(4).toString("hex");
  return {
    name,
    email: `${name.toLowerCase().replace(/\W+/g, ".")}.${tag}@agency.test`,
    password: `pw-${tag}-long-enough`,
  };
}

export async function signUp(page: Page, account: Account, path = "/sign-up") {
  await page.goto(path);
  await page.getByLabel("Your name").fill(account.name);
  await page.getByLabel("Work email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function signIn(page: Page, account: Pick<Account, "email" | "password">) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /user menu/i }).click();
  await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

export async function saveApiKey(page: Page, key: string) {
  await page.goto("/settings");
  await page.getByLabel("Postproxy API key").fill(key);
  await page.getByRole("button", { name: "Check and save key" }).click();
}

/** The workspace switcher: its accessible name is the workspace's name, role and "switch workspace". */
export function workspaceSwitcher(page: Page) {
  return page.getByRole("button", { name: /switch workspace/i });
}

/** Zero serious or critical axe violations on the page as it is now. */
export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
  expect(serious, `axe violations on ${page.url()}`).toEqual([]);
}

export async function expectNoHorizontalScroll(page: Page) {
  // Polled: after a viewport change, charts and other observed boxes settle a frame or two later.
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
      message: `horizontal scroll on ${page.url()}`,
      timeout: 5_000,
    })
    .toBeLessThanOrEqual(0);
}

/** Confirms the accessible dialog that replaced window.confirm. */
export async function confirmDialog(page: Page, button: string | RegExp) {
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: button }).click();
  await expect(dialog).toHaveCount(0);
}

/**
 * Full-page screenshots at 1440×900 and 390×844 into `dir` (`<name>-1440.png`, `<name>-390.png`),
 * each size checked for sideways scroll first; the viewport goes back to 1280×720.
 */
export async function screenshotBothSizes(page: Page, dir: string, name: string) {
  mkdirSync(dir, { recursive: true });
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: path.join(dir, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** Composes a Publish-now video post for @acmecoffee and waits for its post page. */
export async function publishVideoNowForAcme(
  page: Page,
  caption: string,
  audience: "Only me" | "Followers only",
) {
  await page.goto("/compose");
  await page.getByLabel("@acmecoffee", { exact: false }).first().check();
  await page
    .getByLabel("Choose files to upload")
    .setInputFiles(path.resolve("e2e/fixtures/media/video-valid-720x1280.mp4"));
  await expect(
    page.getByRole("list", { name: "Media of the post" }).getByRole("listitem"),
  ).toHaveCount(1, { timeout: 30_000 });
  await page.getByRole("textbox", { name: "Caption" }).fill(caption);
  await page.getByRole("radio", { name: audience, exact: true }).check();
  await page.getByRole("button", { name: "Publish now", exact: true }).click();
  await expect(page).toHaveURL(/\/posts\/[0-9a-f-]{36}$/, { timeout: 30_000 });
}
