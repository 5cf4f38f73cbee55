import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { appUrl } from "./support/config";
import { specSandbox } from "./support/sandbox";
import { startWorkspace } from "./support/helpers";

function expectSecurityHeaders(headers: Record<string, string>) {
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  // Plain http on loopback (ALLOW_INSECURE_HTTP): no HSTS, which only means something over https.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

test("pages and API routes carry the security headers", async ({ request }) => {
  const page = await request.get("/sign-in");
  expect(page.status()).toBe(200);
  const pageHeaders = page.headers();
  expectSecurityHeaders(pageHeaders);
  const csp = pageHeaders["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  // Next.js puts the nonce on its scripts; a second request gets a fresh one.
  expect(await page.text()).toContain(`nonce="${nonce}"`);
  const again = (await request.get("/sign-in")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);

  const api = await request.get("/api/health");
  expectSecurityHeaders(api.headers());
  expect(api.headers()["content-security-policy"]).toBe(
    "default-src 'none'; frame-ancestors 'none'",
  );

  const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await page.text())![1];
  const assetHeaders = (await request.get(asset)).headers();
  expect(assetHeaders["x-content-type-options"]).toBe("nosniff");
  expect(assetHeaders["x-frame-options"]).toBe("DENY");
});

test.describe("framing", () => {
  let other: Server;
  let otherUrl: string;
  test.beforeAll(async () => {
    // Another origin (different host and port) that tries to embed the app.
    other = createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      if (req.url === "/own")
        return res.end("<!doctype html><title>own</title><h1>Framed page of my own</h1>");
      res.end(
        `<!doctype html><title>embed</title>` +
          `<iframe id="app" src="${appUrl}/sign-in" width="800" height="600"></iframe>` +
          `<iframe id="own" src="/own" width="400" height="200"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  });
  test.afterAll(async () => {
    other.closeAllConnections();
    await new Promise((resolve) => other.close(resolve));
  });

  test("the app does not render inside a cross-origin frame", async ({ page }) => {
    const appResponse = page.waitForResponse((r) => r.url().startsWith(`${appUrl}/sign-in`));
    // Chromium refuses the frame (CSP frame-ancestors or X-Frame-Options): it says so on the
    // console, or shows its error page in the frame. Either is waited for, not slept on.
    const refusals: string[] = [];
    page.on("console", (m) => {
      if (/Refused to (frame|display)/i.test(m.text())) refusals.push(m.text());
    });
    await page.goto(otherUrl);
    expect((await appResponse).status()).toBe(200);
    // The harness works: its own frame renders.
    await expect(
      page.frameLocator("#own").getByRole("heading", { name: "Framed page of my own" }),
    ).toBeVisible();
    const appFrame = await (await page.$("#app"))?.contentFrame();
    await expect
      .poll(() => refusals.length > 0 || (appFrame?.url() ?? "").startsWith("chrome-error:"), {
        timeout: 30_000,
      })
      .toBe(true);
    await expect(page.frameLocator("#app").getByRole("button", { name: "Sign in" })).toHaveCount(0);
    await expect(page.frameLocator("#app").getByLabel("Email")).toHaveCount(0);
  });
});

function collectCspViolations(page: Page) {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(`pageerror: ${error.message}`));
  return violations;
}

test("the app works under its CSP: no violation while signing up and opening every page", async ({
  page,
}) => {
  const violations = collectCspViolations(page);
  await startWorkspace(page, "Csp Checker", specSandbox().key);
  for (const path of [
    "/home",
    "/account",
    "/posts",
    "/compose",
    "/calendar",
    "/profiles",
    "/stats",
    "/settings",
    "/settings/members",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  }
  // Client navigation works, which needs the scripts the CSP allows.
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Profiles" })
    .click();
  await expect(page.getByText("@acmecoffee")).toBeVisible();
  await expect(page.locator("img").first()).toHaveJSProperty("complete", true);
  expect(violations).toEqual([]);
});

test("Profiles answers within 10 s with a clear message while Postproxy hangs", async ({
  page,
}) => {
  await startWorkspace(page, "Frozen Proxy", specSandbox().key);
  const faults = `${specSandbox().url}/__sandbox/faults`;
  await fetch(faults, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ hangPaths: ["GET /api/profile*"] }),
  });
  try {
    const started = Date.now();
    await page.goto("/profiles", { timeout: 20_000 });
    // Pages read the profile mirror, so the page answers at once: with the profiles read
    // before the hang, or, when none were read yet, saying it is reading them...
    await expect(
      page
        .getByText(
          /Could not load profiles from Postproxy|@acmecoffee|Reading profiles from Postproxy/,
        )
        .first(),
    ).toBeVisible();
    expect(Date.now() - started).toBeLessThan(10_000);
    // ...and then, once the refresh's deadline (6 s) has passed, with the reason.
    await expect(
      page.getByText(/Could not load profiles from Postproxy|@acmecoffee/).first(),
    ).toBeVisible({ timeout: 30_000 });
    // Whatever it shows, no internal address reaches the page.
    await expect(page.locator("main")).not.toContainText("127.0.0.1");
  } finally {
    await fetch(faults, { method: "DELETE" });
  }
});
