// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberships, passwordResetTokens, users } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/test/db";
import { addMember, makeOwner } from "@/lib/test/factories";
import {
  createResetTokenForEmail,
  createResetTokenForMember,
  getResetTokenStatus,
  resetLinkLifetimeMs,
  resetPasswordWithToken,
} from "./password-resets";
import { listMembers } from "./members";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

async function userRow(id: string) {
  const [row] = await t.db
    .select({ hash: users.passwordHash, version: users.sessionVersion })
    .from(users)
    .where(eq(users.id, id));
  return row;
}

describe("password reset links", () => {
  it("are stored hashed, work once, replace the password and end every session", async () => {
    const owner = await makeOwner(t.db, "Rita Reset");
    const issued = await createResetTokenForEmail(t.db, owner.user.email.toUpperCase());
    expect(issued).not.toBeNull();
    const stored = await t.db
      .select({ hash: passwordResetTokens.tokenHash })
      .from(passwordResetTokens)
      .where(eq(passwordResetTokens.userId, owner.user.id));
    expect(stored).toHaveLength(1);
    expect(stored[0].hash).not.toContain(issued!.token);
    expect(stored[0].hash).toBe(createHash("sha256").update(issued!.token).digest("hex"));

    const before = await userRow(owner.user.id);
    expect(await getResetTokenStatus(t.db, issued!.token)).toBe("valid");
    await resetPasswordWithToken(t.db, { token: issued!.token, passwordHash: "$argon2id$new" });
    const after = await userRow(owner.user.id);
    expect(after.hash).toBe("$argon2id$new");
    expect(after.version).toBe(before.version + 1);

    expect(await getResetTokenStatus(t.db, issued!.token)).toBe("used");
    await expect(
      resetPasswordWithToken(t.db, { token: issued!.token, passwordHash: "$argon2id$again" }),
    ).rejects.toMatchObject({ code: "invalid_input", message: expect.stringContaining("already") });
    expect((await userRow(owner.user.id)).hash).toBe("$argon2id$new");
  });

  it("expire after an hour", async () => {
    const owner = await makeOwner(t.db, "Eve Expired");
    const then = new Date("2026-01-01T10:00:00Z");
    const issued = await createResetTokenForEmail(t.db, owner.user.email, then);
    const later = new Date(then.getTime() + resetLinkLifetimeMs + 1);
    expect(await getResetTokenStatus(t.db, issued!.token, later)).toBe("expired");
    await expect(
      resetPasswordWithToken(t.db, { token: issued!.token, passwordHash: "x" }, later),
    ).rejects.toMatchObject({ message: expect.stringContaining("expired") });
  });

  it("answer nothing for unknown emails or tokens, and a new link retires the old one", async () => {
    expect(await createResetTokenForEmail(t.db, "nobody@example.com")).toBeNull();
    expect(await getResetTokenStatus(t.db, "forged")).toBe("invalid");
    const owner = await makeOwner(t.db, "Nia New");
    const first = await createResetTokenForEmail(t.db, owner.user.email);
    const second = await createResetTokenForEmail(t.db, owner.user.email);
    expect(await getResetTokenStatus(t.db, first!.token)).toBe("used");
    expect(await getResetTokenStatus(t.db, second!.token)).toBe("valid");
  });

  it("two concurrent uses of one link: exactly one wins", async () => {
    const owner = await makeOwner(t.db, "Cora Concurrent");
    const issued = await createResetTokenForEmail(t.db, owner.user.email);
    const results = await Promise.allSettled(
      ["a", "b", "c"].map((h) =>
        resetPasswordWithToken(t.db, { token: issued!.token, passwordHash: h }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("owners issue links for members of their own workspace only, never for themselves", async () => {
    const owner = await makeOwner(t.db, "Olly Owner");
    const editor = await addMember(owner, "editor", "Eddie Editor", { invitedOnly: true });
    const issued = await createResetTokenForMember(owner, editor.membershipId);
    expect(issued.member.email).toBe(editor.user.email);
    expect(await getResetTokenStatus(t.db, issued.token)).toBe("valid");

    await expect(createResetTokenForMember(editor.ctx, editor.membershipId)).rejects.toMatchObject({
      code: "forbidden",
    });
    const other = await makeOwner(t.db, "Otto Other");
    await expect(createResetTokenForMember(other, editor.membershipId)).rejects.toMatchObject({
      code: "not_found",
    });
    const [self] = await t.db
      .select({ id: passwordResetTokens.id })
      .from(passwordResetTokens)
      .where(eq(passwordResetTokens.userId, owner.user.id));
    expect(self).toBeUndefined();
  });
});

/**
 * An account is global: an owner may reset it only while their workspace wholly controls it. The
 * takeover these guard against: owner A invites C (who owns workspace C), issues C a link, uses it.
 */
describe("owner-issued links and accounts the workspace does not wholly control", () => {
  async function memberOnlyHere(name: string) {
    const owner = await makeOwner(t.db, `${name} Owner`);
    const member = await addMember(owner, "editor", name, { invitedOnly: true });
    return { owner, member };
  }
  const tryUse = (token: string) =>
    resetPasswordWithToken(t.db, { token, passwordHash: "$argon2id$attacker" });

  it("a member of this workspace alone: the link is issued and works", async () => {
    const { owner, member } = await memberOnlyHere("Alma Alone");
    const issued = await createResetTokenForMember(owner, member.membershipId);
    const used = await tryUse(issued.token);
    expect(used.route).toMatchObject({ kind: "owner", issuerName: owner.user.name });
    expect((await userRow(member.user.id)).hash).toBe("$argon2id$attacker");
  });

  it("refused at issue for a member who owns another workspace or is a viewer in one", async () => {
    const owner = await makeOwner(t.db, "Ana Attacker");
    const victim = await addMember(owner, "viewer", "Cleo Victim");
    await expect(createResetTokenForMember(owner, victim.membershipId)).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringContaining("Forgot your password"),
    });
    const { owner: other } = await memberOnlyHere("Unrelated");
    const viewerElsewhere = await addMember(owner, "editor", "Vera Two", { invitedOnly: true });
    await t.db
      .insert(memberships)
      .values({ workspaceId: other.workspaceId, userId: viewerElsewhere.user.id, role: "viewer" });
    await expect(
      createResetTokenForMember(owner, viewerElsewhere.membershipId),
    ).rejects.toMatchObject({ code: "forbidden" });
    const listed = await listMembers(owner);
    expect(listed.find((m) => m.userId === victim.user.id)?.isInOtherWorkspaces).toBe(true);
    expect(listed.find((m) => m.userId === owner.user.id)?.isInOtherWorkspaces).toBe(false);
    const tokens = await t.db
      .select({ id: passwordResetTokens.id })
      .from(passwordResetTokens)
      .where(eq(passwordResetTokens.issuedById, owner.user.id));
    expect(tokens).toHaveLength(0);
  });

  it("void at use when the member joined another workspace after the link was made", async () => {
    const { owner, member } = await memberOnlyHere("Jo Joiner");
    const issued = await createResetTokenForMember(owner, member.membershipId);
    const { owner: elsewhere } = await memberOnlyHere("Elsewhere");
    await t.db
      .insert(memberships)
      .values({ workspaceId: elsewhere.workspaceId, userId: member.user.id, role: "viewer" });
    expect(await getResetTokenStatus(t.db, issued.token)).toBe("revoked");
    const before = await userRow(member.user.id);
    await expect(tryUse(issued.token)).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining("no longer applies"),
    });
    expect(await userRow(member.user.id)).toEqual(before);
    // The claim stands: the link is spent even if the member later leaves the other workspace.
    await t.db.delete(memberships).where(eq(memberships.userId, member.user.id));
    expect(await getResetTokenStatus(t.db, issued.token)).toBe("used");
  });

  it("void at use when the member was removed, or removed and invited again", async () => {
    const { owner, member } = await memberOnlyHere("Remy Removed");
    const issued = await createResetTokenForMember(owner, member.membershipId);
    await t.db.delete(memberships).where(eq(memberships.id, member.membershipId));
    await expect(tryUse(issued.token)).rejects.toMatchObject({ code: "invalid_input" });

    const again = await memberOnlyHere("Rita Rejoined");
    const link = await createResetTokenForMember(again.owner, again.member.membershipId);
    await t.db.delete(memberships).where(eq(memberships.id, again.member.membershipId));
    await t.db.insert(memberships).values({
      workspaceId: again.owner.workspaceId,
      userId: again.member.user.id,
      role: "editor",
    });
    await expect(tryUse(link.token)).rejects.toMatchObject({ code: "invalid_input" });
    expect((await userRow(again.member.user.id)).hash).toBeNull();
  });

  it("void at use when the issuer is no longer an owner", async () => {
    const { owner, member } = await memberOnlyHere("Dora Demoted");
    const coOwner = await addMember(owner, "owner", "Cody Co-owner", { invitedOnly: true });
    const issued = await createResetTokenForMember(owner, member.membershipId);
    await t.db
      .update(memberships)
      .set({ role: "editor" })
      .where(
        and(eq(memberships.userId, owner.user.id), eq(memberships.workspaceId, owner.workspaceId)),
      );
    await expect(tryUse(issued.token)).rejects.toMatchObject({ code: "invalid_input" });
    expect((await userRow(member.user.id)).hash).toBeNull();
    expect(coOwner.ctx.role).toBe("owner");
  });
});
