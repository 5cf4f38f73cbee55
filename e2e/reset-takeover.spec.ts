// Steps (sign up, start a workspace, open, fill, check) repeat across specs on purpose: each test
// reads as the journey it checks; steps every spec needs live in support/helpers.ts.
import { expect, test } from "@playwright/test";
import { callAction } from "./support/actions";
import { newAccount, signIn, signOut, signUp } from "./support/helpers";

/**
 * The outside attack on owner-issued reset links: owner A invites C, who has a workspace of their
 * own, then asks for a reset link for C to take the account over. Refused; C's password holds.
 */
test("an owner cannot take over a member's account that also belongs to another workspace", async ({
  page,
  browser,
}) => {
  const victimContext = await browser.newContext();
  const victimPage = await victimContext.newPage();
  const victim = newAccount("Cleo Victim");
  await signUp(victimPage, victim);
  await expect(victimPage).toHaveURL(/\/home$/);

  const attacker = newAccount("Ada Attacker");
  await signUp(page, attacker);
  await expect(page).toHaveURL(/\/home$/);
  await page.goto("/settings/members");
  await page.getByLabel("Role for the new member").selectOption("viewer");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const invite = await page.getByLabel("Invite link").inputValue();
  await victimPage.goto(invite);
  await victimPage.getByRole("button", { name: "Join Ada's workspace" }).click();
  await expect(victimPage).toHaveURL(/\/home$/);
  await victimContext.close();

  // The page offers no reset for C, and says how C resets their own password.
  await page.reload();
  const row = page.getByRole("listitem").filter({ hasText: victim.email });
  await expect(row.getByRole("button", { name: /Reset password/ })).toHaveCount(0);
  await expect(row.getByText("Also in another workspace")).toBeVisible();

  // The ids are on the page (the attacker reads them from the RSC payload); the action refuses.
  const payload = await (
    await page.request.get("/settings/members", { headers: { RSC: "1" } })
  ).text();
  const membershipId = payload.match(
    new RegExp(`"membershipId":"([0-9a-f-]{36})","name":"[^"]*","email":"${victim.email}"`),
  )?.[1];
  const workspaceId = payload.match(/"workspaceId":"([0-9a-f-]{36})"/)?.[1];
  expect(membershipId, "the victim's membership id in the page").toBeTruthy();
  expect(workspaceId).toBeTruthy();
  const refused = await callAction(page.request, "issueResetLinkAction", [
    { workspaceId, membershipId },
  ]);
  expect(refused.body).toContain("another workspace");
  expect(refused.body).not.toContain("reset-password/");

  // C's own password still works.
  await signOut(page);
  await signIn(page, victim);
  await expect(page).toHaveURL(/\/home$/);
});
