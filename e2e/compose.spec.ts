import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { e2e } from "./support/config";
import { newAccount, saveApiKey, signUp } from "./support/helpers";

const fixture = (name: string) => path.resolve("e2e/fixtures/media", name);

async function startWorkspace(page: Page, name: string, audit?: RegExp) {
  await signUp(page, newAccount(name));
  await expect(page).toHaveURL(/\/home$/);
  await saveApiKey(page, e2e.sandboxKey);
  await expect(page.getByTestId("saved-key")).toBeVisible();
  if (audit) {
    await page.getByLabel(audit).check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Workspace settings saved.")).toBeVisible();
  }
  await page.goto("/compose");
  await expect(page.getByRole("heading", { name: "Compose", exact: true })).toBeVisible();
}

async function upload(page: Page, names: string[]) {
  await page.getByLabel("Choose files to upload").setInputFiles(names.map(fixture));
  const list = page.getByRole("list", { name: /Photos in post order|Media of the post/ });
  await expect(list.getByRole("listitem")).toHaveCount(names.length, { timeout: 30_000 });
}

/** Both sizes, saved in the test's output folder (attached to the report). */
async function shoot(page: Page, testInfo: TestInfo, name: string) {
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

const privacy = (page: Page, label: string) =>
  page.getByRole("radio", { name: label, exact: true });

test("unaudited workspace: only Only me, with the reason; Branded content refused", async ({
  page,
}) => {
  await startWorkspace(page, "Uma Unaudited", /Unaudited/);
  await expect(privacy(page, "Only me")).toBeEnabled();
  for (const label of ["Everyone", "Mutual followers", "Followers only"])
    await expect(privacy(page, label)).toBeDisabled();
  await expect(
    page.getByText("Your workspace's TikTok app is unaudited: TikTok only accepts “Only me” posts"),
  ).toBeVisible();
  await page.getByLabel("Disclose commercial content").check();
  await expect(page.getByLabel("Branded content")).toBeDisabled();
  await expect(
    page.getByText("Branded content visibility cannot be set to private."),
  ).toBeVisible();
});

test("unknown audit status + Everyone warns with a link to the setting", async ({ page }) => {
  await startWorkspace(page, "Ulla Unknown", /Unknown/);
  await expect(page.getByRole("radio", { checked: true })).toHaveCount(1); // only "Publish now"
  await privacy(page, "Everyone").check();
  const warning = page.getByText(
    /TikTok rejects public posts from unaudited or sandbox TikTok apps/,
  );
  await expect(warning).toBeVisible();
  await expect(
    page.getByRole("link", { name: "Check the audit status in Settings" }),
  ).toHaveAttribute("href", "/settings#audit-status");
  await privacy(page, "Followers only").check();
  await expect(warning).toHaveCount(0);
});

test("disclosure rules: blocker, labels, Branded ⟂ Only me, consent line", async ({
  page,
}, testInfo) => {
  await startWorkspace(page, "Dora Disclosure");
  const publish = page.getByRole("button", { name: "Publish now" });
  const consent = page.getByTestId("consent-line");
  await expect(consent).toHaveText("By posting, you agree to TikTok's Music Usage Confirmation");
  await expect(page.getByLabel("Your brand")).toHaveCount(0);
  for (const label of ["Allow comments", "Allow Duet", "Allow Stitch", "AI-generated content"])
    await expect(page.getByLabel(label)).not.toBeChecked();

  await page.getByLabel("Disclose commercial content").check();
  const blocker = "You need to indicate if your content promotes yourself, a third party, or both.";
  await expect(page.getByText(blocker).first()).toBeVisible();
  await expect(publish).toBeDisabled();

  await page.getByLabel("Your brand").check();
  await expect(publish).toBeEnabled();
  await expect(page.getByTestId("disclosure-label")).toHaveText(
    "Your photo/video will be labeled as 'Promotional content'",
  );
  await page.getByLabel("Branded content").check();
  await expect(page.getByTestId("disclosure-label")).toHaveText(
    "Your photo/video will be labeled as 'Paid partnership'",
  );
  await expect(consent).toHaveText(
    "By posting, you agree to TikTok's Branded Content Policy and Music Usage Confirmation",
  );
  await expect(consent.getByRole("link", { name: "Branded Content Policy" })).toHaveAttribute(
    "href",
    /tiktok\.com\/legal\/page\/global\/bc-policy/,
  );
  await expect(privacy(page, "Only me")).toBeDisabled();
  await expect(
    page.getByText("Branded content visibility cannot be set to private."),
  ).toBeVisible();
  await shoot(page, testInfo, "composer-disclosure-open");

  await page.getByLabel("Branded content").uncheck();
  await privacy(page, "Only me").check();
  await expect(page.getByLabel("Branded content")).toBeDisabled();
  await page.getByLabel("Your brand").uncheck();
  await expect(publish).toBeDisabled();
  await page.getByLabel("Disclose commercial content").uncheck();
  await expect(publish).toBeEnabled();
});

test("a draft autosaves and comes back after a reload", async ({ page }) => {
  await startWorkspace(page, "Rita Reload");
  await page.getByLabel("acmecoffee").check();
  await upload(page, ["video-valid-720x1280.mp4"]);
  await page
    .getByRole("textbox", { name: "Caption" })
    .fill("Morning brew ☕ #coffee @acme\nSecond line");
  await privacy(page, "Followers only").check();
  await page.getByLabel("Allow comments").check();
  await page.getByLabel("Schedule").check();
  await page.getByLabel("Date and time").fill("2030-06-01T09:30");
  await expect(page.getByTestId("save-indicator")).toHaveText("Saved", { timeout: 15_000 });
  await expect(page).toHaveURL(/\/compose\?post=[0-9a-f-]{36}$/);

  await page.reload();
  await expect(page.getByRole("textbox", { name: "Caption" })).toHaveValue(
    "Morning brew ☕ #coffee @acme\nSecond line",
  );
  await expect(privacy(page, "Followers only")).toBeChecked();
  await expect(page.getByLabel("Allow comments")).toBeChecked();
  await expect(page.getByLabel("Allow Duet")).not.toBeChecked();
  await expect(page.getByLabel("Date and time")).toHaveValue("2030-06-01T09:30");
  await expect(page.getByRole("listitem", { name: "video-valid-720x1280.mp4" })).toBeVisible();
});
