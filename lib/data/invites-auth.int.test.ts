// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { authenticate, RateLimitedError } from "@/lib/auth/sign-in";
import { createTestDatabase, type TestDatabase } from "@/lib/test/db";
import { addMember, makeOwner, makeUser } from "@/lib/test/factories";
import {
  acceptInvite,
  createInvite,
  getInviteStatus,
  inviteLifetimeMs,
  listPendingInvites,
  revokeInvite,
} from "./invites";
import { listMembers } from "./members";
import { signInLimits } from "./sign-in-attempts";
import { createUser, findUserForSignIn } from "./users";
import { resolveWorkspaceCtx } from "./workspaces";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

describe("invites", () => {
  it("creates a 7-day single-use link that adds the member with its role", async () => {
    const a = await makeOwner(t.db, "Sam");
    const now = new Date();
    const invite = await createInvite(a, "viewer", now);
    expect(invite.expiresAt.getTime() - now.getTime()).toBe(inviteLifetimeMs);
    expect(await getInviteStatus(t.db, invite.token)).toMatchObject({
      status: "valid",
      role: "viewer",
    });
    expect(await listPendingInvites(a)).toHaveLength(1);

    const joiner = await makeUser(t.db, "Tia");
    await acceptInvite(t.db, joiner, invite.token);
    const ctx = await resolveWorkspaceCtx(t.db, joiner);
    expect(ctx).toMatchObject({ workspaceId: a.workspaceId, role: "viewer" });
    expect(await getInviteStatus(t.db, invite.token)).toMatchObject({ status: "used" });
    expect(await listPendingInvites(a)).toHaveLength(0);

    const second = await makeUser(t.db, "Uma");
    await expect(acceptInvite(t.db, second, invite.token)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("already been used"),
    });
    expect(await resolveWorkspaceCtx(t.db, second, a.workspaceId)).toBeNull();
  });

  it("refuses expired, revoked and forged links and grants nothing", async () => {
    const a = await makeOwner(t.db, "Vic");
    const joiner = await makeUser(t.db, "Wes");
    const old = await createInvite(a, "editor", new Date(Date.now() - inviteLifetimeMs - 1000));
    expect((await getInviteStatus(t.db, old.token)).status).toBe("expired");
    await expect(acceptInvite(t.db, joiner, old.token)).rejects.toMatchObject({
      message: expect.stringContaining("expired"),
    });

    const revoked = await createInvite(a, "editor");
    await revokeInvite(a, revoked.id);
    await expect(acceptInvite(t.db, joiner, revoked.token)).rejects.toMatchObject({
      message: expect.stringContaining("withdrawn"),
    });

    expect((await getInviteStatus(t.db, "forged-token")).status).toBe("invalid");
    await expect(acceptInvite(t.db, joiner, "forged-token")).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await resolveWorkspaceCtx(t.db, joiner, a.workspaceId)).toBeNull();
    expect(await listMembers(a)).toHaveLength(1);
  });

  it("joins in the same transaction as sign-up, and a bad invite rolls the sign-up back", async () => {
    const a = await makeOwner(t.db, "Xan");
    const invite = await createInvite(a, "editor");
    const user = await createUser(
      t.db,
      { email: "joiner@example.com", name: "Joiner", passwordHash: null },
      {
        withWorkspace: false,
        onCreated: async (tx, created) => {
          const { acceptInviteInTx } = await import("./invites");
          await acceptInviteInTx(tx as never, created, invite.token);
        },
      },
    );
    expect(await resolveWorkspaceCtx(t.db, user)).toMatchObject({
      workspaceId: a.workspaceId,
      role: "editor",
    });
    await expect(
      createUser(
        t.db,
        { email: "late@example.com", name: "Late", passwordHash: null },
        {
          withWorkspace: false,
          onCreated: async (tx, created) => {
            const { acceptInviteInTx } = await import("./invites");
            await acceptInviteInTx(tx as never, created, invite.token);
          },
        },
      ),
    ).rejects.toMatchObject({ code: "conflict" });
    // Rolled back: no user row (so the email stays free), no membership, the invite still used once.
    expect(await findUserForSignIn(t.db, "late@example.com")).toBeNull();
    expect((await listMembers(a)).map((m) => m.email)).toEqual([
      a.user.email,
      "joiner@example.com",
    ]);
    await createUser(
      t.db,
      { email: "late@example.com", name: "Late", passwordHash: null },
      { withWorkspace: false },
    );
    expect(await findUserForSignIn(t.db, "late@example.com")).not.toBeNull();
  });

  it("lets only owners create or revoke invites, and only their own", async () => {
    const a = await makeOwner(t.db, "Yara");
    const b = await makeOwner(t.db, "Zed");
    for (const role of ["editor", "viewer"] as const) {
      const m = await addMember(a, role);
      await expect(createInvite(m.ctx, "editor")).rejects.toMatchObject({ code: "forbidden" });
      await expect(listPendingInvites(m.ctx)).rejects.toMatchObject({ code: "forbidden" });
    }
    const bInvite = await createInvite(b, "viewer");
    await expect(revokeInvite(a, bInvite.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await getInviteStatus(t.db, bInvite.token)).status).toBe("valid");
    expect(await listPendingInvites(a)).toHaveLength(0);
  });
});

describe("sign-in", () => {
  it("gives the same answer for an unknown email and a wrong password", async () => {
    await createUser(
      t.db,
      {
        email: "real@example.com",
        name: "Real",
        passwordHash: await hashPassword("right-password-1"),
      },
      { withWorkspace: true },
    );
    expect(
      await authenticate(
        t.db,
        { email: "real@example.com", password: "right-password-1" },
        "10.0.0.1",
      ),
    ).toMatchObject({ email: "real@example.com" });
    expect(
      await authenticate(
        t.db,
        { email: "real@example.com", password: "wrong-password" },
        "10.0.0.1",
      ),
    ).toBeNull();
    expect(
      await authenticate(
        t.db,
        { email: "nobody@example.com", password: "wrong-password" },
        "10.0.0.1",
      ),
    ).toBeNull();
  });

  it("limits failed attempts per email, even with the right password afterwards", async () => {
    await createUser(
      t.db,
      {
        email: "bystander@example.com",
        name: "Bystander",
        passwordHash: await hashPassword("right-password-4"),
      },
      { withWorkspace: true },
    );
    await createUser(
      t.db,
      {
        email: "target@example.com",
        name: "Target",
        passwordHash: await hashPassword("right-password-2"),
      },
      { withWorkspace: true },
    );
    for (let i = 0; i < signInLimits.perEmail; i++) {
      expect(
        await authenticate(
          t.db,
          { email: "target@example.com", password: `guess-${i}` },
          `10.1.0.${i}`,
        ),
      ).toBeNull();
    }
    await expect(
      authenticate(t.db, { email: "target@example.com", password: "right-password-2" }, "10.1.1.1"),
    ).rejects.toBeInstanceOf(RateLimitedError);
    // Another account is not affected.
    expect(
      await authenticate(
        t.db,
        { email: "bystander@example.com", password: "right-password-4" },
        "10.1.1.1",
      ),
    ).not.toBeNull();
  });

  it("lets attempts older than the window expire, and prunes them", async () => {
    const { recordSignInAttempt, isSignInRateLimited } = await import("./sign-in-attempts");
    const { signInAttempts } = await import("@/lib/db/schema");
    const { eq } = await import("drizzle-orm");
    const past = new Date(Date.now() - signInLimits.windowMs - 60_000);
    for (let i = 0; i < signInLimits.perEmail; i++) {
      await recordSignInAttempt(
        t.db,
        { email: "old@example.com", ip: "198.51.100.7", success: false },
        past,
      );
    }
    expect(
      await isSignInRateLimited(t.db, { email: "old@example.com", ip: "198.51.100.8" }, past),
    ).toBe(true);
    expect(await isSignInRateLimited(t.db, { email: "old@example.com", ip: "198.51.100.8" })).toBe(
      false,
    );
    await recordSignInAttempt(t.db, {
      email: "old@example.com",
      ip: "198.51.100.8",
      success: true,
    });
    const left = await t.db
      .select()
      .from(signInAttempts)
      .where(eq(signInAttempts.email, "old@example.com"));
    expect(left).toHaveLength(1);
  });

  it("limits failed attempts per IP across emails", async () => {
    await createUser(
      t.db,
      {
        email: "ipvictim@example.com",
        name: "Ip",
        passwordHash: await hashPassword("right-password-3"),
      },
      { withWorkspace: true },
    );
    for (let i = 0; i < signInLimits.perIp; i++) {
      await authenticate(
        t.db,
        { email: `spray${i}@example.com`, password: "nope-nope" },
        "203.0.113.9",
      );
    }
    await expect(
      authenticate(
        t.db,
        { email: "ipvictim@example.com", password: "right-password-3" },
        "203.0.113.9",
      ),
    ).rejects.toBeInstanceOf(RateLimitedError);
    expect(
      await authenticate(
        t.db,
        { email: "ipvictim@example.com", password: "right-password-3" },
        "203.0.113.10",
      ),
    ).not.toBeNull();
  });
});
