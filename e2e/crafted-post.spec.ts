// Steps (sign up, start a workspace, open, fill, check) repeat across specs on purpose: each test
// reads as the journey it checks; steps every spec needs live in support/helpers.ts.
import { expect, test } from "@playwright/test";
import { callAction } from "./support/actions";
import { specSandbox } from "./support/sandbox";
import { newAccount, signUp, startWorkspace } from "./support/helpers";

test("a viewer calling owner actions with crafted POSTs gets forbidden and nothing changes", async ({
  page,
  browser,
}) => {
  await startWorkspace(page, "Carla Crafted", specSandbox().key);
  const workspaceId = await page.locator('input[name="workspaceId"]').first().inputValue();

  await page.goto("/settings/members");
  await page.getByLabel("Role for the new member").selectOption("viewer");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByLabel("Invite link").inputValue();

  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  await signUp(
    viewerPage,
    newAccount("Victor Viewer"),
    `/sign-up?invite=${link.split("/invite/")[1]}`,
  );
  await expect(viewerPage).toHaveURL(/\/home$/);

  const attempts: [string, Record<string, string>][] = [
    ["saveApiKeyAction", { workspaceId, apiKey: "pp_attacker_key_9999" }],
    ["removeApiKeyAction", { workspaceId }],
    [
      "updateWorkspaceSettingsAction",
      { workspaceId, name: "Taken over", timezone: "UTC", tiktokAuditStatus: "audited" },
    ],
    ["createInviteAction", { workspaceId, role: "editor" }],
  ];
  for (const [name, input] of attempts) {
    const result = await callAction(viewerPage.request, name, [input]);
    expect(result.status, name).toBe(200);
    expect(result.body, name).toContain('"code":"forbidden"');
  }
  // Signed out, the same call is refused as unauthorized.
  const anonymous = await browser.newContext();
  expect(
    (await callAction(anonymous.request, "removeApiKeyAction", [{ workspaceId }])).body,
  ).toContain('"code":"unauthorized"');
  await anonymous.close();
  await viewerContext.close();

  await page.goto("/settings");
  await expect(page.getByTestId("saved-key")).toHaveText(`••••${specSandbox().key.slice(-4)}`);
  await expect(page.getByLabel("Workspace name")).toHaveValue("Carla's workspace");
  await page.goto("/settings/members");
  await expect(page.getByText("No pending invites.")).toBeVisible();
});
