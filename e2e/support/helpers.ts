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

/** Signs a new account up and saves a Postproxy key: a workspace ready to compose. */
export async function startWorkspace(page: Page, name: string, key: string) {
  const account = newAccount(name);
  await signUp(page, account);
  await expect(page).toHaveURL(/\/home$/);
  await saveApiKey(page, key);
  await expect(page.getByTestId("saved-key")).toBeVisible();
  return account;
}

/** A file of e2e/fixtures/media. */
export const fixture = (name: string) => path.resolve("e2e/fixtures/media", name);

/** On /compose: ticks the profiles and adds one file, waiting until it is in the post's media. */
export async function composeWithFile(page: Page, profiles: string[], file: string) {
  await page.goto("/compose");
  for (const profile of profiles) await page.getByLabel(profile, { exact: false }).first().check();
  await page.getByLabel("Choose files to upload").setInputFiles([fixture(file)]);
  await expect(
    page.getByRole("list", { name: /Media of the post/ }).getByRole("listitem"),
  ).toHaveCount(1, { timeout: 30_000 });
}

/** Two hours from now as the wall clock of the form's timezone (datetime-local format). */
// Apart from the app's toLocalInputValue on purpose: the test's clock must not share its bug.
export async function inTwoHours(page: Page): Promise<string> {
  const zone = await page.locator('input[name="schedule.timeZone"]').inputValue();
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(Date.now() + 2 * 3600_000));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
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
export async function screenshotBothSizes(
  page: Page,
  dir: string,
  name: string,
  /** `before`: runs at each size before the shot (opens a menu); `fullPage` false: the viewport only. */
  options: { before?: () => Promise<void>; fullPage?: boolean } = {},
) {
  mkdirSync(dir, { recursive: true });
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    if (options.before) await options.before();
    await expectNoHorizontalScroll(page);
    await page.screenshot({
      path: path.join(dir, `${name}-${width}.png`),
      fullPage: options.fullPage ?? true,
    });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** Composes a Publish-now video post for @acmecoffee and waits for its post page. */
export async function publishVideoNowForAcme(
  page: Page,
  caption: string,
  audience: "Only me" | "Followers only",
) {
  await composeWithFile(page, ["@acmecoffee"], "video-valid-720x1280.mp4");
  await page.getByRole("textbox", { name: "Caption" }).fill(caption);
  await page.getByRole("radio", { name: audience, exact: true }).check();
  await page.getByRole("button", { name: "Publish now", exact: true }).click();
  await expect(page).toHaveURL(/\/posts\/[0-9a-f-]{36}$/, { timeout: 30_000 });
}

/**
 * Puts the mouse on a calendar entry and waits until the board can drag: FullCalendar's drag
 * support is fetched when a pointer first reaches the board (calendar-board.tsx).
 */
export async function pointAtCalendarEntry(page: Page, at: { x: number; y: number }) {
  await page.mouse.move(at.x, at.y);
  await expect(page.locator('.postdeck-calendar[data-drag="ready"]')).toBeAttached();
}
