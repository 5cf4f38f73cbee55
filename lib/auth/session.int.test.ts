import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { testDatabase } from "@/lib/test/integration";

/**
 * Sessions as the app sees them: real next-auth JWTs in a cookie jar, decoded and checked against
 * the database by getSessionUser, and through createAction.
 */
const t = await testDatabase();
let jar: Record<string, string> = {};

vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({
    get: (name: string) => (name in jar ? { name, value: jar[name] } : undefined),
    getAll: () => Object.entries(jar).map(([name, value]) => ({ name, value })),
    set: (name: string, value: string, options?: { maxAge?: number }) => {
      if (!value || options?.maxAge === 0) delete jar[name];
      else jar[name] = value;
    },
  }),
}));
const { encode } = await import("next-auth/jwt");
const { resetEnvForTests, getEnv } = await import("@/lib/env");
const { hashPassword } = await import("./password");
const { authenticate } = await import("./sign-in");
const { getAuthOptions, sessionMaxAgeSeconds } = await import("./options");
const { getSessionUser, requireUser } = await import("./session");
const { createUser } = await import("@/lib/data/users");
const { resolveWorkspaceCtx } = await import("@/lib/data/workspaces");
const { signOutEverywhereAction, changePasswordAction } = await import("@/lib/actions/account");
const { updateWorkspaceSettingsAction } = await import("@/lib/actions/workspace");

const cookieName = "next-auth.session-token";

beforeAll(async () => {
  process.env.NEXTAUTH_URL = "http://localhost:3000";
  resetEnvForTests();
});
beforeEach(() => {
  jar = {};
});

let n = 0;
async function makeAccount(password = "first-password-1") {
  const email = `sess.${++n}@agency.test`;
  const user = await createUser(
    t.db,
    { email, name: `Sess ${n}`, passwordHash: await hashPassword(password) },
    { withWorkspace: true },
  );
  const ctx = await resolveWorkspaceCtx(t.db, user);
  return { email, password, user, workspaceId: ctx!.workspaceId };
}

/** Signs in as next-auth's credentials callback does and returns the session cookie's value. */
async function signIn(email: string, password: string, ip = "192.0.2.1") {
  const user = await authenticate(t.db, { email, password }, ip);
  if (!user) throw new Error("sign-in failed");
  const token = await getAuthOptions().callbacks!.jwt!({
    token: { sub: user.id, email: user.email, name: user.name },
    user,
    account: null,
    trigger: "signIn",
  });
  return encode({ token, secret: getEnv().NEXTAUTH_SECRET });
}

function form(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

function renameWorkspace(workspaceId: string, name: string) {
  return updateWorkspaceSettingsAction(
    form({ workspaceId, name, timezone: "UTC", tiktokAuditStatus: "unknown" }),
  );
}

describe("revocable sessions", () => {
  it("a token captured before Sign out everywhere is refused afterwards, by actions and pages", async () => {
    const account = await makeAccount();
    const captured = await signIn(account.email, account.password);
    const other = await signIn(account.email, account.password);

    jar = { [cookieName]: captured };
    expect(await getSessionUser()).toMatchObject({ id: account.user.id });
    expect(await renameWorkspace(account.workspaceId, "Before")).toMatchObject({ ok: true });

    jar = { [cookieName]: other };
    expect(await signOutEverywhereAction()).toMatchObject({ ok: true });
    expect(jar[cookieName]).toBeUndefined();

    jar = { [cookieName]: captured };
    expect(await getSessionUser()).toBeNull();
    expect(await renameWorkspace(account.workspaceId, "After")).toMatchObject({
      ok: false,
      code: "unauthorized",
    });
    await expect(requireUser()).rejects.toMatchObject({
      digest: expect.stringContaining("/sign-in"),
    });
    // A fresh sign-in works again.
    jar = { [cookieName]: await signIn(account.email, account.password) };
    expect(await getSessionUser()).toMatchObject({ id: account.user.id });
  });

  it("a password change keeps the session that made it and ends the others", async () => {
    const account = await makeAccount("first-password-2");
    const elsewhere = await signIn(account.email, account.password);
    jar = { [cookieName]: await signIn(account.email, account.password) };

    const wrong = await changePasswordAction(
      form({
        currentPassword: "not-my-password",
        newPassword: "second-password-2",
        confirmPassword: "second-password-2",
      }),
    );
    expect(wrong).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ["This is not your current password."] },
    });
    expect(wrong.ok ? {} : wrong.values).not.toHaveProperty("currentPassword");

    const result = await changePasswordAction(
      form({
        currentPassword: "first-password-2",
        newPassword: "second-password-2",
        confirmPassword: "second-password-2",
      }),
    );
    expect(result).toMatchObject({ ok: true });
    expect(await getSessionUser()).toMatchObject({ id: account.user.id });
    expect(await renameWorkspace(account.workspaceId, "Still mine")).toMatchObject({ ok: true });

    jar = { [cookieName]: elsewhere };
    expect(await getSessionUser()).toBeNull();
    expect(
      await authenticate(t.db, { email: account.email, password: "first-password-2" }, "192.0.2.9"),
    ).toBeNull();
    expect(
      await authenticate(
        t.db,
        { email: account.email, password: "second-password-2" },
        "192.0.2.9",
      ),
    ).toMatchObject({ id: account.user.id, sessionVersion: 1 });
  });

  it("refuses a token that carries no session version", async () => {
    const account = await makeAccount();
    jar = {
      [cookieName]: await encode({
        token: { sub: account.user.id, email: account.email },
        secret: getEnv().NEXTAUTH_SECRET,
      }),
    };
    expect(await getSessionUser()).toBeNull();
  });

  it("lasts 7 days from its last use", () => {
    expect(sessionMaxAgeSeconds).toBe(7 * 24 * 60 * 60);
    expect(getAuthOptions().session).toMatchObject({ maxAge: 7 * 24 * 60 * 60 });
  });
});
