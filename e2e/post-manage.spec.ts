// Steps (sign up, start a workspace, open, fill, check) repeat across specs on purpose: each test
// reads as the journey it checks; steps every spec needs live in support/helpers.ts.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { e2e, sandboxUrl } from "./support/config";
import {
  composeWithFile,
  confirmDialog,
  screenshotBothSizes,
  startWorkspace,
} from "./support/helpers";

const shots = path.resolve(".data/post-manage-screenshots");

async function sandboxAdmin(route: string, body: unknown) {
  const res = await fetch(`${sandboxUrl}/__sandbox/${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.ok).toBe(true);
}

type SandboxPost = { id: string; body: string; scheduled_at: string | null; status: string };

/** The sandbox's own view of the posts with this caption, through the Postproxy API. */
async function sandboxPosts(group: string, caption: string): Promise<SandboxPost[]> {
  const found: SandboxPost[] = [];
  for (let page = 0; page < 20; page += 1) {
    const res = await fetch(
      `${sandboxUrl}/api/posts?profile_group_id=${group}&page=${page}&per_page=100`,
      { headers: { authorization: `Bearer ${e2e.sandboxKey}` } },
    );
    const body = (await res.json()) as { data: SandboxPost[] };
    found.push(...body.data.filter((p) => p.body === caption));
    if (body.data.length < 100) break;
  }
  return found;
}

async function sandboxRequest(method: string, url: string, json?: unknown) {
  return fetch(`${sandboxUrl}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${e2e.sandboxKey}`,
      ...(json ? { "content-type": "application/json" } : {}),
    },
    body: json ? JSON.stringify(json) : undefined,
  });
}

test("reschedule from the post page, a split after one profile is refused, cancel with a confirm dialog", async ({
  page,
}) => {
  test.setTimeout(300_000);
  // The sandbox clock an hour ahead: what Postproxy locks and what Postdeck locks then differ,
  // which is how one profile ends up refused below.
  await sandboxAdmin("clock/advance", { seconds: 3600 });
  await startWorkspace(page, "Rhea Rescheduler", e2e.sandboxKey);

  const caption = `Spring menu ${Date.now()} #coffee`;
  await composeWithFile(page, ["@acmecoffee", "@northwind.outdoors"], "video-valid-720x1280.mp4");
  await page.getByRole("textbox", { name: "Caption" }).fill(caption);
  await page.getByRole("radio", { name: "Followers only", exact: true }).check();
  await page.getByLabel("Schedule").check();
  await page.getByLabel("Date and time").fill("2030-07-01T09:30");
  await page.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(page).toHaveURL(/\/posts\/[0-9a-f-]{36}$/, { timeout: 30_000 });

  const schedule = page.getByRole("list", { name: "Schedule per profile" });
  await expect(schedule.getByRole("listitem")).toHaveCount(2, { timeout: 20_000 });
  await expect(schedule.getByText(/Jul 1, 2030, 9:30 AM/).first()).toBeVisible();
  // Postproxy takes edits once its media step is done.
  await expect
    .poll(async () => (await sandboxPosts("grp_acme", caption))[0]?.status, { timeout: 20_000 })
    .toBe("scheduled");
  await expect
    .poll(async () => (await sandboxPosts("grp_northwind", caption))[0]?.status, {
      timeout: 20_000,
    })
    .toBe("scheduled");
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline.getByText("Created")).toBeVisible();
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 15_000 });
  await screenshotBothSizes(page, shots, "post-scheduled-timeline");

  // Reschedule: the sandbox has the new time for both profiles.
  await page.getByRole("button", { name: "Edit post" }).click();
  const form = page.getByRole("form", { name: "Edit scheduled post" });
  await expect(form.getByRole("textbox", { name: "Caption" })).toHaveValue(caption);
  await expect(form.getByLabel("Date and time")).toHaveValue("2030-07-01T09:30");
  await screenshotBothSizes(page, shots, "post-edit-mode");
  // The composer's rules hold: a caption over 2,200 characters is refused at its field.
  await form.getByRole("textbox", { name: "Caption" }).fill("x".repeat(2201));
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("textbox", { name: "Caption" })).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await form.getByRole("textbox", { name: "Caption" }).fill(caption);
  await form.getByLabel("Date and time").fill("2030-07-02T10:15");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved: Postproxy took the change for every profile.")).toBeVisible({
    timeout: 20_000,
  });
  await expect(form).toHaveCount(0);
  for (const group of ["grp_acme", "grp_northwind"]) {
    const [remote] = await sandboxPosts(group, caption);
    expect(remote.scheduled_at).toMatch(/^2030-07-02T10:15:00/);
  }
  await expect(schedule.getByText(/Jul 2, 2030, 10:15 AM/)).toHaveCount(2);
  await expect(timeline.getByText(/^Changed .*the time for @acmecoffee$/)).toBeVisible();

  // Northwind's post moved into Postproxy's own lock outside Postdeck: its PATCH is refused.
  const [northwind] = await sandboxPosts("grp_northwind", caption);
  const state = (await (await fetch(`${sandboxUrl}/__sandbox/state`)).json()) as { now: string };
  const soon = new Date(Date.parse(state.now) + 4 * 60_000).toISOString();
  const moved = await sandboxRequest(
    "PATCH",
    `/api/posts/${northwind.id}?profile_group_id=grp_northwind`,
    { post: { scheduled_at: soon } },
  );
  expect(moved.status).toBe(200);
  await page.getByRole("button", { name: "Edit post" }).click();
  const newCaption = `${caption} — now with oat milk`;
  await form.getByRole("textbox", { name: "Caption" }).fill(newCaption);
  await form.getByRole("button", { name: "Save changes" }).click();
  // Said in the toast, and kept on the timeline.
  await expect(
    page.getByText(/Postproxy refused the change for @northwind.outdoors/).first(),
  ).toBeVisible({
    timeout: 20_000,
  });
  await expect(form).toHaveCount(0);
  const northwindRow = schedule.getByRole("listitem", { name: "@northwind.outdoors" });
  await expect(
    northwindRow.getByText(`Caption it has: ${caption}`, { exact: false }),
  ).toBeVisible();
  await expect(
    schedule
      .getByRole("listitem", { name: "@acmecoffee" })
      .getByText("Has the caption shown below."),
  ).toBeVisible();
  expect((await sandboxPosts("grp_acme", newCaption)).length).toBe(1);
  expect((await sandboxPosts("grp_northwind", caption)).length).toBe(1);
  await expect(timeline.getByText("Change refused for @northwind.outdoors")).toBeVisible();
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 20_000 });
  await screenshotBothSizes(page, shots, "post-split");

  // Cancel one profile: the accessible confirm dialog first, then Postproxy's DELETE.
  await page.getByRole("button", { name: "Cancel for @acmecoffee" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Postproxy deletes the scheduled post for @acmecoffee");
  await screenshotBothSizes(page, shots, "post-cancel-dialog");
  await dialog.getByRole("button", { name: "Keep it scheduled" }).click();
  await expect(dialog).toHaveCount(0);
  expect((await sandboxPosts("grp_acme", newCaption)).length).toBe(1);
  await page.getByRole("button", { name: "Cancel for @acmecoffee" }).click();
  await confirmDialog(page, "Cancel for @acmecoffee");
  await expect(page.getByText("Cancelled for @acmecoffee.")).toBeVisible({ timeout: 20_000 });
  await expect.poll(async () => (await sandboxPosts("grp_acme", newCaption)).length).toBe(0);
  const profiles = page.getByRole("list", { name: "Profiles" });
  await expect(
    profiles.getByRole("listitem", { name: "@acmecoffee" }).getByText("Cancelled", { exact: true }),
  ).toBeVisible();
  await expect(timeline.getByText("Cancelled for @acmecoffee")).toBeVisible();
});
