import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/test/db";

// Counts password verifications: an attempt the limit stops must never reach one.
const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock("./password", async (orig) => {
  const real = await orig<typeof import("./password")>();
  return {
    ...real,
    verifyPassword: async (hash: string | null, password: string) => {
      verifications.count++;
      return real.verifyPassword(hash, password);
    },
  };
});

const { hashPassword } = await import("./password");
const { authenticate, RateLimitedError } = await import("./sign-in");
const { signInLimits } = await import("@/lib/data/sign-in-attempts");
const { createUser } = await import("@/lib/data/users");

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});
beforeEach(() => {
  verifications.count = 0;
});

async function makeAccount(email: string, password: string) {
  await createUser(
    t.db,
    { email, name: "Target", passwordHash: await hashPassword(password) },
    { withWorkspace: true },
  );
}

function outcome(p: Promise<unknown>) {
  return p.then(
    (user) => (user ? "signed-in" : "wrong"),
    (error) => (error instanceof RateLimitedError ? "limited" : Promise.reject(error)),
  );
}

describe("sign-in rate limit under concurrency", () => {
  it("evaluates at most 5 of 50 concurrent wrong attempts on one email", async () => {
    await makeAccount("burst@example.com", "right-password-1");
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        outcome(
          authenticate(t.db, { email: "burst@example.com", password: `guess-${i}` }, `10.9.0.${i}`),
        ),
      ),
    );
    expect(verifications.count).toBeLessThanOrEqual(signInLimits.perEmail);
    expect(results.filter((r) => r === "wrong")).toHaveLength(verifications.count);
    expect(results.filter((r) => r === "limited")).toHaveLength(50 - verifications.count);
  });

  it("evaluates at most 5 of 40 concurrent attempts when one of them has the right password", async () => {
    await makeAccount("mixed@example.com", "right-password-2");
    const passwords = Array.from({ length: 39 }, (_, i) => `guess-${i}`);
    passwords.splice(20, 0, "right-password-2");
    const results = await Promise.all(
      passwords.map((password, i) =>
        outcome(authenticate(t.db, { email: "mixed@example.com", password }, `10.8.0.${i}`)),
      ),
    );
    expect(verifications.count).toBeLessThanOrEqual(signInLimits.perEmail);
    expect(results.filter((r) => r !== "limited")).toHaveLength(verifications.count);
  });

  it("evaluates at most 20 of 60 concurrent attempts from one IP across emails", async () => {
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        outcome(
          authenticate(
            t.db,
            { email: `spray-${i}@example.com`, password: "wrong-password" },
            "203.0.113.50",
          ),
        ),
      ),
    );
    expect(verifications.count).toBeLessThanOrEqual(signInLimits.perIp);
    expect(results.filter((r) => r === "limited")).toHaveLength(60 - verifications.count);
  });

  it("still signs in with the right password, and a success does not count as a failure", async () => {
    await makeAccount("fine@example.com", "right-password-3");
    for (let i = 0; i < signInLimits.perEmail + 2; i++) {
      const user = await authenticate(
        t.db,
        { email: "fine@example.com", password: "right-password-3" },
        "10.7.0.1",
      );
      expect(user).toMatchObject({ email: "fine@example.com", sessionVersion: 0 });
    }
  });
});
