// Steps (sign up, start a workspace, open, fill, check) repeat across specs on purpose: each test
// reads as the journey it checks; steps every spec needs live in support/helpers.ts.
import path from "node:path";
import { expect, test } from "@playwright/test";
import {
  expectNoSeriousA11yViolations,
  publishVideoNowForAcme,
  screenshotBothSizes,
  startWorkspace,
} from "./support/helpers";
import { sandboxAdmin, specSandbox } from "./support/sandbox";

const shots = path.resolve(".data/posts-screenshots");

test.beforeEach(() => sandboxAdmin("settings", { timeScale: 1 }));
test.afterEach(() => sandboxAdmin("settings", { timeScale: 20 }));

test("posts list: filters kept in the URL across a reload, a published row, the Drafts tab, duplicate opens a new draft", async ({
  page,
}) => {
  test.setTimeout(150_000);
  await startWorkspace(page, "Lou Lister", specSandbox().key);

  // One video post for @acmecoffee, published once the sandbox clock moves on.
  await publishVideoNowForAcme(page, "Nitro tonic launch #coffee", "Only me");
  const originalId = page.url().split("/posts/")[1];
  await sandboxAdmin("clock/advance", { seconds: 600 });
  await expect(
    page.getByRole("list", { name: "Profiles" }).getByText("Published", { exact: true }),
  ).toBeVisible({ timeout: 20_000 });

  // The row says when it was published, never "Scheduled for".
  await page.goto("/posts");
  const row = page
    .getByRole("list", { name: "Posts" })
    .getByRole("listitem", { name: /Nitro tonic launch/ });
  await expect(row.getByText(/^Published /)).toBeVisible();
  await expect(row.getByText(/Scheduled for/)).toHaveCount(0);
  await expect(row.getByRole("list", { name: "Profiles" })).toContainText("Published");

  // Filters go into the URL and survive a reload.
  await page.getByText("Filters", { exact: true }).click();
  const filters = page.getByRole("search", { name: "Filter posts" });
  await filters.getByLabel("Caption contains").fill("tonic");
  await filters.getByLabel("Status").selectOption("published");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/posts\?status=published&q=tonic$/);
  await page.reload();
  await expect(filters.getByLabel("Caption contains")).toHaveValue("tonic");
  await expect(filters.getByLabel("Status")).toHaveValue("published");
  await expect(row).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotBothSizes(page, shots, "posts-list-filters");

  // A filter that matches nothing says so; a bad date in the URL is named at its field.
  await page.goto("/posts?q=decaf");
  await expect(page.getByText("No post matches these filters")).toBeVisible();
  await page.goto("/posts?from=2026-02-31");
  await expect(filters.getByText("Enter a date as YYYY-MM-DD.")).toBeVisible();
  await expect(row).toBeVisible();

  // Duplicate from the row menu: a new draft opens in the composer, with no schedule.
  await page.goto("/posts");
  await row.getByRole("button", { name: /^Actions for post/ }).click();
  await page.getByRole("menuitem", { name: "Duplicate as a new draft" }).click();
  await expect(page).toHaveURL(/\/compose\?post=[0-9a-f-]{36}$/);
  const copyId = new URL(page.url()).searchParams.get("post");
  expect(copyId).not.toBe(originalId);
  await expect(page.getByRole("textbox", { name: "Caption" })).toHaveValue(
    "Nitro tonic launch #coffee",
  );
  await expect(
    page.getByRole("list", { name: "Media of the post" }).getByRole("listitem"),
  ).toHaveCount(1);

  // It waits in the Drafts tab, not above the sent posts.
  await page.goto("/posts");
  await expect(
    page
      .getByRole("list", { name: "Posts" })
      .getByRole("listitem", { name: /^(Video|Photo) post/ })
      // The account's posts made elsewhere are listed too; ours is the one sent post.
      .filter({ hasNotText: "Made elsewhere" }),
  ).toHaveCount(1);
  await page.getByRole("link", { name: "Drafts", exact: true }).click();
  await expect(page).toHaveURL(/\/posts\?tab=drafts$/);
  const draft = page
    .getByRole("list", { name: "Drafts" })
    .getByRole("listitem", { name: /^Draft/ });
  await expect(draft).toHaveCount(1);
  await expect(draft.getByText(/^Last edited /)).toBeVisible();
  await expect(draft.getByRole("link")).toHaveAttribute("href", `/posts/${copyId}`);
});
