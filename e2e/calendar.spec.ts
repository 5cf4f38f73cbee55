import path from "node:path";
import { expect, test } from "@playwright/test";
import { callAction } from "./support/actions";
import { sandboxPostsWithCaption as sandboxPosts, specSandbox } from "./support/sandbox";
import {
  expectNoSeriousA11yViolations,
  newAccount,
  saveApiKey,
  screenshotBothSizes,
  signUp,
  pointAtCalendarEntry,
} from "./support/helpers";

const fixture = (name: string) => path.resolve("e2e/fixtures/media", name);
const shots = path.resolve(".data/calendar-screenshots");

// The browser sits in Tokyo while the workspace reads UTC: what is dropped on is the workspace's
// wall clock, never the browser's.
test.use({ timezoneId: "Asia/Tokyo" });

test("calendar: entries in the workspace zone, keyboard Move to…, week drag, filters", async ({
  page,
}) => {
  test.setTimeout(300_000);
  // Opens like media.spec (sign up, save the key), spelled out: it checks the landing on Home.
  await signUp(page, newAccount("Cal Endar"));
  await expect(page).toHaveURL(/\/home$/);
  await saveApiKey(page, specSandbox().key);
  await expect(page.getByTestId("saved-key")).toBeVisible();
  // The workspace was created in the browser's zone (Tokyo); it reads UTC from here on.
  await page.goto("/settings");
  const workspaceId = await page.locator('input[name="workspaceId"]').first().inputValue();
  const saved = await callAction(page.request, "updateWorkspaceSettingsAction", [
    { workspaceId, name: "Calendar", timezone: "UTC", tiktokAuditStatus: "unknown" },
  ]);
  expect(saved.body).toContain('"ok":true');

  const caption = `Calendar post ${Date.now()}`;
  await page.goto("/compose?at=2030-07-01T09:30");
  await expect(page.getByLabel("Date and time")).toHaveValue("2030-07-01T09:30");
  await page.getByLabel("@acmecoffee", { exact: false }).first().check();
  await page
    .getByLabel("Choose files to upload")
    .setInputFiles([fixture("video-valid-720x1280.mp4")]);
  await expect(
    page.getByRole("list", { name: /Media of the post/ }).getByRole("listitem"),
  ).toHaveCount(1, { timeout: 30_000 });
  await page.getByRole("textbox", { name: "Caption" }).fill(caption);
  await page.getByRole("radio", { name: "Followers only", exact: true }).check();
  await page.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(page).toHaveURL(/\/posts\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const postUrl = page.url();
  await expect
    .poll(async () => (await sandboxPosts("grp_acme", caption))[0]?.status, { timeout: 20_000 })
    .toBe("scheduled");

  // Month view keeps its range in the URL; the entry shows at 9:30 AM UTC.
  await page.goto("/calendar?view=month&date=2030-07-01");
  await expect(page.getByText("Times in")).toContainText("UTC");
  const entry = page.getByRole("link", { name: new RegExp(`Scheduled, .*9:30 AM: ${caption}`) });
  await expect(entry.filter({ visible: true }).first()).toBeVisible({ timeout: 20_000 });
  await screenshotBothSizes(page, shots, "month");
  await page.setViewportSize({ width: 1440, height: 900 });
  // An entry is its link and its Move to… button, not a button around them.
  await expectNoSeriousA11yViolations(page);

  // A keyboard user's focus on an entry survives a pointer reaching the board: dragging arrives
  // and the board is drawn again, and the new copy of the focused button takes the focus.
  await page.mouse.move(0, 0);
  await page.reload();
  const board = page.locator(".postdeck-calendar");
  const moveButton = page.getByRole("button", { name: /^Move to…/ }).first();
  await moveButton.focus();
  await expect(board).not.toHaveAttribute("data-drag", "ready");
  await moveButton.hover();
  await expect(board).toHaveAttribute("data-drag", "ready");
  await expect(moveButton).toBeFocused();

  // Keyboard: the Move to… dialog, a bad time refused at its field, then a real move.
  await page
    .getByRole("button", { name: /^Move to…/ })
    .first()
    .focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Move post to…" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Date")).toHaveValue("2030-07-01");
  await dialog.getByLabel("Date").fill("2020-01-01");
  await dialog.getByRole("button", { name: "Move" }).click();
  await expect(dialog.getByText("Pick a time at least 6 minutes from now.")).toBeVisible();
  await screenshotBothSizes(page, shots, "move-dialog-error");
  await page.setViewportSize({ width: 1440, height: 900 });
  await dialog.getByLabel("Date").fill("2030-07-03");
  await dialog.getByLabel(/Time/).fill("11:15");
  await dialog.getByRole("button", { name: "Move" }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Undo" })).toBeVisible();
  await expect
    .poll(async () => (await sandboxPosts("grp_acme", caption))[0]?.scheduled_at, {
      timeout: 20_000,
    })
    .toMatch(/^2030-07-03T11:15:00/);

  // Week view: drag the 11:15 entry by its top edge to Thursday's 14:00 slot: a move of a day and
  // three hours in the workspace's wall clock (UTC), so the sandbox receives 14:15Z. A tall
  // window, so the entry (11:15) and the 14:00 slot are both on screen for the mouse.
  await page.setViewportSize({ width: 1440, height: 1400 });
  await page.goto("/calendar?view=week&date=2030-07-03");
  const moved = page.locator(`[data-entry-id]`).filter({ hasText: caption, visible: true }).first();
  await expect(moved).toBeVisible({ timeout: 20_000 });
  const slot = page.locator('[data-time="14:00:00"]').first();
  const thursday = page.locator('[data-date="2030-07-04"]').first();
  const from = await moved.boundingBox();
  const slotBox = await slot.boundingBox();
  const dayBox = await thursday.boundingBox();
  if (!from || !slotBox || !dayBox) throw new Error("week grid not laid out");
  await pointAtCalendarEntry(page, { x: from.x + 20, y: from.y + 5 });
  await page.mouse.down();
  await page.mouse.move(from.x + 40, from.y + 40, { steps: 5 });
  await page.mouse.move(dayBox.x + dayBox.width / 2, slotBox.y + 4, { steps: 15 });
  await page.mouse.up();
  await expect
    .poll(async () => (await sandboxPosts("grp_acme", caption))[0]?.scheduled_at, {
      timeout: 30_000,
    })
    .toMatch(/^2030-07-04T14:15:00/);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(postUrl);
  await expect(page.getByText(/Jul 4, 2030, 2:15 PM/).first()).toBeVisible({ timeout: 20_000 });

  // Filters: a status not held hides the entry; the URL keeps it.
  await page.goto("/calendar?view=week&date=2030-07-03&statuses=published");
  await expect(page.getByText("Statuses (1)")).toBeVisible();
  await expect(page.locator(`[data-entry-id]`).filter({ hasText: caption })).toHaveCount(0, {
    timeout: 20_000,
  });
  await page.goto("/calendar?view=agenda&date=2030-07-03");
  await expect(
    page.locator(`[data-entry-id]`).filter({ hasText: caption, visible: true }).first(),
  ).toBeVisible({
    timeout: 20_000,
  });
  await screenshotBothSizes(page, shots, "agenda");
  await page.setViewportSize({ width: 1440, height: 900 });
  // Enter on an entry opens the post.
  await page
    .getByRole("link", { name: new RegExp(`Scheduled, .*: ${caption}`) })
    .filter({ visible: true })
    .first()
    .focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(postUrl);
});
