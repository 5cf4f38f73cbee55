// Steps (sign up, start a workspace, open, fill, check) repeat across specs on purpose: each test
// reads as the journey it checks; steps every spec needs live in support/helpers.ts.
import { expect, test } from "@playwright/test";
import { newAccount, signIn, signOut, signUp, workspaceSwitcher } from "./support/helpers";

test("invite a viewer who joins through the link and cannot reach the key form", async ({
  page,
  browser,
}) => {
  const owner = newAccount("Olga Owner");
  await signUp(page, owner);
  await expect(page).toHaveURL(/\/home$/);
  await page.goto("/settings/members");
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
  await expect(viewerPage).toHaveURL(/\/home$/);
  await expect(workspaceSwitcher(viewerPage)).toContainText("Olga's workspace");
  await expect(workspaceSwitcher(viewerPage)).toContainText("viewer");
  // A viewer is not offered what they cannot do: no compose link, no owner-only setup actions.
  const nav = viewerPage.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Compose" })).toHaveCount(0);
  await expect(nav.getByText("Editors only")).toBeVisible();
  await expect(viewerPage.getByRole("link", { name: "Add the API key" })).toHaveCount(0);
  await expect(viewerPage.getByText("Only a workspace owner can do this").first()).toBeVisible();

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
  await expect(page.getByText(`${viewer.name} is now an editor.`)).toBeVisible();
  // The last owner cannot demote or remove themselves: the controls are disabled, with the reason.
  const ownRole = page.getByLabel(`Role of ${owner.name}`);
  await expect(ownRole).toBeDisabled();
  await expect(ownRole).toHaveAccessibleDescription(/only owner can't change their role/);
  const ownRow = page.getByRole("listitem").filter({ hasText: owner.email });
  await expect(ownRow.getByRole("button", { name: "Leave" })).toBeDisabled();
  // Removing someone asks in an accessible dialog, not window.confirm; cancelling changes nothing.
  page.on("dialog", () => {
    throw new Error("a native dialog was opened");
  });
  const viewerRow = page.getByRole("listitem").filter({ hasText: viewer.email });
  await viewerRow.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
  await expect(viewerRow).toBeVisible();
  await viewerRow.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByText(viewer.email)).toHaveCount(0);
});

test("a member of two workspaces switches and lands in the one used last", async ({
  page,
  browser,
}) => {
  const owner = newAccount("Paula Partner");
  await signUp(page, owner);
  await expect(page).toHaveURL(/\/home$/);
  await page.goto("/settings/members");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByLabel("Invite link").inputValue();
  await signOut(page);

  const member = newAccount("Milo Member");
  const context = await browser.newContext();
  const memberPage = await context.newPage();
  await signUp(memberPage, member);
  await expect(memberPage).toHaveURL(/\/home$/);
  await memberPage.goto(link);
  await memberPage.getByRole("button", { name: "Join Paula's workspace" }).click();
  await expect(memberPage).toHaveURL(/\/home$/);
  const switcher = workspaceSwitcher(memberPage);
  await expect(switcher).toContainText("Paula's workspace");

  await switcher.click();
  await memberPage.getByRole("menuitem", { name: "Milo's workspace" }).click();
  await expect(switcher).toContainText("Milo's workspace");
  await expect(switcher).toContainText("owner");

  await signOut(memberPage);
  await signIn(memberPage, member);
  await expect(workspaceSwitcher(memberPage)).toContainText("Milo's workspace");
  await context.close();
});
