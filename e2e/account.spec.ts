import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { e2e } from "./support/config";
import { confirmDialog, newAccount, signIn, signOut, signUp } from "./support/helpers";

async function start(page: Page, name: string) {
  const account = newAccount(name);
  await signUp(page, account);
  await expect(page).toHaveURL(/\/home$/);
  return account;
}

test("account settings: name, email with the current password, leaving a workspace", async ({
  page,
}) => {
  const account = await start(page, "Abe Account");
  await page.getByRole("button", { name: /user menu/i }).click();
  await page.getByRole("menuitem", { name: "Account settings" }).click();
  await expect(page).toHaveURL(/\/account$/);

  await page.getByLabel("Your name").fill("Abe Renamed");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Name saved.")).toBeVisible();
  await expect(page.getByRole("button", { name: /user menu/i })).toContainText("Abe Renamed");

  const newEmail = account.email.replace("@", ".new@");
  await page.getByLabel("Email", { exact: true }).fill(newEmail);
  await page.getByLabel("Your password").fill("not my password");
  await page.getByRole("button", { name: "Change email" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  await expect(page.getByLabel("Your password")).toBeFocused();
  await page.getByLabel("Your password").fill(account.password);
  await page.getByRole("button", { name: "Change email" }).click();
  await expect(page.getByText(`You now sign in with ${newEmail}.`)).toBeVisible();

  // The only owner of a workspace cannot leave it; the reason is shown.
  const leave = page.getByRole("button", { name: "Leave Abe's workspace" });
  await expect(leave).toBeDisabled();
  await expect(leave).toHaveAccessibleDescription(/only owner/);

  await signOut(page);
  await signIn(page, { email: newEmail, password: account.password });
  await expect(page).toHaveURL(/\/home$/);
});

test("an owner's one-time reset link lets a member choose a new password, once", async ({
  page,
  browser,
}) => {
  await start(page, "Rosa Reset");
  await page.goto("/settings/members");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const invite = await page.getByLabel("Invite link").inputValue();

  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  const member = newAccount("Forgetful Fred");
  await memberPage.goto(invite);
  await memberPage.getByRole("link", { name: "Create an account and join" }).click();
  await memberPage.getByLabel("Your name").fill(member.name);
  await memberPage.getByLabel("Work email").fill(member.email);
  await memberPage.getByLabel("Password").fill(member.password);
  await memberPage.getByRole("button", { name: "Create account" }).click();
  await expect(memberPage).toHaveURL(/\/home$/);

  await page.reload();
  await page.getByRole("button", { name: `${member.name}: Reset password` }).click();
  await confirmDialog(page, "Create reset link");
  const link = await page.getByLabel("Password reset link").inputValue();
  expect(link).toMatch(/\/reset-password\/[\w-]{20,}$/);
  await page.getByRole("button", { name: "Done" }).click();

  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(link);
  await guestPage.getByLabel("New password", { exact: true }).fill("a brand new password");
  await guestPage.getByLabel("Repeat the new password").fill("a brand new password");
  await guestPage.getByRole("button", { name: "Save new password" }).click();
  await expect(guestPage).toHaveURL(/\/sign-in$/);
  await expect(guestPage.getByText("Password changed.")).toBeVisible();

  // The link worked once; the old password no longer does; the new one does.
  await guestPage.goto(link);
  await expect(guestPage.getByText("This reset link has already been used.")).toBeVisible();
  await signIn(guestPage, member);
  await expect(guestPage.getByText("Email or password is incorrect.")).toBeVisible();
  await signIn(guestPage, { email: member.email, password: "a brand new password" });
  await expect(guestPage).toHaveURL(/\/home$/);
  // Using the link signed the member out everywhere: the session they had is over.
  await memberPage.goto("/home");
  await expect(memberPage).toHaveURL(/\/sign-in/);
  await guest.close();
  await memberContext.close();
});

test("forgot password: the demo prints the link when no SMTP is set", async ({ page }) => {
  const account = await start(page, "Polly Printed");
  await signOut(page);
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email").fill(account.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(`If an account exists for ${account.email}`)).toBeVisible();
  // The e2e server runs over http without SMTP, like the demo: the link is on the console.
  const printed = [...readFileSync(e2e.serverLog, "utf8").matchAll(/Demo reset link: (\S+)/g)];
  const link = printed.at(-1)![1];
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("printed link password");
  await page.getByLabel("Repeat the new password").fill("printed link password");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await signIn(page, { email: account.email, password: "printed link password" });
  await expect(page).toHaveURL(/\/home$/);
  await signOut(page);
  await page.goto("/reset-password/forged-token");
  await expect(page.getByText("This reset link is not valid.")).toBeVisible();
});
