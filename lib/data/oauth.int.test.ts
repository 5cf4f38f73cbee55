// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "@/lib/test/integration";

const t = await testDatabase();

const { hashPassword } = await import("@/lib/auth/password");
const { getAuthOptions } = await import("@/lib/auth/options");
const { resetEnvForTests } = await import("@/lib/env");
const { createUser, findUserForSignIn } = await import("./users");
const { linkOAuthUser } = await import("./oauth");

beforeAll(async () => {
  resetEnvForTests();
});

async function passwordAccount(email: string) {
  return createUser(
    t.db,
    { email, name: "Pat Password", passwordHash: await hashPassword("password-account-1") },
    { withWorkspace: true },
  );
}

describe("linkOAuthUser", () => {
  it("does not link an unverified email to an existing password account", async () => {
    await passwordAccount("victim@agency.test");
    const result = await linkOAuthUser(t.db, {
      provider: "github",
      providerAccountId: "attacker-1",
      verifiedEmail: null,
      name: "Mallory",
    });
    expect(result).toBeNull();
    // Nor does it create anything.
    const again = await linkOAuthUser(t.db, {
      provider: "github",
      providerAccountId: "attacker-1",
      verifiedEmail: null,
      name: "Mallory",
    });
    expect(again).toBeNull();
  });

  it("links a verified email to the existing account, and later finds it by account id", async () => {
    const owner = await passwordAccount("pat@agency.test");
    const first = await linkOAuthUser(t.db, {
      provider: "google",
      providerAccountId: "g-123",
      verifiedEmail: "pat@agency.test",
      name: "Pat",
    });
    expect(first).toMatchObject({ id: owner.id, email: "pat@agency.test", sessionVersion: 0 });
    // The provider account id decides: a changed (or missing) email still signs in to Pat.
    const later = await linkOAuthUser(t.db, {
      provider: "google",
      providerAccountId: "g-123",
      verifiedEmail: null,
      name: "Pat",
    });
    expect(later).toMatchObject({ id: owner.id });
    const renamed = await linkOAuthUser(t.db, {
      provider: "google",
      providerAccountId: "g-123",
      verifiedEmail: "pat.new@agency.test",
      name: "Pat",
    });
    expect(renamed).toMatchObject({ id: owner.id, email: "pat@agency.test" });
    expect(await findUserForSignIn(t.db, "pat.new@agency.test")).toBeNull();
  });

  it("creates a user for a verified email nobody has, with a clean name", async () => {
    const created = await linkOAuthUser(t.db, {
      provider: "github",
      providerAccountId: "gh-9",
      verifiedEmail: "new@agency.test",
      name: "New\u0000 Person",
    });
    expect(created).toMatchObject({ email: "new@agency.test", name: "New Person" });
    const same = await linkOAuthUser(t.db, {
      provider: "github",
      providerAccountId: "gh-9",
      verifiedEmail: "new@agency.test",
      name: "New Person",
    });
    expect(same?.id).toBe(created?.id);
  });
});

describe("the OAuth sign-in callback", () => {
  const signIn = async (provider: string, id: string, profile: Record<string, unknown>) => {
    const user = { id, name: "Someone", email: String(profile.email ?? "") };
    const result = await getAuthOptions().callbacks!.signIn!({
      user,
      account: { provider, providerAccountId: id, type: "oauth" },
      profile: profile as never,
    });
    return { result, user };
  };

  it("refuses Google's unverified email for a password account", async () => {
    await passwordAccount("gina@agency.test");
    const { result } = await signIn("google", "g-evil", {
      email: "gina@agency.test",
      email_verified: false,
    });
    expect(result).toBe("/sign-in?error=OAuthEmail");
  });

  it("links Google's verified email and signs in as that user with its session version", async () => {
    const gina = await passwordAccount("gino@agency.test");
    const { result, user } = await signIn("google", "g-gino", {
      email: "gino@agency.test",
      email_verified: true,
    });
    expect(result).toBe(true);
    expect(user).toMatchObject({ id: gina.id, sessionVersion: 0 });
  });

  it("refuses GitHub's email when GitHub has not verified it", async () => {
    await passwordAccount("hugo@agency.test");
    const { result } = await signIn("github", "gh-evil", { email: "hugo@agency.test" });
    expect(result).toBe("/sign-in?error=OAuthEmail");
  });
});
