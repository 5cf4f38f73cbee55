import path from "node:path";
import { expect, test } from "@playwright/test";
import {
  composeWithFile,
  expectNoHorizontalScroll,
  newAccount,
  screenshotBothSizes,
  signUp,
} from "./support/helpers";
import { specSandbox } from "./support/sandbox";

const shots = path.resolve(".data/alerts-screenshots");

test("a publish failure shows in the bell within one sync, and its link opens the post", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const sandbox = specSandbox();
  // The sandbox's TikTok app is unaudited for this profile: a non-private post fails at publish.
  const res = await fetch(`${sandbox.url}/__sandbox/profiles/prof_acme_tiktok/unaudited`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ unaudited: true }),
  });
  expect(res.ok).toBe(true);

  await signUp(page, newAccount("Alma Alerts"));
  await expect(page).toHaveURL(/\/home$/);
  await page.goto("/settings");
  await page.getByLabel("Postproxy API key").fill(sandbox.key);
  await page.getByRole("button", { name: "Check and save key" }).click();
  await expect(page.getByTestId("saved-key")).toBeVisible({ timeout: 20_000 });

  // Settings: a private address is refused at its field and nothing is saved.
  const url = page.getByLabel("Slack-compatible incoming webhook URL");
  await url.fill("https://169.254.169.254/latest");
  await page.getByRole("button", { name: "Save webhook" }).click();
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/private or local/).first()).toBeVisible();
  await expect(page.getByTestId("alert-webhook-state")).toContainText("No webhook is set");
  await screenshotBothSizes(page, shots, "settings-webhook-refused", {
    fullPage: false,
    before: async () => {
      await url.scrollIntoViewIfNeeded();
    },
  });

  await expect(page.getByRole("button", { name: "Alerts", exact: true })).toBeVisible();

  const caption = `Alert me ${Date.now()}`;
  await composeWithFile(page, ["@acmecoffee"], "video-valid-720x1280.mp4");
  await page.getByRole("textbox", { name: "Caption" }).fill(caption);
  await page.getByRole("radio", { name: "Followers only", exact: true }).check();
  await page.getByRole("button", { name: /^Publish/ }).click();
  await expect(page).toHaveURL(/\/posts\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const postUrl = page.url();
  await fetch(`${sandbox.url}/__sandbox/clock/advance`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ seconds: 300 }),
  });

  // The sync (every 2 s here) records the failure; the bell polls its list.
  await page.goto("/home");
  await expect(page.getByRole("button", { name: "Alerts, 1 unread" })).toBeVisible({
    timeout: 60_000,
  });
  await page.getByRole("button", { name: "Alerts, 1 unread" }).click();
  const panel = page.getByRole("region", { name: "Alerts" });
  await expect(panel.getByText(`“${caption}” failed on`)).toBeVisible();
  await expect(panel.getByText(/Who acts:/)).toBeVisible();
  await screenshotBothSizes(page, shots, "bell-open", {
    fullPage: false,
    before: async () => {
      if (!(await panel.isVisible())) await page.getByRole("button", { name: /^Alerts/ }).click();
    },
  });
  if (!(await panel.isVisible())) await page.getByRole("button", { name: /^Alerts/ }).click();
  await panel.getByRole("link", { name: "Open the post" }).click();
  await expect(page).toHaveURL(postUrl);
  // Opening it marked it read.
  await expect(page.getByRole("button", { name: "Alerts", exact: true })).toBeVisible({
    timeout: 15_000,
  });
  await expectNoHorizontalScroll(page);
});
