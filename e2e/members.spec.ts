import { expect, test } from "@playwright/test";
import { newAccount, signIn, signOut, signUp } from "./support/helpers";

test("invite a viewer who joins through the link and cannot reach the key form", async ({
  page,
  browser,
}) => {
  const owner = newAccount("Olga Owner");
  await signUp(page, owner);
  await expect(page).toHaveURL(/\/settings$/);
  await page.getByRole("link", { name: "Members" }).click();
  await page.getByLabel("Role for the new member").selectOption("viewer");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByLabel("Invite link").inputValue();
  expect(link).toMatch(/\/invite\/[\w-]{20,}$/);

  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  await viewerPage.goto(link);
  await expect(viewerPage.getByRole("heading", { name: "Join Olga's workspace" })).toBeVisible();
  await viewerPage.getByRole("link", { name: "Create an account and join" }).click();
  const viewer = newAccount("Vera Viewer");
  await viewerPage.getByLabel("Your name").fill(viewer.name);
  await viewerPage.getByLabel("Work email").fill(viewer.email);
  await viewerPage.getByLabel("Password").fill(viewer.password);
  await viewerPage.getByRole("button", { name: "Create account" }).click();
  await expect(viewerPage).toHaveURL(/\/posts$/);
  await expect(viewerPage.getByRole("button", { name: "Switch workspace" })).toContainText(
    "Olga's workspace",
  );
  await expect(viewerPage.getByRole("button", { name: "Switch workspace" })).toContainText(
    "viewer",
  );

  await viewerPage.goto("/settings");
  await expect(viewerPage.getByText("Only owners can change these settings")).toBeVisible();
  await expect(viewerPage.getByLabel("Postproxy API key")).toHaveCount(0);
  await expect(viewerPage.getByLabel("Workspace name")).toHaveCount(0);

  // The link worked once.
  await viewerPage.goto(link);
  await expect(viewerPage.getByText("This invite link has already been used.")).toBeVisible();
  await viewerPage.goto("/invite/forged-token-value");
  await expect(viewerPage.getByText("This invite link is not valid.")).toBeVisible();
  await viewerContext.close();

  // The owner sees the viewer and promotes them to editor.
  await page.reload();
  await expect(page.getByText(viewer.email)).toBeVisible();
  await page.getByLabel(`Role of ${viewer.name}`).selectOption("editor");
  await expect(page.getByLabel(`Role of ${viewer.name}`)).toHaveValue("editor");
  // The last owner cannot demote themselves.
  await page.getByLabel(`Role of ${owner.name}`).selectOption("viewer");
  await expect(page.getByText("A workspace needs at least one owner.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(`Role of ${owner.name}`)).toHaveValue("owner");
});

test("a member of two workspaces switches and lands in the one used last", async ({
  page,
  browser,
}) => {
  const owner = newAccount("Paula Partner");
  await signUp(page, owner);
  await expect(page).toHaveURL(/\/settings$/);
  await page.goto("/settings/members");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByLabel("Invite link").inputValue();
  await signOut(page);

  const member = newAccount("Milo Member");
  const context = await browser.newContext();
  const memberPage = await context.newPage();
  await signUp(memberPage, member);
  await expect(memberPage).toHaveURL(/\/settings$/);
  await memberPage.goto(link);
  await memberPage.getByRole("button", { name: "Join Paula's workspace" }).click();
  await expect(memberPage).toHaveURL(/\/posts$/);
  const switcher = memberPage.getByRole("button", { name: "Switch workspace" });
  await expect(switcher).toContainText("Paula's workspace");

  await switcher.click();
  await memberPage.getByRole("menuitem", { name: "Milo's workspace" }).click();
  await expect(switcher).toContainText("Milo's workspace");
  await expect(switcher).toContainText("owner");

  await signOut(memberPage);
  await signIn(memberPage, member);
  await expect(memberPage.getByRole("button", { name: "Switch workspace" })).toContainText(
    "Milo's workspace",
  );
  await context.close();
});
