import { expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";

export type Account = { name: string; email: string; password: string };

export function newAccount(name: string): Account {
  const tag = randomBytes(4).toString("hex");
  return {
    name,
    email: `${name.toLowerCase().replace(/\W+/g, ".")}.${tag}@agency.test`,
    password: `pw-${tag}-long-enough`,
  };
}

export async function signUp(page: Page, account: Account, path = "/sign-up") {
  await page.goto(path);
  await page.getByLabel("Your name").fill(account.name);
  await page.getByLabel("Work email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function signIn(page: Page, account: Pick<Account, "email" | "password">) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

export async function saveApiKey(page: Page, key: string) {
  await page.goto("/settings");
  await page.getByLabel("Postproxy API key").fill(key);
  await page.getByRole("button", { name: "Check and save key" }).click();
}
