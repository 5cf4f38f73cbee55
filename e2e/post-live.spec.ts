import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { sandboxUrl } from "./support/config";
import {
  confirmDialog,
  expectNoHorizontalScroll,
  newAccount,
  saveApiKey,
  signUp,
} from "./support/helpers";
import { specSandbox } from "./support/sandbox";

// Issue 16 §4: a publish failure and its retry, seen on an open post page without a reload; a
// reschedule while Postproxy answers 429 and 5xx. This spec has its own sandbox.
test.describe.configure({ mode: "serial", timeout: 300_000 });

const fixture = (name: string) => path.resolve("e2e/fixtures/media", name);
const shots = path.resolve("test-results/screens");

async function admin(route: string, body?: unknown, method = "POST") {
  const res = await fetch(`${specSandbox().url}/__sandbox/${route}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.ok, route).toBe(true);
}

type SandboxPost = {
  id: string;
  body: string;
  scheduled_at: string | null;
  status: string;
  platforms: { status: string }[];
};

async function sandboxPosts(caption: string): Promise<SandboxPost[]> {
  const res = await fetch(`${sandboxUrl}/api/posts?profile_group_id=grp_acme&per_page=100`, {
    headers: { authorization: `Bearer ${specSandbox().key}` },
  });
  const body = (await res.json()) as { data: SandboxPost[] };
  return body.data.filter((p) => p.body === caption);
}

async function startWorkspace(page: Page, name: string) {
  await signUp(page, newAccount(name));
  await expect(page).toHaveURL(/\/home$/);
  await saveApiKey(page, specSandbox().key);
  await expect(page.getByTestId("saved-key")).toBeVisible();
}

async function composeForAcme(page: Page, caption: string, at?: string) {
  await page.goto("/compose");
  await page.getByLabel("@acmecoffee", { exact: false }).first().check();
  await page
    .getByLabel("Choose files to upload")
    .setInputFiles(fixture("video-valid-720x1280.mp4"));
  await expect(
    page.getByRole("list", { name: /Media of the post/ }).getByRole("listitem"),
  ).toHaveCount(1, { timeout: 30_000 });
  await page.getByRole("textbox", { name: "Caption" }).fill(caption);
  await page.getByRole("radio", { name: "Followers only", exact: true }).check();
  if (at) {
    await page.getByLabel("Schedule").check();
    await page.getByLabel("Date and time").fill(at);
    await page.getByRole("button", { name: "Schedule", exact: true }).click();
  } else {
    await page.getByRole("button", { name: "Publish now" }).click();
  }
  await expect(page).toHaveURL(/\/posts\/[0-9a-f-]{36}$/, { timeout: 30_000 });
}

test.beforeAll(async () => {
  // Real time in this sandbox: nothing moves until the spec advances its clock.
  await admin("settings", { timeScale: 1 });
});
test.afterEach(async () => {
  await admin("faults", undefined, "DELETE");
});

test("a publish failure appears on the open post page without a reload; Retry is a new attempt that publishes", async ({
  page,
}) => {
  await startWorkspace(page, "Wendy Webhook");
  const caption = `Webhook check ${Date.now()}`;
  await composeForAcme(page, caption);
  const postUrl = page.url();
  const profiles = page.getByRole("list", { name: "Profiles" });
  const acme = profiles.getByRole("listitem", { name: "@acmecoffee" });
  await expect.poll(async () => (await sandboxPosts(caption)).length).toBe(1);
  const [first] = await sandboxPosts(caption);

  // The account's TikTok connection expires before TikTok publishes. The open page learns of the
  // failure without a reload (here by the sync: the e2e server registers no webhook, as it has no
  // PUBLIC_BASE_URL; the webhook path is tested in lib/publishing/webhooks.int.test.ts).
  await admin("profiles/prof_acme_tiktok/expire");
  await admin("clock/advance", { seconds: 120 });
  await expect(acme.getByText("Failed", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(acme).toContainText("Reconnect it on the Profiles page, then retry.");
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline.getByText(/status check with Postproxy/).last()).toBeVisible();
  await expect(page.getByRole("button", { name: "Retry @acmecoffee" })).toBeVisible();
  await page.screenshot({ path: path.join(shots, "post-failed-retry-1440.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: path.join(shots, "post-failed-retry-390.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // The owner reconnects the account, then retries: a new Postproxy post under a new key.
  await page.goto("/profiles");
  await page.getByRole("button", { name: "Connect TikTok to Acme Coffee" }).click();
  await confirmDialog(page, "Continue to TikTok");
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page).toHaveURL(/\/profiles\?connect=connected/, { timeout: 20_000 });
  await page.goto(postUrl);
  await page.getByRole("button", { name: "Retry @acmecoffee" }).click();
  await expect(timeline.getByText("Sent again to @acmecoffee")).toBeVisible({ timeout: 20_000 });
  await expect.poll(async () => (await sandboxPosts(caption)).length).toBe(2);
  const second = (await sandboxPosts(caption)).find((p) => p.id !== first.id)!;
  await admin("clock/advance", { seconds: 120 });
  await expect(acme.getByText("Published", { exact: true })).toBeVisible({ timeout: 30_000 });
  // The first attempt stays failed at Postproxy; Postdeck's profile follows the new one. The
  // retry made exactly one post (the sync's replays never a second).
  const now = await sandboxPosts(caption);
  expect(now).toHaveLength(2);
  expect(now.find((p) => p.id === first.id)?.platforms[0].status).toBe("failed");
  expect(now.find((p) => p.id === second.id)?.platforms[0].status).toBe("published");
  await page.reload();
  await expect(acme.getByText("Published", { exact: true })).toBeVisible();
});

test("reschedule while Postproxy answers 429, then 503: a clear message, no change; then once; another workspace reaches none of it", async ({
  page,
  browser,
}) => {
  await startWorkspace(page, "Rosa Retry");
  const caption = `Fault reschedule ${Date.now()}`;
  await composeForAcme(page, caption, "2030-07-01T09:30");
  // Postproxy takes edits once its media step is done.
  await admin("clock/advance", { seconds: 60 });
  await expect.poll(async () => (await sandboxPosts(caption))[0]?.status).toBe("scheduled");

  const form = page.getByRole("form", { name: "Edit scheduled post" });
  const timeline = page.getByRole("list", { name: "Timeline" });
  await page.getByRole("button", { name: "Edit post" }).click();
  await form.getByLabel("Date and time").fill("2030-07-02T10:15");
  for (const [fault, code] of [
    [{ rateLimitNext: { count: 20, retryAfter: 0 } }, "429"],
    [{ failNext: { count: 20, status: 503 } }, "503"],
  ] as const) {
    await admin("faults", fault);
    if ((await form.count()) === 0) {
      await page.getByRole("button", { name: "Edit post" }).click();
      await form.getByLabel("Date and time").fill("2030-07-02T10:15");
    }
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(
      page.getByText(new RegExp(`${code}.*keeps its earlier version`)).first(),
    ).toBeVisible({ timeout: 30_000 });
    await admin("faults", undefined, "DELETE");
    const [remote] = await sandboxPosts(caption);
    expect(remote.scheduled_at).toMatch(/^2030-07-01T09:30:00/);
  }
  await expect(timeline.getByText(/^Changed /)).toHaveCount(0);

  // Postproxy applies the change but its answer is lost: the retry under the same key is not a
  // second change.
  await admin("faults", { failNext: { count: 1, status: 502, afterHandling: true } });
  if ((await form.count()) === 0) {
    await page.getByRole("button", { name: "Edit post" }).click();
    await form.getByLabel("Date and time").fill("2030-07-02T10:15");
  }
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved: Postproxy took the change for every profile.")).toBeVisible({
    timeout: 30_000,
  });
  const remote = await sandboxPosts(caption);
  expect(remote).toHaveLength(1);
  expect(remote[0].scheduled_at).toMatch(/^2030-07-02T10:15:00/);
  await expect(timeline.getByText(/^Changed the time for @acmecoffee$/)).toHaveCount(1);
  await expect(page.getByText(/Jul 2, 2030, 10:15 AM/).first()).toBeVisible();

  // Another workspace's member reaches neither the post, its timeline nor its JSON routes.
  const postId = page.url().split("/posts/")[1];
  const outsider = await browser.newContext();
  const theirs = await outsider.newPage();
  await signUp(theirs, newAccount("Otto Outsider"));
  await expect(theirs).toHaveURL(/\/home$/);
  await theirs.goto(`/posts/${postId}`);
  await expect(theirs.getByRole("heading", { name: "Post not found" })).toBeVisible();
  await expect(theirs.getByText(caption)).toHaveCount(0);
  for (const route of [`/api/posts/${postId}`, `/api/posts/${postId}/manage`])
    expect((await theirs.request.get(route)).status(), route).toBe(404);
  await outsider.close();
});
