import { request as httpRequest } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { callAction } from "./support/actions";
import { appUrl, e2e } from "./support/config";
import { newAccount, signUp, type Account } from "./support/helpers";

const appOrigin = new URL(appUrl).origin;

async function signInWith(page: Page, account: Account, url = "/sign-in") {
  await page.goto(url);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const evilCallbacks = ["%2F%5Cevil.example", "%2F%09%2Fevil.example"];

test.describe("callback URLs after sign-in stay on the app", () => {
  let account: Account;
  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage();
    account = newAccount("Otto Redirect");
    await signUp(page, account);
    await expect(page).toHaveURL(/\/home$/);
    await page.close();
  });

  for (const callback of evilCallbacks) {
    test(`signing in from /sign-in?callbackUrl=${callback} lands on the app`, async ({ page }) => {
      const requested: string[] = [];
      page.on("request", (r) => requested.push(new URL(r.url()).hostname));
      await signInWith(page, account, `/sign-in?callbackUrl=${callback}`);
      await expect(page).toHaveURL(/\/home$/);
      expect(new URL(page.url()).origin).toBe(appOrigin);
      expect(requested).not.toContain("evil.example");
    });

    test(`signed in, /sign-in?callbackUrl=${callback} redirects within the app`, async ({
      page,
    }) => {
      await signInWith(page, account);
      await expect(page).toHaveURL(/\/home$/);
      const response = await page.request.get(`/sign-in?callbackUrl=${callback}`, {
        maxRedirects: 0,
      });
      expect(response.status()).toBe(307);
      const location = response.headers().location;
      expect(new URL(location, appUrl).origin).toBe(appOrigin);
      expect(location).toBe("/");
    });
  }

  test("a safe callback URL is still honoured", async ({ page }) => {
    await signInWith(page, account, `/sign-in?callbackUrl=${encodeURIComponent("/profiles")}`);
    await expect(page).toHaveURL(/\/profiles$/);
  });
});

test("a session captured before Sign out everywhere is refused afterwards", async ({ browser }) => {
  const account = newAccount("Sid Sessions");
  const first = await browser.newContext();
  const firstPage = await first.newPage();
  await signUp(firstPage, account);
  await expect(firstPage).toHaveURL(/\/home$/);
  await firstPage.goto("/settings");
  const workspaceId = await firstPage.locator('input[name="workspaceId"]').first().inputValue();
  const captured = await first.storageState();

  const second = await browser.newContext();
  const secondPage = await second.newPage();
  await signInWith(secondPage, account);
  await expect(secondPage).toHaveURL(/\/home$/);
  await secondPage.getByRole("button", { name: /user menu/i }).click();
  await secondPage.getByRole("menuitem", { name: "Sign out everywhere" }).click();
  await expect(secondPage).toHaveURL(/\/sign-in/);

  // The captured cookie, replayed from a fresh browser, is a signed-out visitor now.
  const replay = await browser.newContext({ storageState: captured });
  const replayPage = await replay.newPage();
  await replayPage.goto("/settings");
  // Sent to sign-in, keeping the page it was opening.
  await expect(replayPage).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings$/);
  const result = await callAction(replay.request, "updateWorkspaceSettingsAction", [
    { workspaceId, name: "Replayed", timezone: "UTC", tiktokAuditStatus: "unknown" },
  ]);
  expect(result.body).toContain('"code":"unauthorized"');
  // The browser that held it is signed out too.
  await firstPage.goto("/posts");
  await expect(firstPage).toHaveURL(/\/sign-in/);

  for (const context of [first, second, replay]) await context.close();
});

/** One request from a chosen loopback source address, so this test's limit is its own. */
function rawRequest(
  localAddress: string,
  method: string,
  urlPath: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: "127.0.0.1", port: e2e.appPort, localAddress, method, path: urlPath, headers },
      (res) => {
        let data = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (data += chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function credentialsAttempt(localAddress: string, email: string, forwardedFor: string) {
  const csrf = await rawRequest(localAddress, "GET", "/api/auth/csrf", {
    "x-forwarded-for": forwardedFor,
  });
  const cookie = ([] as string[])
    .concat(csrf.headers["set-cookie"] ?? [])
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email, password: "wrong-password", json: "true" });
  const response = await rawRequest(
    localAddress,
    "POST",
    "/api/auth/callback/credentials",
    {
      "content-type": "application/x-www-form-urlencoded",
      cookie,
      "x-forwarded-for": forwardedFor,
    },
    form.toString(),
  );
  const url = (JSON.parse(response.body) as { url?: string }).url ?? "";
  return new URL(url, appUrl).searchParams.get("error");
}

/** A loopback address of its own per run, so a reused server's earlier counts never interfere. */
const loopback = () =>
  `127.${Array.from({ length: 3 }, () => 2 + Math.floor(Math.random() * 250)).join(".")}`;

test("a direct client rotating X-Forwarded-For stays limited by its own address", async () => {
  const client = loopback();
  const other = loopback();
  const tag = Math.random().toString(36).slice(2, 8);
  // 20 failures per address per 15 minutes; each attempt claims another address and email.
  for (let i = 0; i < 20; i++) {
    expect(
      await credentialsAttempt(client, `spray${i}.${tag}@agency.test`, `198.51.100.${i}`),
    ).toBe("CredentialsSignin");
  }
  expect(await credentialsAttempt(client, `spray-last.${tag}@agency.test`, "203.0.113.77")).toBe(
    "RateLimited",
  );
  // Another client is not affected, and cannot be locked out through a forged header either.
  expect(await credentialsAttempt(other, `other.${tag}@agency.test`, client)).toBe(
    "CredentialsSignin",
  );
});
