// Steps (sign up, start a workspace, open, fill, check) repeat across specs on purpose: each test
// reads as the journey it checks; steps every spec needs live in support/helpers.ts.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { sandboxAdmin, specSandbox } from "./support/sandbox";
import {
  confirmDialog,
  expectNoSeriousA11yViolations,
  fixture,
  newAccount,
  screenshotBothSizes,
  signUp,
  startWorkspace,
} from "./support/helpers";

const shots = path.resolve(".data/posts-screenshots");
const processingLine = "TikTok may take a few minutes to process your post.";

// Real-time sandbox during these tests, so nothing is published before the clock is advanced.
test.beforeEach(() => sandboxAdmin("settings", { timeScale: 1 }));
test.afterEach(async () => {
  await sandboxAdmin("settings", { timeScale: 20 });
  await sandboxAdmin("profiles/prof_acme_tiktok/unaudited", { unaudited: false });
});

/** From the composer to the post page: a video (or photos) for both active TikTok profiles. */
async function composePost(
  page: Page,
  caption: string,
  privacy: string,
  scheduleAt?: string,
  files = ["video-valid-720x1280.mp4"],
) {
  await page.goto("/compose");
  await page.getByLabel("@acmecoffee", { exact: false }).first().check();
  await page.getByLabel("@northwind.outdoors", { exact: false }).first().check();
  await page.getByLabel("Choose files to upload").setInputFiles(files.map(fixture));
  await expect(
    page
      .getByRole("list", { name: /Photos in post order|Media of the post/ })
      .getByRole("listitem"),
  ).toHaveCount(files.length, { timeout: 30_000 });
  await page.getByRole("textbox", { name: "Caption" }).fill(caption);
  await page.getByRole("radio", { name: privacy, exact: true }).check();
  if (scheduleAt) {
    await page.getByLabel("Schedule").check();
    await page.getByLabel("Date and time").fill(scheduleAt);
  }
  await page
    .getByRole("button", { name: scheduleAt ? "Schedule" : "Publish now", exact: true })
    .click();
  await expect(page).toHaveURL(/\/posts\/[0-9a-f-]{36}$/, { timeout: 30_000 });
}

test("a saved draft waits in the Drafts tab, reopens in the composer and is deleted after confirming", async ({
  page,
  browser,
}) => {
  await startWorkspace(page, "Dana Drafts", specSandbox().key);
  await page.goto("/posts");
  // The Posts tab may already hold the account's posts made elsewhere (imported after the key).
  await page.getByRole("main").getByRole("link", { name: "Compose a post" }).first().click();
  await expect(page).toHaveURL(/\/compose$/);

  const caption = "Autumn roast tasting 🍂\nSaturday at 10";
  await page.getByRole("textbox", { name: "Caption" }).fill(caption);
  await expect(page.getByTestId("save-indicator")).toHaveText("Saved", { timeout: 15_000 });
  await expect(page).toHaveURL(/\/compose\?post=[0-9a-f-]{36}$/);
  const postId = new URL(page.url()).searchParams.get("post");

  // Drafts are not on top of the sent posts: they have their own tab.
  await page.goto("/posts");
  await expect(page.getByRole("heading", { name: "Posts", exact: true })).toBeVisible();
  await expect(page.getByRole("main").getByText("Autumn roast tasting")).toHaveCount(0);
  await page.getByRole("link", { name: "Drafts", exact: true }).click();
  await expect(page).toHaveURL(/\/posts\?tab=drafts$/);
  const drafts = page.getByRole("list", { name: "Drafts" });
  const draft = drafts.getByRole("listitem", {
    name: "Draft: Autumn roast tasting 🍂 Saturday at 10",
  });
  await expect(draft).toBeVisible();
  await expect(draft.getByText(/^Last edited/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotBothSizes(page, shots, "posts-drafts");

  const menu = draft.getByRole("button", { name: /^Actions for draft/ });
  await menu.click();
  await page.getByRole("menuitem", { name: "Continue editing" }).click();
  await expect(page).toHaveURL(`/compose?post=${postId}`);
  await expect(page.getByRole("textbox", { name: "Caption" })).toHaveValue(caption);

  // A viewer sees the same list, without the controls that change it.
  await page.goto("/settings/members");
  await page.getByLabel("Role for the new member").selectOption("viewer");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const invite = await page.getByLabel("Invite link").inputValue();
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signUp(viewer, newAccount("Vera Viewer"), `/sign-up?invite=${invite.split("/invite/")[1]}`);
  await expect(viewer).toHaveURL(/\/home$/);
  await viewer.goto("/posts?tab=drafts");
  const viewerDraft = viewer
    .getByRole("list", { name: "Drafts" })
    .getByRole("listitem", { name: /^Draft/ });
  await expect(viewerDraft).toHaveCount(1);
  await expect(viewerDraft.getByText(/^Last edited/)).toBeVisible();
  await expect(viewerDraft.getByRole("button")).toHaveCount(0);
  await expect(viewerDraft.getByRole("link")).toHaveCount(1);
  await viewerDraft.getByRole("link", { name: /^Draft/ }).click();
  await expect(viewer.getByRole("heading", { name: "Post" })).toBeVisible();
  await expect(viewer.getByText("This draft has not been sent to any profile yet.")).toBeVisible();
  await expect(viewer.getByRole("link", { name: "Continue editing" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: /Duplicate|Delete draft/ })).toHaveCount(0);
  await expect(viewer.getByRole("link", { name: "Compose a post" })).toHaveCount(0);
  await viewerContext.close();

  await page.goto("/posts?tab=drafts");
  await menu.click();
  await page.getByRole("menuitem", { name: "Delete draft" }).click();
  // Cancelling keeps it; confirming deletes it.
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
  await expect(draft).toBeVisible();
  await menu.click();
  await page.getByRole("menuitem", { name: "Delete draft" }).click();
  await confirmDialog(page, "Delete draft");
  await expect(page.getByText("Draft deleted.")).toBeVisible();
  await expect(draft).toHaveCount(0);
  await page.reload();
  await expect(page.getByText("No drafts", { exact: true })).toBeVisible();
  await page.goto(`/posts/${postId}`);
  await expect(page.getByRole("heading", { name: "Post not found" })).toBeVisible();
});

test("the post page shows each profile's status, the processing line, then published", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await startWorkspace(page, "Pia Publisher", specSandbox().key);
  await composePost(page, "New single origin is in ☕\nCome taste it #coffee", "Only me");
  await expect(page.getByRole("heading", { name: "Video post" })).toBeVisible();
  const profiles = page.getByRole("list", { name: "Profiles" });
  const acme = profiles.getByRole("listitem", { name: "@acmecoffee" });
  const northwind = profiles.getByRole("listitem", { name: "@northwind.outdoors" });
  await expect(acme).toBeVisible();
  await expect(northwind).toBeVisible();
  await expect(page.getByText("New single origin is in ☕")).toBeVisible();
  await expect(page.getByText("Only me")).toBeVisible();

  // Published needs the sandbox clock: until then each profile says where it is, in words.
  await expect(page.getByText(processingLine, { exact: true })).toBeVisible();
  for (const row of [acme, northwind])
    await expect(row.getByText(/^(Sending|Scheduled|Processing on TikTok)$/)).toBeVisible();
  // The "sent" toast fades in and out (axe measures it mid-fade); check the page without it.
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 15_000 });
  await expectNoSeriousA11yViolations(page);
  await screenshotBothSizes(page, shots, "post-in-flight");

  await sandboxAdmin("clock/advance", { seconds: 600 });
  for (const row of [acme, northwind])
    await expect(row.getByText("Published", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(processingLine, { exact: true })).toHaveCount(0);
  await screenshotBothSizes(page, shots, "post-published");

  await page.getByRole("link", { name: "All posts" }).click();
  const posts = page.getByRole("list", { name: "Posts" });
  // The account's posts made elsewhere are listed too (imported, marked so); this one is ours.
  const rows = posts.locator(":scope > li").filter({ hasNotText: "Made elsewhere" });
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByRole("link", { name: /Video post/ })).toBeVisible();
  await expect(rows.first().getByText("Published").first()).toBeVisible();
  await screenshotBothSizes(page, shots, "posts-list");

  await page.goto("/home");
  await expect(page.getByText("Schedule your first post (done)")).toBeAttached();
});

test("a profile refused at publish says why and shows on Home; a scheduled post is coming up", async ({
  page,
}) => {
  test.setTimeout(150_000);
  await startWorkspace(page, "Nell Needs-attention", specSandbox().key);
  // Acme's TikTok app is unaudited: TikTok refuses its non-private posts at publish time.
  await sandboxAdmin("profiles/prof_acme_tiktok/unaudited", { unaudited: true });
  await composePost(page, "Harvest blend launch", "Followers only");
  const profiles = page.getByRole("list", { name: "Profiles" });
  const acme = profiles.getByRole("listitem", { name: "@acmecoffee" });
  const northwind = profiles.getByRole("listitem", { name: "@northwind.outdoors" });
  await sandboxAdmin("clock/advance", { seconds: 600 });
  await expect(acme.getByText("Failed", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(acme.getByRole("alert")).not.toBeEmpty();
  await expect(northwind.getByText("Published", { exact: true })).toBeVisible();
  await expect(page.getByText("Partly published", { exact: true })).toBeVisible();
  await expect(page.getByText(processingLine, { exact: true })).toHaveCount(0);
  await screenshotBothSizes(page, shots, "post-partly-published");

  await composePost(page, "Winter menu preview", "Followers only", "2030-06-01T09:30", [
    "photo-1-720x900.jpg",
    "photo-2-720x900.jpg",
  ]);
  await expect(page.getByRole("heading", { name: "Photo post" })).toBeVisible();
  await expect(page.getByText(processingLine, { exact: true })).toBeVisible();
  for (const row of [acme, northwind])
    await expect(row.getByText("Scheduled", { exact: true })).toBeVisible({ timeout: 20_000 });
  // The carousel starts at the cover; the schedule shows in the workspace's zone and the viewer's.
  await expect(page.getByText("Photo 1 of 2")).toBeVisible();
  await page.getByRole("button", { name: "Next photo" }).click();
  await expect(page.getByText("Photo 2 of 2")).toBeVisible();
  await expect(page.getByText("In your timezone")).toBeVisible();
  await expect(page.getByText(/Jun 1, 2030, 9:30 AM/).first()).toBeVisible();
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 15_000 });
  await screenshotBothSizes(page, shots, "post-scheduled-photos");

  await page.goto("/home");
  const attention = page.getByRole("list", { name: "Needs attention" });
  await expect(attention.getByRole("listitem")).toHaveCount(1);
  await expect(attention.getByText("Harvest blend launch")).toBeVisible();
  await expect(attention.getByText(/@acmecoffee/)).toBeVisible();
  const comingUp = page.getByRole("list", { name: "Coming up" });
  await expect(comingUp.getByRole("listitem")).toHaveCount(2);
  await expect(comingUp.getByText("Winter menu preview")).toHaveCount(2);
  await screenshotBothSizes(page, shots, "home-with-posts");
  await attention.getByRole("link", { name: "Harvest blend launch" }).click();
  await expect(page.getByRole("heading", { name: "Video post" })).toBeVisible();
});
