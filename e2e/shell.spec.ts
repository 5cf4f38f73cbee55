import { expect, test, type Page } from "@playwright/test";
import { specSandbox } from "./support/sandbox";
import { newAccount, signIn, signOut, signUp, workspaceSwitcher } from "./support/helpers";

async function start(page: Page, name: string) {
  const account = newAccount(name);
  await signUp(page, account);
  await expect(page).toHaveURL(/\/home$/);
  return account;
}

async function createSecondWorkspace(page: Page, name: string) {
  await workspaceSwitcher(page).click();
  await page.getByRole("menuitem", { name: "New workspace" }).click();
  await page.getByLabel("Workspace name").fill(name);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/home$/);
  await expect(workspaceSwitcher(page)).toContainText(name);
}

async function switchTo(page: Page, name: string) {
  await workspaceSwitcher(page).click();
  await page.getByRole("menuitem", { name }).click();
}

test("defect 1: unsaved settings never rename the workspace switched to", async ({ page }) => {
  await start(page, "Wanda Twofold");
  // The switcher and the user menu say their visible text in their accessible names.
  await expect(workspaceSwitcher(page)).toHaveAccessibleName(
    /^Wanda's workspace\s*owner\s*, switch workspace$/i,
  );
  await expect(page.getByRole("button", { name: /user menu/i })).toHaveAccessibleName(
    /^Wanda Twofold\s*wanda\.twofold\.\w+@agency\.test\s*, user menu$/,
  );
  await createSecondWorkspace(page, "Second Brand");
  await page.goto("/settings");
  const name = page.getByLabel("Workspace name");
  await expect(name).toHaveValue("Second Brand");

  // Type without saving, then switch workspace in the sidebar: the app asks first.
  await name.fill("Renamed by mistake");
  await switchTo(page, "Wanda's workspace");
  const dialog = page.getByRole("alertdialog", { name: "Discard unsaved changes?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Keep editing" }).click();
  await expect(workspaceSwitcher(page)).toContainText("Second Brand");
  await expect(name).toHaveValue("Renamed by mistake");

  // Discarding switches, and the form is mounted afresh for the other workspace.
  await switchTo(page, "Wanda's workspace");
  await dialog.getByRole("button", { name: "Discard changes" }).click();
  await expect(workspaceSwitcher(page)).toContainText("Wanda's workspace");
  await expect(name).toHaveValue("Wanda's workspace");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Workspace settings saved.")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Workspace name")).toHaveValue("Wanda's workspace");
  await switchTo(page, "Second Brand");
  await expect(page.getByLabel("Workspace name")).toHaveValue("Second Brand");
  await expect(page.getByText("Renamed by mistake")).toHaveCount(0);
});

test("defect 1: a form saves the workspace it shows, even after a switch in another tab", async ({
  page,
  context,
}) => {
  await start(page, "Tess Tabs");
  await createSecondWorkspace(page, "Tab Brand");
  await page.goto("/settings");
  await page.getByLabel("Workspace name").fill("Tab Brand Renamed");

  const other = await context.newPage();
  await other.goto("/home");
  await switchTo(other, "Tess's workspace");
  await expect(workspaceSwitcher(other)).toContainText("Tess's workspace");

  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Workspace settings saved.")).toBeVisible();
  await other.goto("/settings");
  await expect(other.getByLabel("Workspace name")).toHaveValue("Tess's workspace");
  await switchTo(other, "Tab Brand Renamed");
  await expect(other.getByLabel("Workspace name")).toHaveValue("Tab Brand Renamed");
});

test("defect 3: a signed-out deep link survives sign-in", async ({ page }) => {
  const account = newAccount("Dee Link");
  await signUp(page, account);
  await expect(page).toHaveURL(/\/home$/);
  await signOut(page);
  await page.goto("/profiles");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fprofiles$/);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/profiles$/);
  // The callback still goes through the same-origin check.
  await signOut(page);
  await page.goto("/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2F");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/home$/);
});

test("defect 4: focus goes to the first invalid field or the form's alert", async ({ page }) => {
  const account = await start(page, "Fran Focus");
  await page.goto("/settings");
  // Client-side failure.
  await page.getByLabel("Workspace name").fill("");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByLabel("Workspace name")).toBeFocused();
  await expect(page.getByText("Enter a workspace name.")).toBeVisible();
  // Server-side failure at a field (Postproxy refuses the key).
  await page.getByLabel("Postproxy API key").fill("pp_wrong_key_000000");
  await page.getByRole("button", { name: "Check and save key" }).click();
  await expect(page.getByText(/Postproxy refused this key/)).toBeVisible();
  await expect(page.getByLabel("Postproxy API key")).toBeFocused();
  // Server-side failure with no field: the form's alert.
  await signOut(page);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.locator('[role="alert"]').filter({ hasText: "Email or password is incorrect." }),
  ).toBeFocused();
  // Client-side failure on sign-in.
  await page.getByLabel("Email").fill("");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Email")).toBeFocused();
});

test("defect 6: success is a toast that clears itself, not a banner that stays", async ({
  page,
}) => {
  await start(page, "Tina Toast");
  await page.goto("/settings");
  await page.getByLabel("Workspace name").fill("Toast Studio");
  await page.getByRole("button", { name: "Save settings" }).click();
  const toast = page.getByText("Workspace settings saved.");
  await expect(toast).toBeVisible();
  await expect(page.locator("main").getByText("Workspace settings saved.")).toHaveCount(0);
  // Toasts pause while hovered; move the pointer away as a reader would.
  await page.mouse.move(0, 0);
  await expect(toast).toBeHidden({ timeout: 10_000 });
});

test("defect 7: timezone search finds canonical names, aliases first, with offsets", async ({
  page,
}) => {
  await start(page, "Zoe Zones");
  await page.goto("/settings");
  const picker = page.getByRole("combobox", { name: "Default timezone" });
  const search = page.getByPlaceholder(/Search by city/);
  const options = page.getByRole("option");

  await picker.click();
  await search.fill("kolkata");
  await expect(options.first()).toContainText("Asia/Kolkata");
  await expect(options.first()).toContainText("UTC+05:30");
  await expect(options.filter({ hasText: "North_Dakota" })).toHaveCount(0);
  await search.fill("calcutta");
  await expect(options.first()).toContainText("Asia/Kolkata");
  await expect(options.filter({ hasText: "Asia/Calcutta" })).toHaveCount(0);
  await search.fill("kyiv");
  await expect(options.first()).toContainText("Europe/Kyiv");
  await expect(options.filter({ hasText: "Reykjavik" })).toHaveCount(0);
  await search.fill("tokyo");
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText("Asia/Tokyo");
  await search.fill("saigon");
  await expect(options.first()).toContainText("Asia/Ho_Chi_Minh");
  await search.fill("new york");
  await options.first().click();
  // The field spells the zone exactly as the list does.
  await expect(picker).toContainText("America/New_York");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Workspace settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Default timezone" })).toContainText(
    "America/New_York",
  );
});

test.describe("defect 8: dates in the viewer's timezone", () => {
  test.use({ timezoneId: "Asia/Tokyo" });
  test("an invite's expiry is formatted once, in the viewer's zone", async ({ page }) => {
    await start(page, "Dana Dates");
    await page.goto("/settings/members");
    await page.getByRole("button", { name: "Create invite link" }).click();
    await expect(page.getByLabel("Invite link")).toBeVisible();
    const time = page.locator("time").first();
    await expect(time).toBeVisible();
    const iso = (await time.getAttribute("datetime"))!;
    const expected = new Intl.DateTimeFormat("en-US", {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "Asia/Tokyo",
    }).format(new Date(iso));
    await expect(time).toHaveText(expected);
  });
});

test("defect 9: the favicon answers", async ({ request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toContain("image/");
  const svg = await request.get("/icon.svg");
  expect(svg.status()).toBe(200);
});

test("defect 10 and Home: checklist links land in the field that completes each step", async ({
  page,
}) => {
  await start(page, "Hana Home");
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByText("0 of 5 steps done")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Connect Postproxy (not done)" })).toBeVisible();
  await expect(
    page.getByRole("heading", { name: "Schedule your first post (not done)" }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Compose a post" })).toHaveAttribute(
    "href",
    "/compose",
  );

  // From Profiles, "Add the API key" lands in the key field, focused.
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Profiles" })
    .click();
  await page.getByRole("link", { name: "Add the API key" }).click();
  await expect(page).toHaveURL(/\/settings#apiKey$/);
  await expect(page.getByLabel("Postproxy API key")).toBeFocused();
  await page.getByLabel("Postproxy API key").fill(specSandbox().key);
  await page.getByRole("button", { name: "Check and save key" }).click();
  await expect(page.getByTestId("saved-key")).toBeVisible();

  await page.goto("/home");
  await expect(page.getByRole("heading", { name: "Connect Postproxy (done)" })).toBeVisible();
  await expect(
    page.getByRole("heading", { name: "Review your TikTok profiles (done)" }),
  ).toBeVisible();
  await expect(page.getByText("2 of 5 steps done")).toBeVisible();

  await page.getByRole("link", { name: "Set audit status" }).click();
  await expect(page).toHaveURL(/\/settings#audit-status$/);
  await expect(page.getByLabel(/^Audited/)).toBeFocused();
  await page.getByLabel(/^Unaudited/).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Workspace settings saved.")).toBeVisible();

  await page.goto("/home");
  await page.getByRole("link", { name: "Invite someone" }).click();
  await expect(page).toHaveURL(/\/settings\/members#invite$/);
  await expect(page.getByLabel("Role for the new member")).toBeFocused();
  await page.getByRole("button", { name: "Create invite link" }).click();
  await expect(page.getByLabel("Invite link")).toBeVisible();
  await page.goto("/home");
  // Only the first post is left (e2e/posts.spec.ts sends one and sees the step done).
  await expect(page.getByText("4 of 5 steps done")).toBeVisible();
  await expect(
    page.getByRole("heading", { name: "Schedule your first post (not done)" }),
  ).toBeVisible();
});

test("defect 11: sign-up with a taken email says so once, with a sign-in link; spaces are no password", async ({
  page,
}) => {
  const account = newAccount("Sam Signup");
  await signUp(page, account);
  await expect(page).toHaveURL(/\/home$/);
  await signOut(page);

  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Someone Else");
  await page.getByLabel("Work email").fill(account.email);
  await page.getByLabel("Password").fill(" ".repeat(12));
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(
    page.getByText("Use at least 10 characters besides leading or trailing spaces."),
  ).toBeVisible();
  await expect(page.getByLabel("Password")).toBeFocused();

  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists.")).toHaveCount(1);
  await expect(page.getByLabel("Work email")).toBeFocused();
  await page.getByRole("link", { name: "Sign in instead" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, account);
  await expect(page).toHaveURL(/\/home$/);
});
