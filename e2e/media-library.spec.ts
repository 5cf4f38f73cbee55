// Steps (sign up, start a workspace, open, fill, check) repeat across specs on purpose: each test
// reads as the journey it checks; steps every spec needs live in support/helpers.ts.
import { expect, test } from "@playwright/test";
import { e2e } from "./support/config";
import {
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  fixture,
  inTwoHours,
  startWorkspace,
} from "./support/helpers";

const [p1, p2, p3] = ["photo-1-720x900.jpg", "photo-2-720x900.jpg", "photo-3-720x900.jpg"];

test("search and filter in the URL, two files start a post in the order ticked, a scheduled post's file is kept with the reason", async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  await startWorkspace(page, "Lina Library", e2e.sandboxKey);
  await page.goto("/media");
  await page
    .getByLabel("Choose files to upload")
    .setInputFiles([fixture(p1), fixture(p2), fixture(p3), fixture("video-valid-720x1280.mp4")]);
  const grid = page.getByRole("list", { name: "Media files" });
  for (const name of [p1, p2, p3])
    await expect(grid.getByRole("listitem", { name })).toBeVisible({ timeout: 30_000 });
  await expect(grid.getByRole("listitem", { name: "video-valid-720x1280.mp4" })).toBeVisible();

  // Search by name and a filter land in the URL, survive a reload and narrow the grid.
  await page.getByRole("searchbox", { name: "Search by file name" }).fill("photo-2");
  await expect(page).toHaveURL(/[?&]q=photo-2(&|$)/);
  await expect(grid.getByRole("listitem")).toHaveCount(1);
  await page.goto("/media?kind=video");
  await expect(page.getByLabel("Kind")).toHaveValue("video");
  await expect(grid.getByRole("listitem")).toHaveCount(1);
  await page.getByLabel("Kind").selectOption("image");
  await expect(page).toHaveURL(/[?&]kind=image(&|$)/);
  await expect(grid.getByRole("listitem")).toHaveCount(3);
  await page.getByLabel("Sort").selectOption("name");
  await expect(page).toHaveURL(/kind=image&sort=name/);
  await page.reload();
  await expect(page.getByLabel("Sort")).toHaveValue("name");
  await expect
    .poll(() =>
      grid.getByRole("listitem").evaluateAll((li) => li.map((l) => l.getAttribute("aria-label"))),
    )
    .toEqual([p1, p2, p3]);

  // The details open over the grid with the whole name; closing them keeps the place.
  await grid.getByRole("button", { name: `Details of ${p2}` }).click();
  const details = page.getByRole("dialog", { name: p2 });
  await expect(details.getByText("Ready for TikTok")).toBeVisible();
  await details.getByRole("button", { name: "Close" }).click();
  await expect(details).toHaveCount(0);

  // Ticked p3 then p1: the composer gets them in that order.
  await page.getByLabel(`Select ${p3}`).check();
  await page.getByLabel(`Select ${p1}`).check();
  await expect(page.getByText("2 files selected")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: testInfo.outputPath("media-selected-390.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole("link", { name: "New post with these" }).click();
  await expect(page).toHaveURL(/\/compose\?media=[0-9a-f-]{36},[0-9a-f-]{36}$/);
  const photos = page.getByRole("list", { name: "Photos in post order" });
  // The sortable list's code loads with the first files; slow machines take a while.
  await expect(photos.getByRole("listitem", { name: p1 })).toBeVisible({ timeout: 30_000 });
  await expect
    .poll(() =>
      photos.getByRole("listitem").evaluateAll((li) => li.map((l) => l.getAttribute("aria-label"))),
    )
    .toEqual([p3, p1]);

  // Schedule that post; its files can no longer be deleted, and the dialog says why.
  await page.getByLabel("@acmecoffee").check();
  await page.getByRole("textbox", { name: "Caption" }).fill("Two roasts");
  await page.getByRole("radio", { name: "Followers only", exact: true }).check();
  await page.getByLabel("Schedule", { exact: true }).check();
  await page.getByLabel("Date and time").fill(await inTwoHours(page));
  await page.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(page).toHaveURL(/\/posts\/[0-9a-f-]{36}$/, { timeout: 30_000 });

  await page.goto("/media");
  await page.getByLabel(`Select ${p3}`).check();
  await page.getByLabel(`Select ${p2}`).check();
  await page.getByRole("button", { name: "Delete selected" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Delete 2 files?" });
  await confirm.getByRole("button", { name: "Delete", exact: true }).click();
  const kept = page.getByRole("alertdialog", { name: "Some files were kept" });
  await expect(kept.getByRole("alert")).toContainText(
    `“${p3}” is used by a scheduled post. Remove it from that post or cancel the post first.`,
  );
  await expect(page.getByText(`Deleted “${p2}”.`)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("media-delete-refused-1440.png") });
  await kept.getByRole("button", { name: "Close" }).click();
  await expect(kept).toHaveCount(0);
  await expect(grid.getByRole("listitem", { name: p3 })).toBeVisible({ timeout: 30_000 });
  await expect(grid.getByRole("listitem", { name: p2 })).toHaveCount(0);
});
