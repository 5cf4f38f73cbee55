// Steps (sign up, start a workspace, open, fill, check) repeat across specs on purpose: each test
// reads as the journey it checks; steps every spec needs live in support/helpers.ts.
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { sandboxUrl } from "./support/config";
import { specSandbox } from "./support/sandbox";
import {
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  fixture,
  inTwoHours,
  startWorkspace,
} from "./support/helpers";

/** A new workspace with the spec's key (and an audit status), on /compose with its profiles. */
async function openComposer(page: Page, name: string, audit?: RegExp) {
  await startWorkspace(page, name, specSandbox().key);
  if (audit) {
    await page.getByLabel(audit).check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Workspace settings saved.")).toBeVisible();
  }
  await page.goto("/compose");
  await expect(page.getByRole("heading", { name: "Compose", exact: true })).toBeVisible();
  // The profile list comes from the mirror the key's save started filling: on a busy machine it
  // can arrive after the page, and a list that appears later takes the focus checks' targets.
  await expect(page.getByLabel("@acmecoffee")).toBeVisible();
}

/**
 * One file at a time: MediaField can drop a card when two uploads finish within one render
 * (its `latest` ref is reset from stale props by an effect; reported to MEDIA-UI).
 */
async function upload(page: Page, names: string[]) {
  const list = page.getByRole("list", { name: /Photos in post order|Media of the post/ });
  for (const name of names) {
    await page.getByLabel("Choose files to upload").setInputFiles(fixture(name));
    await expect(list.getByRole("listitem", { name, exact: true })).toBeVisible({
      timeout: 30_000,
    });
  }
}

/** Both sizes, saved in the test's output folder (attached to the report). */
async function shoot(page: Page, testInfo: TestInfo, name: string) {
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function advanceSandboxClock(seconds: number) {
  const res = await fetch(`${specSandbox().url}/__sandbox/clock/advance`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ seconds }),
  });
  expect(res.ok).toBe(true);
}

/** The TikTok params the sandbox stored for the post with this caption (Acme's group). */
async function sandboxTikTokParams(caption: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${sandboxUrl}/api/posts`, {
    headers: { authorization: `Bearer ${specSandbox().key}` },
  });
  const { data } = (await res.json()) as {
    data: { body: string; platforms: { platform: string; params: Record<string, unknown> }[] }[];
  };
  const post = data.find((p) => p.body === caption);
  expect(post, `sandbox post "${caption}"`).toBeTruthy();
  return post!.platforms.find((p) => p.platform === "tiktok")!.params;
}

/** The post page: the profile's row says Scheduled, then Published once the sandbox clock passes. */
async function expectScheduledThenPublished(page: Page, profile: string) {
  await expect(page).toHaveURL(/\/posts\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const row = page.getByRole("list", { name: "Profiles" }).getByRole("listitem", { name: profile });
  await expect(row.getByText("Scheduled", { exact: true })).toBeVisible();
  await advanceSandboxClock(3 * 3600);
  await expect(row.getByText("Published", { exact: true })).toBeVisible({ timeout: 30_000 });
}

const privacy = (page: Page, label: string) =>
  page.getByRole("radio", { name: label, exact: true });

test("unaudited workspace: only Only me, with the reason; Branded content refused", async ({
  page,
}) => {
  await openComposer(page, "Uma Unaudited", /Unaudited/);
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
  await openComposer(page, "Ulla Unknown", /Unknown/);
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
  await openComposer(page, "Dora Disclosure");
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
  await expectNoSeriousA11yViolations(page);
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
  await openComposer(page, "Rita Reload");
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

test("a video post from upload to scheduled, then published", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openComposer(page, "Vera Video");
  await page.getByLabel("@acmecoffee").check();
  await upload(page, ["video-valid-720x1280.mp4"]);
  await expect(page.getByText("Video post", { exact: true }).first()).toBeVisible();
  const caption = "Cold brew season 🧊 #coffee #coldbrew";
  await page.getByRole("textbox", { name: "Caption" }).fill(caption);
  await privacy(page, "Followers only").check();
  await page.getByLabel("Allow comments").check();
  await page.getByLabel("Allow Stitch").check();
  await page.getByLabel("AI-generated content").check();
  await expect(page.getByLabel("Add music automatically")).toHaveCount(0);
  await page.getByLabel("Schedule", { exact: true }).check();
  await page.getByLabel("Date and time").fill(await inTwoHours(page));
  await expect(page.getByText(/^That is .* UTC/)).toBeVisible();
  await expect(page.getByRole("figure", { name: "Preview on TikTok" })).toContainText(
    "@acmecoffee",
  );
  await shoot(page, testInfo, "composer-video");

  await page.getByRole("button", { name: "Schedule", exact: true }).click();
  // The toast names what Postproxy accepted, nothing more.
  await expect(page.getByText("Scheduled for @acmecoffee.")).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL(/\/posts\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const postUrl = page.url();
  // A sent post never reopens in the composer: Back does not land on an editable copy of it,
  // and its ?post= link opens its page.
  await page.goBack();
  await expect(page.getByRole("textbox", { name: "Caption" })).toHaveCount(0);
  await expect(page).not.toHaveURL(/\/compose/);
  await page.goto(`/compose?post=${postUrl.split("/").pop()}`);
  await expect(page).toHaveURL(postUrl);
  await expectScheduledThenPublished(page, "@acmecoffee");
  expect(await sandboxTikTokParams(caption)).toMatchObject({
    format: "video",
    privacy_status: "FOLLOWER_OF_CREATOR",
    disable_comment: false,
    disable_duet: true,
    disable_stitch: false,
    made_with_ai: true,
  });
});

test("a photo post: five photos, the cover follows its photo when reordered, scheduled then published", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await openComposer(page, "Paco Photos");
  await page.getByLabel("@acmecoffee").check();
  const photos = [1, 2, 3, 4, 5].map((n) => `photo-${n}-720x900.jpg`);
  await upload(page, photos);
  await expect(page.getByText("Photo post", { exact: true }).first()).toBeVisible();
  await expect(page.getByLabel("Allow Duet")).toHaveCount(0);
  await expect(page.getByLabel("Allow Stitch")).toHaveCount(0);
  await expect(page.getByLabel("AI-generated content")).toHaveCount(0);

  // Uploads finish in any order; make photo-3 the cover wherever it landed, then move it.
  const list = page.getByRole("list", { name: "Photos in post order" });
  const names = await list
    .getByRole("listitem")
    .evaluateAll((items) => items.map((item) => item.getAttribute("aria-label")));
  const before = names.indexOf("photo-3-720x900.jpg");
  expect(before).toBeGreaterThanOrEqual(0);
  const cover = page.getByRole("radio", { name: "Cover: photo-3-720x900.jpg" });
  await cover.check();
  const after = before === 0 ? 1 : before - 1;
  await page
    .getByRole("button", { name: `Move photo-3-720x900.jpg ${before === 0 ? "right" : "left"}` })
    .click();
  await expect(cover).toBeChecked();
  await expect(list.getByText(`${after + 1}. photo-3-720x900.jpg`)).toBeVisible();
  await expect(
    page.getByRole("img", { name: `Photo ${after + 1} of 5: photo-3-720x900.jpg` }),
  ).toBeVisible();

  const caption = "Five roasts, one morning 📸 #coffee";
  await page.getByRole("textbox", { name: "Caption" }).fill(caption);
  await privacy(page, "Mutual followers").check();
  await page.getByLabel("Add music automatically").check();
  await page.getByLabel("Schedule", { exact: true }).check();
  await page.getByLabel("Date and time").fill(await inTwoHours(page));
  await expectNoSeriousA11yViolations(page);
  await shoot(page, testInfo, "composer-photo");

  await page.getByRole("button", { name: "Schedule", exact: true }).click();
  await expectScheduledThenPublished(page, "@acmecoffee");
  const params = await sandboxTikTokParams(caption);
  expect(params).toMatchObject({
    format: "image",
    privacy_status: "MUTUAL_FOLLOW_FRIENDS",
    photo_cover_index: after,
    auto_add_music: true,
  });
  for (const key of ["disable_duet", "disable_stitch", "made_with_ai"])
    expect(params).not.toHaveProperty(key);
});

test("errors show at their fields with focus on the first; a refused video says why in its row", async ({
  page,
}, testInfo) => {
  await openComposer(page, "Erin Errors");
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByRole("alert").first()).toContainText("Some fields need attention");
  await expect(page.getByText("Choose at least one TikTok profile.")).toBeVisible();
  await expect(page.getByText("Add a video or photos.")).toBeVisible();
  await expect(page.getByText("Choose who can see this post.")).toBeVisible();
  await expect(page.getByLabel("@acmecoffee")).toBeFocused();

  // A file TikTok won't take stays out of the post; its upload row says Refused and why (the
  // server's refusal at a card is covered by lib/actions/posts.int.test.ts).
  await page.getByLabel("Choose files to upload").setInputFiles(fixture("video-small-640x360.mp4"));
  const row = page.getByRole("listitem", { name: "Upload of video-small-640x360.mp4" });
  await expect(row).toContainText("Refused", { timeout: 30_000 });
  await expect(row.getByRole("alert")).toContainText("TikTok needs at least 720×1280");
  await expect(page.getByRole("list", { name: "Media of the post" })).toHaveCount(0);
  await page.getByLabel("@acmecoffee").check();
  await expect(page).toHaveURL(/\/compose(\?post=[0-9a-f-]{36})?$/);
  await page.getByRole("textbox", { name: "Caption" }).fill("🙂".repeat(1101));
  await expect(page.getByText(/TikTok captions take at most 2,200 characters/)).toBeVisible();
  await shoot(page, testInfo, "composer-errors");
});

test("text typed offline survives a closed tab and comes back from this browser", async ({
  page,
  context,
}) => {
  await openComposer(page, "Otto Offline");
  // The media field and the preview load after hydration; let them arrive before the signal goes.
  await expect(page.getByRole("button", { name: "Browse files" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Preview on TikTok" })).toBeVisible();
  await context.setOffline(true);
  const caption = "Written on the train, no signal 🚆 #offline";
  await page.getByRole("textbox", { name: "Caption" }).fill(caption);
  await expect(page.getByTestId("save-indicator")).toContainText("Couldn't save — retrying", {
    timeout: 15_000,
  });
  await page.close();

  await context.setOffline(false);
  const again = await context.newPage();
  await again.goto("/compose");
  // Compose opens a new post; the unsaved one is offered, not poured into it.
  await expect(again.getByRole("textbox", { name: "Caption" })).toHaveValue("");
  await again.getByRole("button", { name: "Continue your unsaved post" }).click();
  await expect(again.getByRole("textbox", { name: "Caption" })).toHaveValue(caption);
  // The restored copy reaches the server as a draft too.
  await expect(again.getByTestId("save-indicator")).toHaveText("Saved", { timeout: 15_000 });
  await expect(again).toHaveURL(/\/compose\?post=[0-9a-f-]{36}$/);
});

async function setSandboxFaults(faults: Record<string, unknown> | null) {
  const url = `${specSandbox().url}/__sandbox/faults`;
  const res = faults
    ? await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(faults),
      })
    : await fetch(url, { method: "DELETE" });
  expect(res.ok).toBe(true);
}

/** How many posts the spec's sandbox holds (its admin state, which faults never touch). */
async function sandboxPostCount(): Promise<number> {
  const res = await fetch(`${specSandbox().url}/__sandbox/state`);
  return ((await res.json()) as { counts: { posts: number } }).counts.posts;
}

// Postproxy answering 503 (or 429) to every attempt of both creates (the first and each retry,
// and the sync's replays while the fault lasts): no success toast, and each profile's row says
// what is true. A 503 leaves Postdeck unable to tell, so it checks again by itself: once Postproxy
// answers, the replay makes one post per profile. A 429 is a refusal: Failed, nothing sent.
for (const fault of [
  {
    status: 503,
    faults: { failNext: { count: 100, status: 503 } },
    toast:
      /Postproxy has not confirmed @acmecoffee and @northwind\.outdoors yet; Postdeck is checking with it\./,
    row: "Checking with Postproxy…",
    after: "Scheduled",
    postsAfter: 2,
  },
  {
    status: 429,
    faults: { rateLimitNext: { count: 100, retryAfter: 1 } },
    toast:
      /Postproxy did not take it for @acmecoffee and @northwind\.outdoors: see the post's page\./,
    row: "Failed",
    after: "Failed",
    postsAfter: 0,
  },
]) {
  test(`composer with Postproxy answering ${fault.status} to every attempt: no success toast, the profiles say what is true`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await openComposer(page, `Fay Fault ${fault.status}`);
    await page.getByLabel("@acmecoffee").check();
    await page.getByLabel("@northwind.outdoors").check();
    await upload(page, ["video-valid-720x1280.mp4"]);
    const caption = `Under fire ${fault.status}`;
    await page.getByRole("textbox", { name: "Caption" }).fill(caption);
    await privacy(page, "Only me").check();
    await page.getByLabel("Schedule", { exact: true }).check();
    await page.getByLabel("Date and time").fill(await inTwoHours(page));
    const before = await sandboxPostCount();
    await setSandboxFaults(fault.faults);
    const rows = page.getByRole("list", { name: "Profiles" });
    const profiles = ["@acmecoffee", "@northwind.outdoors"];
    try {
      await page.getByRole("button", { name: "Schedule", exact: true }).click();
      const toasts = page.getByRole("region", { name: /Notifications/ });
      await expect(toasts.getByText(fault.toast)).toBeVisible({ timeout: 60_000 });
      // No success: neither "Scheduled for …" nor "Sent to Postproxy for …" in any toast.
      await expect(toasts.getByText(/Scheduled for|Sent to Postproxy for/)).toHaveCount(0);
      await expect(page).toHaveURL(/\/posts\/[0-9a-f-]{36}$/, { timeout: 30_000 });
      for (const profile of profiles) {
        const row = rows.getByRole("listitem", { name: profile });
        await expect(row.getByText(fault.row, { exact: true })).toBeVisible();
        await expect(row.getByText("Scheduled", { exact: true })).toHaveCount(0);
      }
      // Every attempt was refused before Postproxy handled it: it holds no such post.
      expect(await sandboxPostCount()).toBe(before);
      await shoot(page, testInfo, `post-after-${fault.status}`);
    } finally {
      await setSandboxFaults(null);
    }
    for (const profile of profiles) {
      const row = rows.getByRole("listitem", { name: profile });
      await expect(row.getByText(fault.after, { exact: true })).toBeVisible({ timeout: 30_000 });
    }
    await expect.poll(sandboxPostCount).toBe(before + fault.postsAfter);
  });
}
