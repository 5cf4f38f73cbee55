import { expect, test } from "@playwright/test";
import { webhookE2e, webhookSandboxUrl } from "./support/config";
import { newAccount, publishVideoNowForAcme, saveApiKey, signUp } from "./support/helpers";

// Issue 14 §3 in the browser: runs against the second e2e server (PUBLIC_BASE_URL set, so saving
// the key registers the workspace's receiver with the sandbox; no sync loop, so a status can only
// arrive by webhook). The media go to the sandbox as the app's signed links.
test.describe.configure({ timeout: 180_000 });

const key = `${webhookE2e.sandboxKey}_webhooks_live`;
const tenant = `${webhookSandboxUrl}/__tenants/${encodeURIComponent(key)}/__sandbox`;

async function admin(route: string, body?: unknown) {
  const res = await fetch(`${tenant}/${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.ok, `sandbox ${route} answered ${res.status}`).toBe(true);
}

test("a publication delivered by webhook appears on the open post page without a reload or a sync", async ({
  page,
}) => {
  // Real time in this sandbox: nothing moves until the test advances its clock.
  await admin("settings", { timeScale: 1 });
  await signUp(page, newAccount("Hugo Hook"));
  await expect(page).toHaveURL(/\/home$/);
  await saveApiKey(page, key);
  await expect(page.getByTestId("saved-key")).toBeVisible();

  await publishVideoNowForAcme(page, `Webhook live ${Date.now()}`, "Followers only");

  const acme = page.getByRole("list", { name: "Profiles" }).getByRole("listitem", {
    name: "@acmecoffee",
  });
  await expect(acme).toBeVisible();
  await expect(acme.getByText("Published", { exact: true })).toHaveCount(0);
  // The sandbox fetches the media by link, processes and publishes, and sends
  // platform_post.published to the receiver the app registered.
  await admin("clock/advance", { seconds: 120 });
  await expect(acme.getByText("Published", { exact: true })).toBeVisible({ timeout: 30_000 });
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline.getByText(/Postproxy webhook/).first()).toBeVisible();
  await expect(timeline.getByText(/status check with Postproxy/)).toHaveCount(0);
});
