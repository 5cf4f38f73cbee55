import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { specSandbox } from "./support/sandbox";
import { startWorkspace } from "./support/helpers";

const fixture = (name: string) => path.resolve("e2e/fixtures/media", name);
const [p1, p2, p3] = ["photo-1-720x900.jpg", "photo-2-720x900.jpg", "photo-3-720x900.jpg"];

async function startComposer(page: Page, name: string) {
  await startWorkspace(page, name, specSandbox().key);
  await page.goto("/compose");
  await expect(page.getByRole("heading", { name: "Compose", exact: true })).toBeVisible();
}

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    await page.getByRole("list", { name: "Photos in post order" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

const photoList = (page: Page) => page.getByRole("list", { name: "Photos in post order" });

async function expectOrder(page: Page, names: string[]) {
  await expect
    .poll(() =>
      photoList(page)
        .getByRole("listitem")
        .evaluateAll((items) => items.map((li) => li.getAttribute("aria-label"))),
    )
    .toEqual(names);
}

/** One at a time: files join the post in the order their uploads finish. */
async function uploadPhotos(page: Page, names: string[]) {
  for (const name of names) {
    await page.getByLabel("Choose files to upload").setInputFiles(fixture(name));
    await expect(photoList(page).getByRole("listitem", { name, exact: true })).toBeVisible({
      timeout: 30_000,
    });
  }
}

test("photos reorder by keyboard and buttons, the cover follows its photo, the preview opens on it", async ({
  page,
}, testInfo) => {
  await startComposer(page, "Kim Keys");
  await uploadPhotos(page, [p1, p2, p3]);
  await expect(page.getByText("Photo post · 3 of 35")).toBeVisible();
  await expect(page.getByRole("radio", { name: `Cover: ${p1}` })).toBeChecked();

  await page.getByRole("radio", { name: `Cover: ${p2}` }).check();
  const preview = page.getByRole("figure", { name: "Preview on TikTok" });
  await expect(preview.getByRole("img", { name: `Photo 2 of 3: ${p2}` })).toBeVisible();

  // Keyboard drag and drop: Space picks the photo up, arrows move it, Space drops it.
  const handle = page.getByRole("button", { name: `Drag ${p2} to reorder` });
  await handle.focus();
  await page.keyboard.press("Space");
  await expect(handle).toHaveAttribute("aria-pressed", "true");
  await expect(
    page.getByRole("status").filter({ hasText: `${p2} is over position 2 of 3` }),
  ).toBeAttached();
  await page.keyboard.press("ArrowRight");
  await expect(
    page.getByRole("status").filter({ hasText: `${p2} is over position 3 of 3` }),
  ).toBeAttached();
  await page.keyboard.press("Space");
  await expectOrder(page, [p1, p3, p2]);
  await expect(page.getByRole("radio", { name: `Cover: ${p2}` })).toBeChecked();
  await expect(preview.getByRole("img", { name: `Photo 3 of 3: ${p2}` })).toBeVisible();

  // The phone-friendly buttons do the same.
  await page.getByRole("button", { name: `Move ${p1} right` }).click();
  await expectOrder(page, [p3, p1, p2]);
  await expect(page.getByRole("radio", { name: `Cover: ${p2}` })).toBeChecked();

  // The carousel steps through the photos from the cover.
  await preview.getByRole("button", { name: "Previous photo" }).click();
  await expect(preview.getByRole("img", { name: `Photo 2 of 3: ${p1}` })).toBeVisible();

  // Removing a photo before the cover keeps the cover on its photo.
  await page.getByRole("button", { name: `Remove ${p3}` }).click();
  await expectOrder(page, [p1, p2]);
  await expect(page.getByRole("radio", { name: `Cover: ${p2}` })).toBeChecked();

  // The removed photo is still in the library and comes back from it.
  await page.getByRole("button", { name: "Choose from library" }).click();
  const dialog = page.getByRole("dialog", { name: "Choose from library" });
  await expect(dialog.getByRole("checkbox", { name: new RegExp(p1) })).toBeDisabled();
  await dialog.getByRole("checkbox", { name: new RegExp(p3) }).check();
  await dialog.getByRole("button", { name: "Add 1 file" }).click();
  await expect(dialog).toBeHidden();
  await expectOrder(page, [p1, p2, p3]);
  await expect(page.getByText("Photo post · 3 of 35")).toBeVisible();
  await shoot(page, testInfo, "compose-media-photos");
});

test("the caption counts UTF-16 units, highlights tags and shows TikTok's fold in the preview", async ({
  page,
}) => {
  await startComposer(page, "Cai Caption");
  const caption = page.getByRole("textbox", { name: "Caption" });
  await caption.fill("Launch day 🚀 #spring @northwind\nSecond line");
  // 🚀 is two UTF-16 code units: 12 + 2 + 30 = 44.
  await expect(page.getByText("44 / 2,200")).toBeVisible();
  await expect(page.locator('mark[data-token="hashtag"]')).toHaveText("#spring");
  await expect(page.locator('mark[data-token="mention"]')).toHaveText("@northwind");
  const preview = page.getByRole("figure", { name: "Preview on TikTok" });
  await expect(preview.getByText("Second line", { exact: false })).toBeVisible();

  await caption.fill(`${"🙂".repeat(1100)}!`);
  await expect(page.getByText("2,201 / 2,200")).toBeVisible();
  await expect(caption).toHaveAttribute("aria-invalid", "true");
  await preview.getByRole("button", { name: "more" }).click();
  await expect(preview.getByRole("button", { name: "less" })).toHaveAttribute(
    "aria-expanded",
    "true",
  );
});
