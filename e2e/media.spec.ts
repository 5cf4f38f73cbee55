// Steps (sign up, start a workspace, open, fill, check) repeat across specs on purpose: each test
// reads as the journey it checks; steps every spec needs live in support/helpers.ts.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { e2e } from "./support/config";
import { newAccount, signUp } from "./support/helpers";

const fixtures = path.resolve("e2e/fixtures/media");
const fixture = (name: string) => path.join(fixtures, name);
const shots = path.resolve(".data/media-screenshots");

/** A valid MP4 padded to `mb` megabytes, so an upload lasts long enough to pause and cancel it. */
function paddedVideo(name: string, mb: number): string {
  mkdirSync(shots, { recursive: true });
  const file = path.join(e2e.dataDir, name);
  const video = readFileSync(fixture("video-valid-720x1280.mp4"));
  writeFileSync(file, Buffer.concat([video, Buffer.alloc(mb * 1024 * 1024 - video.length, 1)]));
  return file;
}

async function throttleUploads(page: Page, bytesPerSecond: number) {
  // The uploader loads on demand: network emulation switched on while its code is still on its
  // way stalled that request once in CI, so it starts once the uploader is there.
  await expect(page.getByLabel("Choose files to upload")).toBeAttached({ timeout: 30_000 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
  return cdp;
}

/** Opens a file's details over the grid. */
async function openDetails(page: Page, name: string) {
  await page.getByRole("button", { name: `Details of ${name}` }).click();
  const dialog = page.getByRole("dialog", { name });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function screenshot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: path.join(shots, `${name}-1440.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(shots, `${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("upload a video and five photos, see verdicts and thumbnails, convert a PNG, delete", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUp(page, newAccount("Mia Media"));
  await expect(page).toHaveURL(/\/home$/);
  await page.getByRole("link", { name: "Media" }).click();
  await expect(page.getByRole("heading", { name: "Media", exact: true })).toBeVisible();
  await expect(page.getByText("No media yet")).toBeVisible();

  await page
    .getByLabel("Choose files to upload")
    .setInputFiles([
      fixture("video-valid-720x1280.mp4"),
      fixture("photo-1-720x900.jpg"),
      fixture("photo-2-720x900.jpg"),
      fixture("photo-animated-160x200.gif"),
      fixture("photo-rejected-320x400.png"),
      fixture("photo-rejected-320x400.webp"),
    ]);
  // A finished upload's row clears once its file is in the library; every file gets there.
  const library = page.getByRole("list", { name: "Media files" });
  for (const name of [
    "video-valid-720x1280.mp4",
    "photo-1-720x900.jpg",
    "photo-2-720x900.jpg",
    "photo-animated-160x200.gif",
    "photo-rejected-320x400.png",
    "photo-rejected-320x400.webp",
  ])
    await expect(library.getByRole("listitem", { name, exact: true })).toBeVisible({
      timeout: 30_000,
    });

  const video = library.getByRole("listitem", { name: "video-valid-720x1280.mp4" });
  await expect(video.getByText("Ready for TikTok")).toBeVisible();
  let details = await openDetails(page, "video-valid-720x1280.mp4");
  await expect(details.getByText("MP4 video · 9.7 KB · 3.5 s · 720×1280 · 24 fps")).toBeVisible();
  // The poster frame the browser captured while uploading.
  await expect(
    details.getByRole("img", { name: "Thumbnail of video-valid-720x1280.mp4" }),
  ).toBeVisible();
  await expect(details.getByRole("link", { name: "Use in a new post" })).toHaveAttribute(
    "href",
    /\/compose\?media=[0-9a-f-]{36}$/,
  );
  await details.getByRole("button", { name: "Close" }).click();
  for (const name of ["photo-1-720x900.jpg", "photo-2-720x900.jpg", "photo-animated-160x200.gif"]) {
    const card = library.getByRole("listitem", { name });
    await expect(card.getByText("Ready for TikTok")).toBeVisible();
    const img = card.locator("img");
    await expect(img).toHaveAttribute("loading", "lazy");
    await img.scrollIntoViewIfNeeded();
    await expect
      .poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth))
      .toBeGreaterThan(0);
  }
  const png = library.getByRole("listitem", { name: "photo-rejected-320x400.png" });
  await expect(png.getByText("TikTok won’t take it")).toBeVisible();
  const axe = await new AxeBuilder({ page }).include("main").analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
  await screenshot(page, "media-library");

  details = await openDetails(page, "photo-rejected-320x400.png");
  await expect(
    details.getByText("PNG photo — TikTok takes JPEG or GIF photos; convert it to JPEG to use it"),
  ).toBeVisible();
  await details.getByRole("button", { name: "Convert to JPEG" }).click();
  await expect(page.getByText("Converted to “photo-rejected-320x400.jpg”")).toBeVisible();
  await details.getByRole("button", { name: "Close" }).click();
  const jpeg = library.getByRole("listitem", { name: "photo-rejected-320x400.jpg" });
  await expect(jpeg.getByText("Ready for TikTok")).toBeVisible();
  details = await openDetails(page, "photo-rejected-320x400.jpg");
  await expect(details.getByText("Converted from photo-rejected-320x400.png")).toBeVisible();
  await details.getByRole("button", { name: "Close" }).click();
  await expect(png).toBeVisible();

  const cards = library.locator(":scope > li");
  await page.getByLabel("Kind").selectOption("video");
  await expect(page).toHaveURL(/kind=video$/);
  await expect(cards).toHaveCount(1);
  await page.getByLabel("Kind").selectOption("image");
  await expect(page).toHaveURL(/kind=image$/);
  await expect(cards).toHaveCount(6);

  details = await openDetails(page, "photo-rejected-320x400.png");
  await details.getByRole("button", { name: "Delete photo-rejected-320x400.png" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete “photo-rejected-320x400.png”?" });
  await expect(dialog).toBeVisible();
  await screenshot(page, "media-delete-dialog");
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByText("Deleted “photo-rejected-320x400.png”.")).toBeVisible();
  await expect(png).toHaveCount(0);
});

test("pause and resume one upload, cancel another, and see fake videos refused", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const slow = paddedVideo("slow-clip.mp4", 6);
  const dropped = paddedVideo("dropped-clip.mp4", 6);
  await signUp(page, newAccount("Paul Pause"));
  await expect(page).toHaveURL(/\/home$/);
  await page.goto("/media");
  const cdp = await throttleUploads(page, 400 * 1024);

  await page.getByLabel("Choose files to upload").setInputFiles([slow, dropped]);
  const slowBar = page.getByRole("progressbar", { name: "Progress of slow-clip.mp4" });
  const slowRow = page.getByRole("listitem", { name: "Upload of slow-clip.mp4" });
  await expect(slowRow.getByText(/KB\/s|MB\/s/)).toBeVisible();
  await expect(slowRow.getByText(/s left/)).toBeVisible();
  await expect
    .poll(async () => Number(await slowBar.getAttribute("aria-valuenow")), { timeout: 30_000 })
    .toBeGreaterThan(0);

  const droppedRow = page.getByRole("listitem", { name: "Upload of dropped-clip.mp4" });
  await droppedRow.getByRole("button", { name: "Cancel dropped-clip.mp4" }).click();
  await expect(droppedRow.getByText("Cancelled")).toBeVisible();

  await slowRow.getByRole("button", { name: "Pause slow-clip.mp4" }).click();
  await expect(slowRow.getByText("Paused")).toBeVisible();
  const pausedAt = Number(await slowBar.getAttribute("aria-valuenow"));
  await page.waitForTimeout(1500);
  expect(Number(await slowBar.getAttribute("aria-valuenow"))).toBe(pausedAt);
  expect(pausedAt).toBeLessThan(100);
  await screenshot(page, "media-uploads-paused");

  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await slowRow.getByRole("button", { name: "Resume slow-clip.mp4" }).click();
  await expect(slowRow.getByText("Uploaded")).toBeVisible({ timeout: 60_000 });
  const library = page.getByRole("list", { name: "Media files" });
  await expect(library.getByRole("listitem", { name: "slow-clip.mp4" })).toBeVisible();
  await expect(library.getByRole("listitem", { name: "dropped-clip.mp4" })).toHaveCount(0);

  await page
    .getByLabel("Choose files to upload")
    .setInputFiles([fixture("text-renamed.mp4"), fixture("png-named-video.mp4")]);
  const fake = page.getByRole("listitem", { name: "Upload of text-renamed.mp4" });
  await expect(fake.getByText("Refused")).toBeVisible();
  await expect(fake.getByRole("alert")).toHaveText(
    "The file's contents are not a video or photo TikTok knows — TikTok takes MP4, MOV, AVI or WebM videos and JPEG or GIF photos",
  );
  const pngAsVideo = library.getByRole("listitem", { name: "png-named-video.mp4" });
  await expect(pngAsVideo.getByText("TikTok won’t take it")).toBeVisible();
  const details = await openDetails(page, "png-named-video.mp4");
  await expect(details.getByText("PNG photo · 2.9 KB · 320×400")).toBeVisible();
  await screenshot(page, "media-refused");
});

test("after a reload, picking the same file again resumes the unfinished upload", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const file = paddedVideo("reload-clip.mp4", 6);
  await signUp(page, newAccount("Rita Reload"));
  await expect(page).toHaveURL(/\/home$/);
  await page.goto("/media");
  await throttleUploads(page, 400 * 1024);
  await page.getByLabel("Choose files to upload").setInputFiles(file);
  const bar = page.getByRole("progressbar", { name: "Progress of reload-clip.mp4" });
  await expect
    .poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(20);

  await page.reload();
  const unfinished = page.getByRole("region", { name: "Unfinished uploads" });
  await expect(unfinished.getByText("reload-clip.mp4 · 6 MB")).toBeVisible();
  await page.getByLabel("Choose files to upload").setInputFiles(file);
  const row = page.getByRole("listitem", { name: "Upload of reload-clip.mp4" });
  await expect(row.getByText("(resumed)")).toBeVisible();
  await expect
    .poll(async () => Number(await bar.getAttribute("aria-valuenow")))
    .toBeGreaterThanOrEqual(20);

  // The connection drops for a few seconds: tus-js-client retries and the upload still completes.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: true,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await page.waitForTimeout(2500);
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await expect(row.getByText("Uploaded")).toBeVisible({ timeout: 60_000 });
  const details = await openDetails(page, "reload-clip.mp4");
  await expect(details.getByText("MP4 video · 6 MB · 3.5 s · 720×1280 · 24 fps")).toBeVisible();
  await details.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("region", { name: "Unfinished uploads" })).toHaveCount(0);
});

test("a viewer sees the files but no upload, convert or delete controls", async ({
  page,
  browser,
}) => {
  await signUp(page, newAccount("Olga Owner"));
  await expect(page).toHaveURL(/\/home$/);
  await page.goto("/media");
  await page
    .getByLabel("Choose files to upload")
    .setInputFiles(fixture("photo-rejected-320x400.png"));
  await expect(
    page
      .getByRole("listitem", { name: "photo-rejected-320x400.png" })
      .getByText("TikTok won’t take it"),
  ).toBeVisible();
  await page.goto("/settings/members");
  await page.getByLabel("Role for the new member").selectOption("viewer");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByLabel("Invite link").inputValue();

  const context = await browser.newContext();
  const viewerPage = await context.newPage();
  await viewerPage.goto(link);
  await viewerPage.getByRole("link", { name: "Create an account and join" }).click();
  const viewer = newAccount("Vic Viewer");
  await viewerPage.getByLabel("Your name").fill(viewer.name);
  await viewerPage.getByLabel("Work email").fill(viewer.email);
  await viewerPage.getByLabel("Password").fill(viewer.password);
  await viewerPage.getByRole("button", { name: "Create account" }).click();
  await expect(viewerPage).toHaveURL(/\/home$/);
  await viewerPage.goto("/media");
  const card = viewerPage.getByRole("listitem", { name: "photo-rejected-320x400.png" });
  await expect(card).toBeVisible();
  await expect(card.getByLabel("Select photo-rejected-320x400.png")).toHaveCount(0);
  const details = await openDetails(viewerPage, "photo-rejected-320x400.png");
  await expect(
    details.getByRole("img", { name: "Thumbnail of photo-rejected-320x400.png" }),
  ).toBeVisible();
  await expect(viewerPage.getByLabel("Choose files to upload")).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: "Convert to JPEG" })).toHaveCount(0);
  await screenshot(viewerPage, "media-viewer");
  await context.close();
});
