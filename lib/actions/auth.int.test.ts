import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { testDatabase } from "@/lib/test/integration";

const t = await testDatabase();
let requestHeaders = new Headers();

vi.mock("next/headers", () => ({ headers: async () => requestHeaders }));

const { setClientIpHeaderName } = await import("@/lib/auth/client-ip");
const { signUpAction } = await import("./auth");
const { echoLimits } = await import("./create-action");
const { findUserForSignIn } = await import("@/lib/data/users");
const { resetEnvForTests } = await import("@/lib/env");

const ipHeader = "x-test-client-ip";
let ipCounter = 0;
/** Each test signs up from an address of its own, as the start-up hook would report it. */
function fromNewAddress() {
  requestHeaders = new Headers({ [ipHeader]: `192.0.2.${++ipCounter}` });
}

beforeAll(async () => {
  process.env.SIGN_UP_LIMIT_PER_HOUR = "3";
  resetEnvForTests();
  setClientIpHeaderName(ipHeader);
});
afterAll(async () => {
  delete process.env.SIGN_UP_LIMIT_PER_HOUR;
  resetEnvForTests();
});
beforeEach(fromNewAddress);
afterEach(() => {
  vi.restoreAllMocks();
});

function form(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

let n = 0;
const account = (name = "Ana") => ({
  name,
  email: `ana.${++n}@agency.test`,
  password: "long enough password",
});

describe("signUpAction", () => {
  it("answers a NUL byte in the name with a field error and creates nothing", async () => {
    const input = account("Ana\u0000Mallory");
    const result = await signUpAction(form(input));
    expect(result).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { name: ["Remove control characters."] },
    });
    expect(await findUserForSignIn(t.db, input.email)).toBeNull();
  });

  it("logs an unexpected database failure without the password hash or the email", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(" "));
    });
    // Any row now fails the users insert, whose parameters are the email and the password hash.
    await t.db.execute(
      sql.raw(
        "alter table users add constraint test_reject_all check (length(name) < 0) not valid",
      ),
    );
    const input = account("Boris");
    try {
      const result = await signUpAction(form(input));
      expect(result).toMatchObject({ ok: false, code: "internal" });
      const id = /error ([0-9a-f]{8})/.exec(result.ok ? "" : result.message)?.[1];
      expect(id).toBeDefined();
      const log = lines.join("\n");
      expect(log).toContain(id);
      expect(log).toContain("23514");
      expect(log).not.toContain("$argon2");
      expect(log).not.toContain(input.email);
      expect(log).not.toContain("params");
    } finally {
      await t.db.execute(sql.raw("alter table users drop constraint test_reject_all"));
    }
  });

  it("limits sign-ups per client address, with a message that says when to retry", async () => {
    for (let i = 0; i < 3; i++) {
      expect(await signUpAction(form(account()))).toMatchObject({ ok: true });
    }
    const refused = account();
    const result = await signUpAction(form(refused));
    expect(result).toMatchObject({
      ok: false,
      code: "rate_limited",
      message: "Too many accounts were created from your network. Try again in 60 minutes.",
    });
    expect(await findUserForSignIn(t.db, refused.email)).toBeNull();
    fromNewAddress();
    expect(await signUpAction(form(account()))).toMatchObject({ ok: true });
  });

  it("a direct client forging X-Forwarded-For is still counted by its own address", async () => {
    for (let i = 0; i < 4; i++) {
      requestHeaders.set("x-forwarded-for", `198.51.100.${i}`);
      const result = await signUpAction(form(account()));
      expect(result.ok).toBe(i < 3);
    }
  });

  it("echoes at most a few hundred characters per field, and never the password", async () => {
    const result = await signUpAction(
      form({ name: "N".repeat(100_000), email: "bad", password: "p".repeat(5000) }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.values?.name).toHaveLength(echoLimits.perField);
    expect(result.values?.email).toBe("bad");
    expect(result.values).not.toHaveProperty("password");
  });
});
