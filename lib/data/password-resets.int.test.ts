import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passwordResetTokens, users } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/test/db";
import { addMember, makeOwner } from "@/lib/test/factories";
import {
  createResetTokenForEmail,
  createResetTokenForMember,
  getResetTokenStatus,
  resetLinkLifetimeMs,
  resetPasswordWithToken,
} from "./password-resets";

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
    const editor = await addMember(owner, "editor", "Eddie Editor");
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
