import { expect, test, type Page } from "@playwright/test";
import { specSandbox } from "./support/sandbox";
import {
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  newAccount,
  signUp,
  startWorkspace,
} from "./support/helpers";

const dashboardPages = [
  "/home",
  "/compose",
  "/media",
  "/posts",
  "/calendar",
  "/profiles",
  "/stats",
  "/settings",
  "/settings/members",
  "/account",
];
const standalonePages = ["/welcome"];
const signedOutPages = ["/sign-in", "/sign-up", "/forgot-password", "/invite/not-a-real-token"];

async function visit(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("h1").first()).toBeVisible();
}

/** An owner with a key and a pending invite, so pages show their filled-in states too. */
async function setUpOwner(page: Page) {
  await startWorkspace(page, "Axel Audit", specSandbox().key);
  await page.goto("/settings/members");
  await page.getByRole("button", { name: "Create invite link" }).click();
  return page.getByLabel("Invite link").inputValue();
}

for (const viewport of [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test.describe(`${viewport.name} ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test("every page: no serious axe violation and no horizontal scroll", async ({
      page,
      browser,
    }) => {
      test.setTimeout(300_000);
      for (const path of signedOutPages) {
        await visit(page, path);
        await expectNoSeriousA11yViolations(page);
        await expectNoHorizontalScroll(page);
      }
      const invite = await setUpOwner(page);
      for (const path of [...dashboardPages, ...standalonePages]) {
        await visit(page, path);
        await expectNoSeriousA11yViolations(page);
        await expectNoHorizontalScroll(page);
      }
      // Open states count too: the timezone list and the confirm dialog.
      await page.goto("/settings");
      await page.getByRole("combobox", { name: "Default timezone" }).click();
      await expectNoSeriousA11yViolations(page);
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Remove key" }).click();
      await expect(page.getByRole("alertdialog")).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();

      // The invite page, seen by someone signed out.
      const guest = await browser.newContext({ viewport });
      const guestPage = await guest.newPage();
      await visit(guestPage, invite.replace(/^https?:\/\/[^/]+/, ""));
      await expectNoSeriousA11yViolations(guestPage);
      await expectNoHorizontalScroll(guestPage);
      await guest.close();
    });
  });
}

test.describe("phone navigation", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("below 1024 px the sidebar is a drawer opened from the top bar", async ({ page }) => {
    await signUp(page, newAccount("Mia Mobile"));
    await expect(page).toHaveURL(/\/home$/);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    const main = await page.locator("main").boundingBox();
    expect(main!.width).toBeGreaterThan(350);

    await page.getByRole("button", { name: "Open menu" }).click();
    const drawer = page.getByRole("dialog", { name: "Menu" });
    await expect(drawer).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await drawer.getByRole("link", { name: "Settings" }).click();
    await expect(page).toHaveURL(/\/settings$/);
    await expect(drawer).toBeHidden();

    await page.getByRole("button", { name: "Open menu" }).click();
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();
    await expect(page.getByRole("button", { name: "Open menu" })).toBeFocused();
  });

  test("a skip link leads to the main content", async ({ page }) => {
    await signUp(page, newAccount("Kip Keys"));
    await expect(page).toHaveURL(/\/home$/);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
  });
});
