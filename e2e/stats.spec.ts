// Steps (sign up, start a workspace, open, fill, check) repeat across specs on purpose: each test
// reads as the journey it checks; steps every spec needs live in support/helpers.ts.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { e2e, sandboxUrl } from "./support/config";
import {
  confirmDialog,
  expectNoSeriousA11yViolations,
  newAccount,
  screenshotBothSizes,
  signUp,
  startWorkspace,
} from "./support/helpers";

const shots = path.resolve(".data/stats-screenshots");

async function servedStats(profileId: string, groupId: string) {
  const res = await fetch(
    `${sandboxUrl}/api/profiles/${profileId}/stats?profile_group_id=${groupId}`,
    { headers: { authorization: `Bearer ${e2e.sandboxKey}` } },
  );
  return (await res.json()).data.records as {
    recorded_at: string;
    stats: Record<string, number>;
  }[];
}

/** A CSV the app serves, as rows of cells (no quoted commas in the columns compared here). */
async function csvRows(page: Page, url: string) {
  const res = await page.request.get(url);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/csv");
  const text = await res.text();
  return text
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean)
    .map((line) => line.split(","));
}

const num = (text: string) =>
  text.trim() === "" || text.trim() === "—" ? "" : text.replace(/,/g, "").trim();

test("profiles mirrored, connect denied then approved, stats charts draw the sandbox's numbers", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await startWorkspace(page, "Stats Owner", e2e.sandboxKey);

  // Profiles: read from the mirror, filled in the background on the first visit.
  await page.goto("/profiles");
  await expect(page.getByRole("heading", { name: "Acme Coffee" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("@northwind.trails").first()).toBeVisible();
  await expect(page.getByText("Expired").first()).toBeVisible();
  await screenshotBothSizes(page, shots, "profiles");

  // Connect: the warning first, then the consent page; deny says so.
  await page.getByRole("button", { name: "Connect TikTok to Acme Coffee" }).click();
  await expect(page.getByRole("alertdialog")).toContainText(
    "replaces Acme Coffee's current TikTok",
  );
  await confirmDialog(page, "Continue to TikTok");
  await expect(page.getByRole("button", { name: "Deny" })).toBeVisible();
  await page.getByRole("button", { name: "Deny" }).click();
  await expect(page).toHaveURL(/\/profiles\?connect=denied/, { timeout: 20_000 });
  await expect(page.getByText("consent was denied")).toBeVisible();

  await page.getByRole("button", { name: "Connect TikTok to Northwind Outdoors" }).click();
  await confirmDialog(page, "Continue to TikTok");
  await page.locator("select[name=account]").selectOption("new");
  await page.getByLabel("Username for a new account").fill("northwind_new");
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page).toHaveURL(/\/profiles\?connect=connected/, { timeout: 20_000 });
  await expect(page.getByText("TikTok account connected")).toBeVisible();
  await expect(page.getByText("@northwind_new").first()).toBeVisible();
  await screenshotBothSizes(page, shots, "profiles-connected");

  // Stats: the series the sandbox serves, in the table alternative.
  const url = "/stats?range=30&metric=follower_count&profile=prof_acme_tiktok";
  await page.goto(url);
  const table = page.locator("#profile-stats-table");
  await expect(async () => {
    await page.reload();
    // The table's rows are fetched when it is opened.
    await page.getByText("Show the numbers as a table").click();
    await expect(table.locator("tbody tr").nth(5)).toBeAttached({ timeout: 5_000 });
  }).toPass({ timeout: 40_000 });
  const served = (await servedStats("prof_acme_tiktok", "grp_acme")).filter(
    (r) => Date.parse(r.recorded_at) >= Date.now() - 30 * 86400_000,
  );
  const cells = await table.locator("tbody tr td:first-of-type").allInnerTexts();
  expect(cells.map((c) => Number(c.replace(/,/g, "")))).toEqual(
    served.map((r) => r.stats.follower_count),
  );
  // The chart is drawn on the server; the chart library comes when the pointer does. Chromium
  // sends pointer events when the layout moves under a resting cursor, so the cursor is parked
  // off the chart before the page loads again.
  await page.mouse.move(0, 0);
  await page.reload();
  await expect(page.locator('[data-chart="static"] path').first()).toBeVisible();
  await screenshotBothSizes(page, shots, "stats-30-first-paint");
  await page.getByRole("group", { name: /over 30 days/ }).hover();
  await expect(page.locator(".recharts-line").first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/in 30 days/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotBothSizes(page, shots, "stats-30");

  // A range change refetches: fewer rows for 7 days.
  await page.getByRole("link", { name: "7 days" }).click();
  await expect(page).toHaveURL(/range=7/);
  await page.getByText("Show the numbers as a table").click();
  const week = served.filter((r) => Date.parse(r.recorded_at) >= Date.now() - 7 * 86400_000);
  await expect(table.locator("tbody tr")).toHaveCount(week.length);
  // Several profiles: one column each.
  await page.goto(
    "/stats?range=90&metric=likes_count&profile=prof_acme_tiktok&profile=prof_northwind_tiktok",
  );
  await page.getByText("Show the numbers as a table").click();
  await expect(table.locator("thead th")).toHaveCount(3);
  // The heatmap has its 7 × 24 cells.
  await expect(
    page.locator("table").filter({ hasText: "Best" }).or(page.locator("td[data-posts]")).first(),
  ).toBeVisible();
  await expect(page.locator("td[data-posts]")).toHaveCount(7 * 24);
  // The rendered series: each profile one unbroken line through its own snapshots (the two
  // profiles' snapshots are at different times; no gap unless Postproxy reported one).
  // Drawn on the server first, then by the chart library: the same two unbroken lines.
  const drawn = page.locator('[data-chart="static"] g[data-series] path:first-child');
  await expect(drawn).toHaveCount(2);
  for (const d of await drawn.evaluateAll((els) => els.map((e) => e.getAttribute("d") ?? "")))
    expect(d.match(/M/g)).toHaveLength(1);
  await page.getByRole("group", { name: /over 90 days/ }).hover();
  const curves = page.locator("path.recharts-line-curve");
  await expect(curves).toHaveCount(2, { timeout: 15_000 });
  for (const d of await curves.evaluateAll((els) => els.map((e) => e.getAttribute("d") ?? "")))
    expect(d.match(/M/g)).toHaveLength(1);
  // The profile CSV holds the table: same snapshots, same numbers, in the same order.
  const tableRows = await table
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")),
    );
  const profileCsv = await csvRows(
    page,
    "/api/stats/profiles?range=90&metric=likes_count&profile=prof_acme_tiktok&profile=prof_northwind_tiktok",
  );
  // The header names the timezone (a quoted cell with a comma), then one column per profile; a
  // name starting with "@" is escaped against spreadsheet formulas.
  expect(profileCsv[0].slice(-2).every((c) => /^'@.+: Likes$/.test(c))).toBe(true);
  expect(profileCsv.slice(1).map((r) => r.slice(1))).toEqual(
    tableRows.map((r) => r.map((c) => (c === "no snapshot" ? "" : num(c)))),
  );
  await screenshotBothSizes(page, shots, "stats-90-two-profiles");

  // Posts the account made outside Postdeck (the sandbox's seeded ones) were imported when the
  // key was saved: in the posts list as made elsewhere, and in the top-posts table.
  await page.goto("/posts");
  await expect(page.getByText("Made elsewhere").first()).toBeVisible({ timeout: 20_000 });
  const imported = page.getByRole("link", { name: /Gear check for the autumn trail series/ });
  await expect(imported).toBeVisible();
  await imported.click();
  await expect(page.getByRole("note")).toContainText("made outside Postdeck");
  await expect(page.getByRole("button", { name: /^(Edit|Cancel)/ })).toHaveCount(0);
  const importedUrl = page.url();
  await screenshotBothSizes(page, shots, "post-made-elsewhere");
  await page.goto("/stats?range=90&metric=likes_count");
  const top = page.locator("table", {
    has: page.locator("caption", { hasText: "Posts published in the range" }),
  });
  await expect(async () => {
    await page.reload();
    expect(await top.locator("tbody tr").count()).toBe(5);
  }).toPass({ timeout: 40_000 });
  // The top-posts CSV is the whole ranking in the table's order: its first rows are the table's
  // page 1 (all 5 posts here, fewer than a page, so no pager), same order and numbers.
  await expect(page.getByRole("navigation", { name: "Pages of the posts table" })).toHaveCount(0);
  const topRows = await top
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")),
    );
  const topCsv = await csvRows(
    page,
    "/api/stats/top-posts?range=90&metric=likes_count&sort=impressions",
  );
  const body = topCsv.slice(1);
  expect(body).toHaveLength(5);
  // A page past the ranking's end says so and links back to page 1.
  await page.goto("/stats?range=90&metric=likes_count&top=2");
  await expect(page.getByText("No posts on page 2 of this ranking.")).toBeVisible();
  await page.getByRole("link", { name: "Back to the first page" }).click();
  await expect(top.locator("tbody tr")).toHaveCount(5);
  // Columns 3..6 of the CSV from the end: impressions, likes, comments, shares (captions may
  // hold commas, so count from the end: ..., shares, rate, recorded at, post link).
  expect(body.slice(0, topRows.length).map((r) => r.slice(-7, -3))).toEqual(
    topRows.map((r) => r.slice(1, 5).map(num)),
  );

  // Another workspace reads none of it: the post's stats, the post page and both exports.
  const postId = importedUrl.split("/posts/")[1];
  const stranger = await page.context().browser()!.newContext();
  const other = await stranger.newPage();
  await signUp(other, newAccount("Stats Stranger"));
  await expect(other).toHaveURL(/\/home$/);
  // The route answers for the caller's workspace only: another's post has no stats there.
  const foreign = await other.request.get(`/api/stats/posts/${postId}`);
  expect(foreign.status()).toBe(200);
  expect((await foreign.json()).targets ?? (await foreign.json()).data?.targets).toEqual([]);
  expect((await csvRows(other, "/api/stats/top-posts?range=90")).length).toBe(1);
  expect(
    (await csvRows(other, "/api/stats/profiles?range=90&profile=prof_acme_tiktok")).length,
  ).toBe(1);
  await other.goto(`/posts/${postId}`);
  await expect(other.getByText("Gear check for the autumn trail series")).toHaveCount(0);
  await stranger.close();
  // A bad custom range says so.
  await page.goto("/stats?range=custom&from=2026-05-10&to=2026-05-01");
  await expect(page.getByText("needs a From date on or before its To date")).toBeVisible();
  await screenshotBothSizes(page, shots, "stats-bad-range");
});
