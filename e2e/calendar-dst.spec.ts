import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { callAction } from "./support/actions";
import { sandboxAdmin, sandboxPostsWithCaption, specSandbox } from "./support/sandbox";
import { defaultTikTokSettings } from "@/lib/tiktok/params";
import {
  newAccount,
  pointAtCalendarEntry,
  saveApiKey,
  screenshotBothSizes,
  signUp,
} from "./support/helpers";

/**
 * Drags in Chromium with the browser's own timezone set apart from the workspace's: the wall clock
 * dropped on (workspace zone, or the post's own zone for a day move) is what the sandbox receives,
 * across daylight-saving changes; refusals roll the entry back with the reason.
 */
const fixture = (name: string) => path.resolve("e2e/fixtures/media", name);
const shots = path.resolve(".data/calendar-screenshots");
const acme = "prof_acme_tiktok";
const northwind = "prof_northwind_tiktok";

async function sandboxPost(group: string, caption: string) {
  return (await sandboxPostsWithCaption(group, caption))[0];
}

/** What the sandbox holds as the post's time (UTC ISO), polled until it reads `expected`. */
async function expectSandboxTime(caption: string, expected: string, group = "grp_acme") {
  await expect
    .poll(async () => (await sandboxPost(group, caption))?.scheduled_at ?? null, {
      message: `sandbox time of "${caption}"`,
      timeout: 30_000,
    })
    .toMatch(new RegExp(`^${expected.replace(/\.000Z$/, "")}`));
}

type Workspace = { workspaceId: string; mediaId: string };

/** A new account with the spec's sandbox key, its workspace in `timeZone`, and one uploaded video. */
async function openWorkspace(page: Page, timeZone: string): Promise<Workspace> {
  await signUp(page, newAccount("Dee Ess Tee"));
  await expect(page).toHaveURL(/\/home$/);
  await saveApiKey(page, specSandbox().key);
  // The key check is a Postproxy round trip; on a loaded machine it has taken over 10 s.
  await expect(page.getByTestId("saved-key")).toBeVisible({ timeout: 30_000 });
  await page.goto("/settings");
  const workspaceId = await page.locator('input[name="workspaceId"]').first().inputValue();
  const saved = await callAction(page.request, "updateWorkspaceSettingsAction", [
    { workspaceId, name: `Calendar ${timeZone}`, timezone: timeZone, tiktokAuditStatus: "unknown" },
  ]);
  expect(saved.body).toContain('"ok":true');
  // One video in the library; every post of the test uses it.
  await page.goto("/compose");
  await page
    .getByLabel("Choose files to upload")
    .setInputFiles([fixture("video-valid-720x1280.mp4")]);
  let mediaId = "";
  await expect
    .poll(
      async () => {
        const res = await page.request.get(
          `/api/media/library?workspaceId=${workspaceId}&usable=1`,
        );
        const body = (await res.json()) as { items?: { id: string }[] };
        mediaId = body.items?.[0]?.id ?? "";
        return mediaId;
      },
      { timeout: 60_000, message: "the uploaded video in the library" },
    )
    .not.toBe("");
  return { workspaceId, mediaId };
}

/** A post scheduled through the composer's action at a wall clock in `timeZone`. */
async function schedulePost(
  page: Page,
  ws: Workspace,
  caption: string,
  at: string,
  timeZone: string,
  profileIds: string[] = [acme],
) {
  const result = await callAction(page.request, "submitPostAction", [
    {
      workspaceId: ws.workspaceId,
      profileIds,
      media: [{ id: ws.mediaId, kind: "video" }],
      caption,
      ...defaultTikTokSettings,
      privacy: "FOLLOWER_OF_CREATOR",
      allowComments: true,
      schedule: { mode: "schedule", at, timeZone },
    },
  ]);
  expect(result.body, `scheduling "${caption}"`).toContain('"ok":true');
  await expect
    .poll(async () => (await sandboxPost("grp_acme", caption))?.status ?? null, {
      timeout: 20_000,
    })
    .toBe(profileIds.includes(acme) ? "scheduled" : null);
}

/**
 * A workspace in `zone` with one post per `[name, wall clock]`, in order; returns the captions
 * (the name and a stamp, so reruns never meet an earlier run's posts).
 */
async function scheduleInNewWorkspace(page: Page, zone: string, posts: [string, string][]) {
  const ws = await openWorkspace(page, zone);
  const stamp = Date.now();
  const captions: string[] = [];
  for (const [name, at] of posts) {
    captions.push(`${name} ${stamp}`);
    await schedulePost(page, ws, captions.at(-1)!, at, zone);
  }
  return captions;
}

function entryOf(page: Page, caption: string, profile?: RegExp): Locator {
  const entries = page.locator("[data-entry-id]").filter({ hasText: caption, visible: true });
  // The entry's link is named "<status>, <profile>, <time>: <caption>".
  return profile ? entries.filter({ has: page.getByRole("link", { name: profile }) }) : entries;
}

async function boxOf(locator: Locator) {
  await expect(locator).toBeVisible({ timeout: 20_000 });
  const box = await locator.boundingBox();
  if (!box) throw new Error("not laid out");
  return box;
}

/** A real mouse drag (down, a few steps to start FullCalendar's drag, then to the target). */
async function drag(page: Page, entry: Locator, to: { x: number; y: number }) {
  const from = await boxOf(entry);
  await pointAtCalendarEntry(page, { x: from.x + 12, y: from.y + 5 });
  await page.mouse.down();
  await page.mouse.move(from.x + 30, from.y + 30, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 20 });
  await page.mouse.up();
}

const dayCell = (page: Page, day: string) => page.locator(`[data-date="${day}"]`).first();
const slotRow = (page: Page, time: string) => page.locator(`[data-time="${time}:00"]`).first();

/** Week view: onto a day's column at a slot's row (the slot's top, so the drop lands on it). */
async function dragToSlot(page: Page, entry: Locator, day: string, time: string) {
  const column = await boxOf(dayCell(page, day));
  const slot = await boxOf(slotRow(page, time));
  await drag(page, entry, { x: column.x + column.width / 2, y: slot.y + 4 });
}

/** Month view: onto the middle of a day's cell. */
async function dragToDay(page: Page, entry: Locator, day: string) {
  const cell = await boxOf(dayCell(page, day));
  await drag(page, entry, { x: cell.x + cell.width / 2, y: cell.y + cell.height / 2 });
}

/** The entry sits in the day's column at the slot's row (week view). */
async function expectInSlot(page: Page, entry: Locator, day: string, time: string) {
  await expect
    .poll(async () => {
      const [e, column, slot] = await Promise.all([
        entry.boundingBox(),
        dayCell(page, day).boundingBox(),
        slotRow(page, time).boundingBox(),
      ]);
      if (!e || !column || !slot) return "not laid out";
      const inColumn = e.x + e.width / 2 > column.x && e.x + e.width / 2 < column.x + column.width;
      return inColumn && Math.abs(e.y - slot.y) <= 6 ? "in place" : `at ${e.x},${e.y}`;
    })
    .toBe("in place");
}

/** The entry sits inside the day's cell (month view). */
async function expectInDay(page: Page, entry: Locator, day: string) {
  await expect
    .poll(async () => {
      const [e, cell] = await Promise.all([entry.boundingBox(), dayCell(page, day).boundingBox()]);
      if (!e || !cell) return "not laid out";
      const cx = e.x + e.width / 2;
      const cy = e.y + e.height / 2;
      const inside =
        cx > cell.x && cx < cell.x + cell.width && cy > cell.y && cy < cell.y + cell.height;
      return inside ? "in place" : `at ${e.x},${e.y}`;
    })
    .toBe("in place");
}

const notice = (page: Page) => page.getByRole("status").filter({ hasText: /./ }).first();

// The March and November tests open alike (a post, the month, a drag) but on other days and with
// other checks; each reads top to bottom as the steps a manager takes.
test.describe("New York workspace, browser in Tokyo", () => {
  test.use({ timezoneId: "Asia/Tokyo", viewport: { width: 1440, height: 1800 } });

  test("March: a month drag keeps 9:30 across the change; the skipped hour is refused; 03:00 lands", async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const zone = "America/New_York";
    const [dayMove, slotMove] = await scheduleInNewWorkspace(page, zone, [
      // Friday 12 March 2027 9:30 EST (14:30Z), before the clocks go forward on Sunday the 14th.
      ["NY March day move", "2027-03-12T09:30"],
      // Saturday 13 March 10:00 EST (15:00Z).
      ["NY March slot move", "2027-03-13T10:00"],
    ]);

    // Month view, reached through the URL: Friday the 12th to Tuesday the 16th keeps 9:30 in New
    // York, now EDT: 13:30Z.
    await page.goto("/calendar?view=month&date=2027-03-01");
    await expect(page.getByText("Times in")).toContainText(zone);
    await dragToDay(page, entryOf(page, dayMove), "2027-03-16");
    await expectSandboxTime(dayMove, "2027-03-16T13:30:00.000Z");
    await expectInDay(page, entryOf(page, dayMove), "2027-03-16");
    await expect(page.getByRole("button", { name: "Undo" })).toBeVisible();
    await page.goto(`/calendar?view=month&date=2027-03-01`);
    const link = entryOf(page, dayMove).getByRole("link");
    await expect(link).toHaveAccessibleName(/9:30 AM/);
    await link.click();
    await expect(page).toHaveURL(/\/posts\/[0-9a-f-]{36}$/);
    await expect(page.getByText(/Mar 16, 2027, 9:30 AM/).first()).toBeVisible({ timeout: 20_000 });

    // Week view: Saturday 10:00 onto Sunday 02:30, an hour New York skips: refused before any
    // call, with the reason, and the entry goes back to Saturday 10:00.
    await page.goto("/calendar?view=week&date=2027-03-14");
    const entry = entryOf(page, slotMove);
    await expectInSlot(page, entry, "2027-03-13", "10:00");
    await dragToSlot(page, entry, "2027-03-14", "02:30");
    await expect(notice(page)).toContainText(
      "2027-03-14 02:30 does not exist in America/New_York: the clocks jump forward over it for daylight saving.",
    );
    await expectInSlot(page, entry, "2027-03-13", "10:00");
    await screenshotBothSizes(page, shots, "dst-refused");
    await page.setViewportSize({ width: 1440, height: 1800 });
    await expectSandboxTime(slotMove, "2027-03-13T15:00:00.000Z");
    // Onto 03:00, the first wall clock after the jump: 03:00 EDT is 07:00Z.
    await dragToSlot(page, entry, "2027-03-14", "03:00");
    await expectSandboxTime(slotMove, "2027-03-14T07:00:00.000Z");
    await expectInSlot(page, entry, "2027-03-14", "03:00");
  });

  test("November: 01:30 on the fall-back night takes the first one and says so; a month drag keeps noon", async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const zone = "America/New_York";
    const [slotMove, dayMove] = await scheduleInNewWorkspace(page, zone, [
      // Saturday 6 November 2027 9:00 EDT (13:00Z); the clocks go back on Sunday the 7th.
      ["NY November slot move", "2027-11-06T09:00"],
      // Friday 5 November 12:00 EDT (16:00Z).
      ["NY November day move", "2027-11-05T12:00"],
    ]);

    await page.goto("/calendar?view=week&date=2027-11-07");
    const entry = entryOf(page, slotMove);
    await expectInSlot(page, entry, "2027-11-06", "09:00");
    await dragToSlot(page, entry, "2027-11-07", "01:30");
    // The first 01:30 is still EDT: 05:30Z.
    await expectSandboxTime(slotMove, "2027-11-07T05:30:00.000Z");
    await expect(notice(page)).toContainText(
      "2027-11-07 01:30 happens twice in America/New_York as the clocks go back; the first one (before the change) was taken.",
    );
    await expectInSlot(page, entry, "2027-11-07", "01:30");

    // Month view: Friday the 5th to Tuesday the 9th keeps noon, now EST: 17:00Z.
    await page.goto("/calendar?view=month&date=2027-11-01");
    await dragToDay(page, entryOf(page, dayMove), "2027-11-09");
    await expectSandboxTime(dayMove, "2027-11-09T17:00:00.000Z");
    await expectInDay(page, entryOf(page, dayMove), "2027-11-09");
  });
});

test.describe("Berlin workspace, browser in New York", () => {
  test.use({ timezoneId: "America/New_York", viewport: { width: 1440, height: 1800 } });

  test("March: Saturday 18:00 CET onto Sunday 10:00 CEST; 02:30 on the change is refused", async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const zone = "Europe/Berlin";
    // Saturday 27 March 2027 18:00 CET (17:00Z); Berlin goes to summer time on Sunday the 28th.
    const [caption] = await scheduleInNewWorkspace(page, zone, [
      ["Berlin March", "2027-03-27T18:00"],
    ]);
    await page.goto("/calendar?view=week&date=2027-03-28");
    const entry = entryOf(page, caption);
    await expectInSlot(page, entry, "2027-03-27", "18:00");
    await dragToSlot(page, entry, "2027-03-28", "02:30");
    await expect(notice(page)).toContainText("2027-03-28 02:30 does not exist in Europe/Berlin");
    await expectInSlot(page, entry, "2027-03-27", "18:00");
    await dragToSlot(page, entry, "2027-03-28", "10:00");
    // 10:00 CEST is 08:00Z (the browser, in New York, is not on summer time yet either way).
    await expectSandboxTime(caption, "2027-03-28T08:00:00.000Z");
    await expectInSlot(page, entry, "2027-03-28", "10:00");
  });
});

test.describe("Kolkata workspace, browser in New York", () => {
  test.use({ timezoneId: "America/New_York", viewport: { width: 1440, height: 1800 } });

  test("a half-hour zone without daylight saving: 02:30 on New York's spring-forward night is a real Kolkata time", async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const zone = "Asia/Kolkata";
    // Saturday 13 March 2027 10:00 IST (04:30Z).
    const [caption] = await scheduleInNewWorkspace(page, zone, [["Kolkata", "2027-03-13T10:00"]]);
    await page.goto("/calendar?view=week&date=2027-03-14");
    const entry = entryOf(page, caption);
    await expectInSlot(page, entry, "2027-03-13", "10:00");
    // 02:30 on 14 March does not exist in the browser's New York; in Kolkata it is 21:00Z the
    // day before.
    await dragToSlot(page, entry, "2027-03-14", "02:30");
    await expectSandboxTime(caption, "2027-03-13T21:00:00.000Z");
    await expectInSlot(page, entry, "2027-03-14", "02:30");
    await expect(page.getByText("does not exist")).toHaveCount(0);
  });
});

test.describe("refusals and warnings, UTC workspace, browser in Tokyo", () => {
  test.use({ timezoneId: "Asia/Tokyo", viewport: { width: 1440, height: 1800 } });

  test("two profiles, Postproxy never answers one's PATCH: each entry sits where Postproxy has it, with the reason", async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const zone = "UTC";
    const ws = await openWorkspace(page, zone);
    const caption = `Partial ${Date.now()}`;
    await schedulePost(page, ws, caption, "2030-09-10T12:00", zone, [acme, northwind]);
    const stuck = await sandboxPost("grp_northwind", caption);
    expect(stuck?.scheduled_at).toMatch(/^2030-09-10T12:00:00/);
    // Postproxy takes the PATCH of @northwind.outdoors' post and never answers it.
    await sandboxAdmin("faults", { hangPaths: [`PATCH /api/posts/${stuck!.id}`] });
    try {
      await page.goto("/calendar?view=month&date=2030-09-01");
      await dragToDay(page, entryOf(page, caption, /, @?acmecoffee,/), "2030-09-12");
      await expectSandboxTime(caption, "2030-09-12T12:00:00.000Z");
      // The client gives up after its deadline (45 s), reads the post back and keeps the old time.
      await expect(notice(page)).toContainText(
        /could not be reached for @?northwind\.outdoors, and reading the post back did not show the change/,
        { timeout: 90_000 },
      );
      await expectInDay(page, entryOf(page, caption, /, @?acmecoffee,/), "2030-09-12");
      await expectInDay(page, entryOf(page, caption, /, @?northwind\.outdoors,/), "2030-09-10");
      expect((await sandboxPost("grp_northwind", caption))?.scheduled_at).toMatch(
        /^2030-09-10T12:00:00/,
      );
      await screenshotBothSizes(page, shots, "partial-move");
    } finally {
      await sandboxAdmin("faults", { hangPaths: [] });
    }
  });

  test("a drop that passes 15 posts in 24 hours for a profile moves with TikTok's warning", async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const zone = "UTC";
    const ws = await openWorkspace(page, zone);
    const stamp = Date.now();
    // 15 posts on @acmecoffee on a Wednesday within the next 60 days (the window the check
    // reads), 01:00 to 15:00; the 16th on the Thursday after, in the same week row of the month.
    const wednesday = new Date(Date.now() + 21 * 86_400_000);
    wednesday.setUTCDate(wednesday.getUTCDate() + ((3 - wednesday.getUTCDay() + 7) % 7));
    const day = wednesday.toISOString().slice(0, 10);
    for (let hour = 1; hour <= 15; hour++)
      await schedulePost(
        page,
        ws,
        `Busy day ${hour} ${stamp}`,
        `${day}T${String(hour).padStart(2, "0")}:00`,
        zone,
      );
    const thursday = new Date(wednesday.getTime() + 86_400_000).toISOString().slice(0, 10);
    const caption = `Sixteenth ${stamp}`;
    await schedulePost(page, ws, caption, `${thursday}T10:00`, zone);
    await page.goto(`/calendar?view=month&date=${day}`);
    await dragToDay(page, entryOf(page, caption), day);
    await expectSandboxTime(caption, `${day}T10:00:00.000Z`);
    await expect(notice(page)).toContainText(
      /acmecoffee would have 16 posts within 24 hours; TikTok lets a creator post at most 15 a day, so some may be refused\./,
    );
  });
});
