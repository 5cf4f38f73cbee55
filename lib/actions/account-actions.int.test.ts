import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/data/context";
import { users } from "@/lib/db/schema";
import { testDatabase } from "@/lib/test/integration";
import { addMember, makeOwner } from "@/lib/test/factories";

const t = await testDatabase();
let sessionUser: SessionUser | null = null;
let mailConfigured = false;
const sent: { to: string; text: string }[] = [];

vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => sessionUser }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("@/lib/mail/mailer", () => ({
  isMailConfigured: () => mailConfigured,
  publicUrl: (path: string) => `http://app.test${path}`,
  sendMail: async (mail: { to: string; text: string }) => {
    sent.push(mail);
  },
}));

const { hashPassword, verifyPassword } = await import("@/lib/auth/password");
const resetActions = await import("./password-reset");
const profileActions = await import("./profile");
const { listMembers } = await import("@/lib/data/members");

beforeEach(() => {
  sessionUser = null;
  mailConfigured = false;
  sent.length = 0;
});

function form(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

async function setPassword(userId: string, password: string) {
  await t.db
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(users.id, userId));
}

async function userRow(userId: string) {
  const [row] = await t.db
    .select({ email: users.email, hash: users.passwordHash, version: users.sessionVersion })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

describe("password reset by email", () => {
  it("emails a one-time link, which sets the password and ends every session", async () => {
    mailConfigured = true;
    const owner = await makeOwner(t.db, "Mel Mail");
    const before = await userRow(owner.user.id);
    const asked = await resetActions.requestPasswordResetAction(form({ email: owner.user.email }));
    expect(asked).toEqual({ ok: true, data: { sent: true } });
    expect(sent).toHaveLength(1);
    const token = sent[0].text.match(/reset-password\/([\w-]+)/)![1];

    const mismatch = await resetActions.resetPasswordAction(
      form({ token, password: "new password 123", confirmPassword: "other" }),
    );
    expect(mismatch).toMatchObject({
      ok: false,
      fieldErrors: { confirmPassword: expect.any(Array) },
    });
    const done = await resetActions.resetPasswordAction(
      form({ token, password: "new password 123", confirmPassword: "new password 123" }),
    );
    expect(done.ok).toBe(true);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({
      to: owner.user.email,
      text: expect.stringContaining("with a reset link sent to this email address"),
    });
    const after = await userRow(owner.user.id);
    expect(await verifyPassword(after.hash, "new password 123")).toBe(true);
    expect(after.version).toBe(before.version + 1);
    const again = await resetActions.resetPasswordAction(
      form({ token, password: "third password 1", confirmPassword: "third password 1" }),
    );
    expect(again).toMatchObject({
      ok: false,
      message: expect.stringContaining("already been used"),
    });
  });

  it("says the same for unknown emails and is rate-limited per email", async () => {
    mailConfigured = true;
    expect(
      await resetActions.requestPasswordResetAction(form({ email: "ghost@example.com" })),
    ).toEqual({ ok: true, data: { sent: true } });
    expect(sent).toHaveLength(0);
    const owner = await makeOwner(t.db, "Rae Rate");
    const results = [];
    for (let i = 0; i < 4; i++)
      results.push(
        await resetActions.requestPasswordResetAction(form({ email: owner.user.email })),
      );
    expect(results.slice(0, 3).every((r) => r.ok)).toBe(true);
    expect(results[3]).toMatchObject({ ok: false, code: "rate_limited" });
    expect(sent).toHaveLength(3);
  });
});

describe("owner-issued reset links", () => {
  it("without SMTP the owner gets the link; with SMTP the member gets it by email", async () => {
    const owner = await makeOwner(t.db, "Omar Owner");
    const editor = await addMember(owner, "editor", "Ella Editor", { invitedOnly: true });
    sessionUser = owner.user;
    const shown = await resetActions.issueResetLinkAction(
      form({ workspaceId: owner.workspaceId, membershipId: editor.membershipId }),
    );
    expect(shown).toMatchObject({
      ok: true,
      data: {
        emailed: false,
        link: expect.stringMatching(/^http:\/\/app\.test\/reset-password\//),
      },
    });
    mailConfigured = true;
    const emailed = await resetActions.issueResetLinkAction(
      form({ workspaceId: owner.workspaceId, membershipId: editor.membershipId }),
    );
    expect(emailed).toMatchObject({ ok: true, data: { emailed: true, link: null } });
    expect(JSON.stringify(emailed)).not.toContain("reset-password");
    expect(sent).toHaveLength(1);
    expect(sent[0].to).toBe(editor.user.email);

    const token = sent[0].text.match(/reset-password\/([\w-]+)/)![1];
    sessionUser = null;
    const used = await resetActions.resetPasswordAction(
      form({ token, password: "member password 1", confirmPassword: "member password 1" }),
    );
    expect(used.ok).toBe(true);
    expect(sent[1]).toMatchObject({
      to: editor.user.email,
      text: expect.stringContaining("Omar Owner, an owner of the workspace"),
    });
  });

  it("are refused, with the reason, for a member whose account is also in another workspace", async () => {
    const owner = await makeOwner(t.db, "Aldo Attacker");
    const victim = await addMember(owner, "viewer", "Carla Victim");
    sessionUser = owner.user;
    for (const smtp of [false, true]) {
      mailConfigured = smtp;
      const refused = await resetActions.issueResetLinkAction(
        form({ workspaceId: owner.workspaceId, membershipId: victim.membershipId }),
      );
      expect(refused).toMatchObject({
        ok: false,
        code: "forbidden",
        message: expect.stringContaining("another workspace"),
      });
    }
    expect(sent).toHaveLength(0);
  });

  it("are refused to editors, viewers and owners of other workspaces", async () => {
    const owner = await makeOwner(t.db, "Pia Prime");
    const editor = await addMember(owner, "editor", "Ed Two");
    const viewer = await addMember(owner, "viewer", "Vi Two");
    const stranger = await makeOwner(t.db, "Stan Stranger");
    for (const user of [editor.user, viewer.user]) {
      sessionUser = user;
      expect(
        await resetActions.issueResetLinkAction(
          form({ workspaceId: owner.workspaceId, membershipId: editor.membershipId }),
        ),
      ).toMatchObject({ ok: false, code: "forbidden" });
    }
    sessionUser = stranger.user;
    expect(
      await resetActions.issueResetLinkAction(
        form({ workspaceId: owner.workspaceId, membershipId: editor.membershipId }),
      ),
    ).toMatchObject({ ok: false, code: "forbidden" });
    expect(
      await resetActions.issueResetLinkAction(
        form({ workspaceId: stranger.workspaceId, membershipId: editor.membershipId }),
      ),
    ).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("account settings", () => {
  it("change the email only with the current password", async () => {
    const owner = await makeOwner(t.db, "Cam Change");
    await setPassword(owner.user.id, "current password 1");
    sessionUser = owner.user;
    const wrong = await profileActions.changeEmailAction(
      form({ email: "cam.new@example.com", currentPassword: "wrong password" }),
    );
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { currentPassword: expect.any(Array) } });
    expect((await userRow(owner.user.id)).email).toBe(owner.user.email);
    const other = await makeOwner(t.db, "Taken Address");
    const taken = await profileActions.changeEmailAction(
      form({ email: other.user.email, currentPassword: "current password 1" }),
    );
    expect(taken).toMatchObject({ ok: false, code: "conflict" });
    const ok = await profileActions.changeEmailAction(
      form({ email: "Cam.New@Example.com", currentPassword: "current password 1" }),
    );
    expect(ok).toEqual({ ok: true, data: { email: "cam.new@example.com" } });
    expect(await profileActions.updateNameAction(form({ name: "  Cam C  " }))).toEqual({
      ok: true,
      data: { name: "Cam C" },
    });
  });

  it("let members leave, but never the last owner", async () => {
    const owner = await makeOwner(t.db, "Lou Last");
    const viewer = await addMember(owner, "viewer", "Leo Leaver");
    sessionUser = owner.user;
    expect(
      await profileActions.leaveWorkspaceAction(form({ workspaceId: owner.workspaceId })),
    ).toMatchObject({ ok: false, code: "conflict" });
    sessionUser = viewer.user;
    expect(
      await profileActions.leaveWorkspaceAction(form({ workspaceId: owner.workspaceId })),
    ).toEqual({ ok: true, data: { left: true } });
    const left = await listMembers(owner);
    expect(left.map((m) => m.userId)).toEqual([owner.user.id]);
  });
});
