import { expect, test } from "@playwright/test";
import { specSandbox } from "./support/sandbox";
import {
  confirmDialog,
  newAccount,
  saveApiKey,
  signIn,
  signOut,
  signUp,
  workspaceSwitcher,
} from "./support/helpers";

test("sign up, save the Postproxy key, sign out and sign in again", async ({ page }) => {
  const account = newAccount("Ana Lopez");

  await page.goto("/sign-up");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();

  await signUp(page, account);
  await expect(page).toHaveURL(/\/home$/);
  for (const item of ["Home", "Compose", "Posts", "Calendar", "Profiles", "Stats", "Settings"]) {
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: item }),
    ).toBeVisible();
  }
  await expect(workspaceSwitcher(page)).toContainText("Ana's workspace");

  await saveApiKey(page, "pp_wrong_key_000000");
  await expect(page.getByText(/Postproxy refused this key \(401/)).toBeVisible();
  await expect(page.getByTestId("saved-key")).toHaveCount(0);

  await saveApiKey(page, specSandbox().key);
  await expect(page.getByText("API key checked with Postproxy and saved.")).toBeVisible();
  await expect(page.getByTestId("saved-key")).toHaveText(`••••${specSandbox().key.slice(-4)}`);

  // Replace: a wrong key is refused and the saved one stays; then remove and save again.
  await page.getByRole("button", { name: "Replace key" }).click();
  await page.getByLabel("Postproxy API key").fill("pp_another_wrong_key");
  await page.getByRole("button", { name: "Check and save key" }).click();
  await expect(page.getByText(/Postproxy refused this key \(401/)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("saved-key")).toHaveText(`••••${specSandbox().key.slice(-4)}`);
  await page.getByRole("button", { name: "Remove key" }).click();
  await confirmDialog(page, "Remove key");
  await expect(page.getByText("API key removed.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("saved-key")).toHaveCount(0);
  await page.getByRole("link", { name: "Profiles" }).click();
  await expect(page.getByText("Connect your Postproxy account first")).toBeVisible();
  await saveApiKey(page, specSandbox().key);
  await expect(page.getByTestId("saved-key")).toBeVisible();

  await page.getByRole("link", { name: "Profiles" }).click();
  await expect(page.getByRole("heading", { name: "Profiles", exact: true })).toBeVisible();
  await expect(page.getByText("@acmecoffee")).toBeVisible();
  await expect(page.locator("li").filter({ hasText: "tiktok" }).first()).toBeVisible();

  await signOut(page);
  await signIn(page, { email: account.email, password: "not-the-password" });
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  await signIn(page, account);
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("heading", { name: "Welcome, Ana" })).toBeVisible();
});

test("settings refuse bad input at the field and keep what was typed", async ({ page }) => {
  await signUp(page, newAccount("Ben Ortiz"));
  await expect(page).toHaveURL(/\/home$/);
  await page.goto("/settings");
  const name = page.getByLabel("Workspace name");
  await name.fill("");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Enter a workspace name.")).toBeVisible();

  await name.fill("Ortiz Social");
  await page.getByRole("combobox").click();
  await page.getByPlaceholder(/Search by city/).fill("Buenos");
  await page
    .getByRole("option", { name: /Buenos Aires/ })
    .first()
    .click();
  await page.getByLabel(/Unaudited/).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Workspace settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Workspace name")).toHaveValue("Ortiz Social");
  await expect(page.getByRole("combobox")).toContainText("America/Argentina/Buenos_Aires");
  await expect(page.getByLabel(/Unaudited/)).toBeChecked();

  await page.getByLabel("Postproxy API key").fill("short");
  await page.getByRole("button", { name: "Check and save key" }).click();
  await expect(page.getByText("That is too short to be a Postproxy API key.")).toBeVisible();
  await expect(page.getByLabel("Postproxy API key")).toHaveValue("short");
});
