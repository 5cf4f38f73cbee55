// Steps (sign up, start a workspace, open, fill, check) repeat across specs on purpose: each test
// reads as the journey it checks; steps every spec needs live in support/helpers.ts.
import path from "node:path";
import { expect, test, type Page, type Request } from "@playwright/test";
import { e2e } from "./support/config";
import {
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  newAccount,
  saveApiKey,
  signUp,
} from "./support/helpers";

// Issue 17 §2–3: each defect a new user ran into, at the size it was found.
test.describe.configure({ timeout: 180_000 });

const fixture = (name: string) => path.resolve("e2e/fixtures/media", name);
const shot = (name: string) => path.resolve("test-results/screens", `${name}.png`);

async function startWorkspace(page: Page, name: string) {
  await signUp(page, newAccount(name));
  await expect(page).toHaveURL(/\/home$/);
  await saveApiKey(page, e2e.sandboxKey);
  await expect(page.getByTestId("saved-key")).toBeVisible();
}

async function openComposer(page: Page) {
  await page.goto("/compose");
  await expect(page.getByRole("heading", { name: "Compose", exact: true })).toBeVisible();
}

/** React's production errors (#418 is a hydration mismatch) and anything else thrown. */
function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && /react|hydrat|#41\d/i.test(m.text())) errors.push(m.text());
  });
  return errors;
}

const cardNames = (page: Page) =>
  page
    .getByRole("list", { name: /Photos in post order|Media of the post/ })
    .locator(":scope > li")
    .evaluateAll((items) => items.map((li) => li.getAttribute("aria-label")));

test.describe("phone 390×844", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("scheduling, the disclosure, the library and the timezone list never scroll sideways; Home says 1 needs reconnecting", async ({
    page,
  }) => {
    await startWorkspace(page, "Phoebe Phone");
    // The sandbox's seed has one expired TikTok profile.
    await page.goto("/home");
    await expect(page.getByText(/; 1 needs reconnecting\./)).toBeVisible();
    await page.screenshot({ path: shot("home-390"), fullPage: true });

    await openComposer(page);
    await page.getByRole("radio", { name: "Schedule", exact: true }).check();
    await expect(page.getByLabel("Date and time")).toBeVisible();
    await expectNoHorizontalScroll(page);
    const form = await page.locator("form").first().boundingBox();
    expect(form!.x).toBeGreaterThanOrEqual(0);
    expect(form!.x + form!.width).toBeLessThanOrEqual(390);

    await page.getByRole("combobox", { name: "Timezone" }).click();
    await expect(page.getByRole("listbox")).toBeVisible();
    await expectNoHorizontalScroll(page);
    await page.keyboard.press("Escape");

    await page.getByLabel("Disclose commercial content").check();
    await expect(page.getByLabel("Your brand")).toBeVisible();
    await expectNoHorizontalScroll(page);

    await page.getByLabel("Choose files to upload").setInputFiles(fixture("text-renamed.mp4"));
    const refused = page.getByRole("listitem", { name: "Upload of text-renamed.mp4" });
    await expect(refused.getByRole("alert")).toContainText("not a video or photo");
    await expectNoHorizontalScroll(page);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: shot("composer-schedule-390"), fullPage: true });

    await page.getByRole("button", { name: "Choose from library" }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectNoHorizontalScroll(page);
  });
});

test.describe("desktop 1440×900", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("photos keep the picked order; a refused file says so in its row and takes no place; a PNG named .mp4 is a PNG", async ({
    page,
  }) => {
    await startWorkspace(page, "Otto Order");
    await openComposer(page);
    // photo-1 is picked first but finishes last: its upload is held back at creation.
    const slowName = Buffer.from("photo-1-720x900.jpg").toString("base64");
    await page.route("**/api/uploads**", async (route) => {
      const meta = route.request().headers()["upload-metadata"] ?? "";
      if (route.request().method() === "POST" && meta.includes(slowName))
        await new Promise((r) => setTimeout(r, 2500));
      await route.continue();
    });
    await page
      .getByLabel("Choose files to upload")
      .setInputFiles([
        fixture("photo-1-720x900.jpg"),
        fixture("photo-2-720x900.jpg"),
        fixture("text-renamed.mp4"),
        fixture("photo-3-720x900.jpg"),
        fixture("photo-4-720x900.jpg"),
      ]);
    await expect
      .poll(() => cardNames(page), { timeout: 60_000 })
      .toEqual([
        "photo-1-720x900.jpg",
        "photo-2-720x900.jpg",
        "photo-3-720x900.jpg",
        "photo-4-720x900.jpg",
      ]);
    // Finished rows clear; the refused one says Refused and why, with no "Uploaded" bar.
    const rows = page.getByRole("list", { name: "Uploads" }).getByRole("listitem");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("Refused");
    await expect(rows.first()).not.toContainText("Uploaded");
    await expect(rows.first().getByRole("progressbar")).toHaveCount(0);
    await expect(rows.first().getByRole("alert")).toContainText(
      "The file's contents are not a video or photo TikTok knows",
    );

    // A later batch goes after the first. A PNG named .mp4 is a photo (the bytes decide): its card
    // says so and that it becomes a JPEG (the conversion is held back so the card can be read),
    // then the JPEG takes its place.
    await page.route(
      (url) => url.pathname === "/compose",
      async (route) => {
        if (route.request().method() === "POST") await new Promise((r) => setTimeout(r, 5_000));
        await route.fallback();
      },
    );
    await page.getByLabel("Choose files to upload").setInputFiles(fixture("png-named-video.mp4"));
    await expect(
      page.getByRole("listitem", { name: "png-named-video.mp4", exact: true }),
    ).toContainText("This is a PNG image, not a video; it will be converted to JPEG.", {
      timeout: 60_000,
    });
    await page.screenshot({ path: shot("compose-png-converting-1440"), fullPage: true });
    await page.unrouteAll({ behavior: "ignoreErrors" });
    await expect
      .poll(() => cardNames(page), { timeout: 60_000 })
      .toEqual([
        "photo-1-720x900.jpg",
        "photo-2-720x900.jpg",
        "photo-3-720x900.jpg",
        "photo-4-720x900.jpg",
        "png-named-video.jpg",
      ]);
    const jpeg = page.getByRole("listitem", { name: "png-named-video.jpg", exact: true });
    await expect(jpeg).toContainText("converted to JPEG from png-named-video.mp4");
    await expect(jpeg).toContainText("Ready for TikTok");
    await page.screenshot({ path: shot("compose-png-converted-1440"), fullPage: true });

    // The Media page: no hydration error, dates written like every other page, the PNG named.
    const errors = collectPageErrors(page);
    await page.goto("/media");
    const library = page.getByRole("list", { name: "Media files" });
    const png = library.getByRole("listitem", { name: "png-named-video.mp4" });
    await expect(png).toContainText("This is a PNG image, not a video");
    await expect(png.locator("time")).toHaveText(
      /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M$/,
    );
    // The browser has told the server its zone: the server's HTML already shows local time.
    const html = await (await page.request.get("/media")).text();
    expect(html).not.toMatch(/<time[^>]*>[^<]*UTC<\/time>/);
    await page.reload();
    await expect(png).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("stale errors clear with their cause; Compose after a saved draft starts a new post; the sidebar stays in view", async ({
    page,
  }) => {
    await startWorkspace(page, "Stella Stale");
    await openComposer(page);
    await page.getByLabel("Choose files to upload").setInputFiles(fixture("photo-1-720x900.jpg"));
    await expect.poll(() => cardNames(page), { timeout: 60_000 }).toEqual(["photo-1-720x900.jpg"]);
    await page.getByRole("radio", { name: "Only me", exact: true }).check();
    // Refused once (no profile); then the disclosure's own message appears, and goes with its cause.
    await page.getByRole("button", { name: "Publish now" }).click();
    const alert = page.getByText("Some fields need attention before this post can go out.");
    await expect(alert).toBeVisible();
    await page.getByLabel("Disclose commercial content").check();
    const blocker = page.locator("#compose-discloseContent-error");
    await expect(blocker).toHaveText(/You need to indicate if your content promotes yourself/);
    await page.getByLabel("Your brand").check();
    await expect(page.getByTestId("disclosure-label")).toBeVisible();
    await expect(blocker).toBeEmpty();
    await expect(alert).toBeVisible();
    await page.getByLabel("@acmecoffee").check();
    await expect(alert).toHaveCount(0);

    // The sidebar: full height and in view at the bottom of a long page.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const sidebar = page
      .locator("aside")
      .filter({ has: page.getByRole("navigation", { name: "Main" }) });
    const box = await sidebar.boundingBox();
    // Within a pixel: layout rounds to half pixels.
    expect(Math.abs(box!.y)).toBeLessThanOrEqual(1);
    expect(Math.abs(box!.height - 900)).toBeLessThanOrEqual(1);
    await expect(sidebar.getByRole("link", { name: "Compose" })).toBeInViewport();
    await page.screenshot({ path: shot("compose-bottom-1440") });

    // Compose after a saved draft: a new, empty post (the "Compose" cases are below).
    await sidebar.getByRole("link", { name: "Compose" }).click();
    await expect(page).toHaveURL(/\/compose$/);
    await expect(page.getByRole("textbox", { name: "Caption" })).toHaveValue("");
  });
});

// "Compose" pressed on the composer itself, whenever: inside the autosave pause, while the save
// is on the wire (held here, as a slow network would), or after it landed. Each time the page
// shows a new, empty post and offers the one left as a choice; a save landing late never writes
// into the new post or its address.
const isDraftSave = (request: Request) =>
  request.method() === "POST" &&
  new URL(request.url()).pathname === "/compose" &&
  !!request.headers()["next-action"] &&
  (request.postData() ?? "").includes('"caption"');

/** Holds the autosave's requests until `release()`; `held` resolves when the first one is caught. */
async function holdDraftSaves(page: Page) {
  let onHeld = () => {};
  let release = () => {};
  const held = new Promise<void>((resolve) => (onHeld = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === "/compose",
    async (route) => {
      if (isDraftSave(route.request())) {
        onHeld();
        await released;
      }
      await route.fallback();
    },
  );
  return { held, release };
}

/** The Compose link of the sidebar, or of the phone's menu. */
async function pressCompose(page: Page) {
  if ((page.viewportSize()?.width ?? 0) < 1024) {
    // The drawer's code loads on hover; a press while it swaps in can be lost, so wait for it.
    const menuButton = page.getByRole("button", { name: "Open menu" });
    await menuButton.hover();
    await expect(menuButton).toHaveAttribute("data-state", "closed");
    await menuButton.click();
    const menu = page.getByRole("dialog", { name: "Menu" });
    await menu.getByRole("link", { name: "Compose", exact: true }).click();
    await expect(menu).toHaveCount(0);
  } else {
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Compose", exact: true })
      .click();
  }
}

const offer = (page: Page) => page.getByRole("button", { name: "Continue your unsaved post" });
const caption = (page: Page) => page.getByRole("textbox", { name: "Caption" });

async function expectNewEmptyPost(page: Page) {
  await expect(page).toHaveURL(/\/compose$/);
  await expect(offer(page)).toBeInViewport();
  await expect(caption(page)).toHaveValue("");
  await expect(
    page.getByRole("list", { name: /Photos in post order|Media of the post/ }),
  ).toHaveCount(0);
}

/** Copies this browser keeps of posts the server has stored (keyed by the post's id). */
const storedPostCopies = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage).filter((k) => /^postdeck:compose:.+:[0-9a-f-]{36}$/.test(k)),
  );

for (const [width, height] of [
  [390, 844],
  [1440, 900],
] as const) {
  test.describe(`Compose on the composer at ${width}×${height}`, () => {
    test.use({ viewport: { width, height } });

    test("inside the autosave pause: a new, empty post and the offer, which brings the text back", async ({
      page,
    }) => {
      await startWorkspace(page, `Paula Pause ${width}`);
      await openComposer(page);
      await expect(page.getByRole("button", { name: "Browse files" })).toBeVisible();
      await caption(page).fill("Left inside the pause");
      await pressCompose(page);
      await expectNewEmptyPost(page);
      await offer(page).click();
      await expect(caption(page)).toHaveValue("Left inside the pause");
      await expect(offer(page)).toHaveCount(0);
      await expect(page.getByTestId("save-indicator")).toHaveText("Saved", { timeout: 15_000 });
      await expect(page).toHaveURL(/\/compose\?post=[0-9a-f-]{36}$/);
    });

    test("while the save is in flight: a new, empty post; the late save stays out of it; the offer restores the post with its photo", async ({
      page,
    }) => {
      await startWorkspace(page, `Ingrid Inflight ${width}`);
      await openComposer(page);
      const saves = await holdDraftSaves(page);
      await page.getByLabel("Choose files to upload").setInputFiles(fixture("photo-1-720x900.jpg"));
      await expect
        .poll(() => cardNames(page), { timeout: 60_000 })
        .toEqual(["photo-1-720x900.jpg"]);
      // The first save (the photo) is on the wire; the caption waits behind it.
      await saves.held;
      await caption(page).fill("Left in flight");
      await pressCompose(page);
      await expectNewEmptyPost(page);
      await page.screenshot({ path: shot(`compose-offer-${width}`), fullPage: true });

      // The held save lands: the old post now exists on the server, and nothing of it reaches
      // the new composer or its address.
      const landed = page.waitForResponse((r) => isDraftSave(r.request()));
      saves.release();
      await landed;
      await expect.poll(() => storedPostCopies(page)).toHaveLength(1);
      await expect(page).toHaveURL(/\/compose$/);
      await expect(caption(page)).toHaveValue("");
      await expect(offer(page)).toBeVisible();

      // Continue: the old post, its photo and the caption typed while its save was on the wire.
      await offer(page).click();
      await expect(page).toHaveURL(/\/compose\?post=[0-9a-f-]{36}$/);
      const oldUrl = page.url();
      await expect(caption(page)).toHaveValue("Left in flight");
      await expect
        .poll(() => cardNames(page), { timeout: 30_000 })
        .toEqual(["photo-1-720x900.jpg"]);
      await expect(page.getByTestId("save-indicator")).toHaveText("Saved", { timeout: 15_000 });
      if (width < 1024) return;

      // After the save finished: Compose again starts empty and still offers it; a photo added
      // now makes a post of its own and never joins the old one.
      await pressCompose(page);
      await expectNewEmptyPost(page);
      await page.getByLabel("Choose files to upload").setInputFiles(fixture("photo-2-720x900.jpg"));
      await expect
        .poll(() => cardNames(page), { timeout: 60_000 })
        .toEqual(["photo-2-720x900.jpg"]);
      await expect(page.getByTestId("save-indicator")).toHaveText("Saved", { timeout: 15_000 });
      await expect(page).toHaveURL(/\/compose\?post=[0-9a-f-]{36}$/);
      expect(page.url()).not.toBe(oldUrl);
      await page.goto(oldUrl);
      await expect(caption(page)).toHaveValue("Left in flight");
      await expect
        .poll(() => cardNames(page), { timeout: 30_000 })
        .toEqual(["photo-1-720x900.jpg"]);
    });
  });
}
