// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workspaces } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/test/db";
import { addMember, makeOwner, makeUser } from "@/lib/test/factories";
import { getApiKey, removeApiKey, saveApiKey } from "./api-keys";
import { ctxWithDb, type WorkspaceCtx } from "./context";
import { changeMemberRole, listMembers, removeMember } from "./members";
import {
  createWorkspace,
  getWorkspaceSettings,
  listUserWorkspaces,
  readSessionRecord,
  resolveWorkspaceCtx,
  switchWorkspace,
  updateWorkspaceSettings,
} from "./workspaces";

let t: TestDatabase;
const ownerCount = async (ctx: WorkspaceCtx) =>
  (await listMembers(ctx)).filter((m) => m.role === "owner").length;
const encryptionKey = randomBytes(32);

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

describe("workspaces", () => {
  it("gives a new user an owned workspace and lists it", async () => {
    const owner = await makeOwner(t.db, "Ana");
    expect(owner.role).toBe("owner");
    const list = await listUserWorkspaces(owner);
    expect(list).toEqual([{ id: owner.workspaceId, name: "Ana's workspace", role: "owner" }]);
  });

  it("switches between workspaces and lands in the one used last", async () => {
    const owner = await makeOwner(t.db, "Ben");
    const second = await createWorkspace(owner, "Second brand");
    expect((await resolveWorkspaceCtx(t.db, owner.user))?.workspaceId).toBe(second.id);
    await switchWorkspace(owner, owner.workspaceId);
    expect((await resolveWorkspaceCtx(t.db, owner.user))?.workspaceId).toBe(owner.workspaceId);
  });

  it("refuses to switch into or resolve a workspace the user is not in", async () => {
    const a = await makeOwner(t.db, "Cara");
    const b = await makeOwner(t.db, "Dan");
    await expect(switchWorkspace(a, b.workspaceId)).rejects.toMatchObject({ code: "not_found" });
    expect(await resolveWorkspaceCtx(t.db, a.user, b.workspaceId)).toBeNull();
  });

  it("updates settings for owners only and only in their own workspace", async () => {
    const a = await makeOwner(t.db, "Eve");
    const b = await makeOwner(t.db, "Finn");
    await updateWorkspaceSettings(a, {
      name: "Eve Agency",
      timezone: "Europe/Paris",
      tiktokAuditStatus: "audited",
    });
    expect(await getWorkspaceSettings(a)).toMatchObject({
      name: "Eve Agency",
      timezone: "Europe/Paris",
      tiktokAuditStatus: "audited",
    });
    expect((await getWorkspaceSettings(b)).name).toBe("Finn's workspace");

    const editor = await addMember(a, "editor");
    const viewer = await addMember(a, "viewer");
    for (const m of [editor, viewer]) {
      await expect(
        updateWorkspaceSettings(m.ctx, {
          name: "Hijack",
          timezone: "UTC",
          tiktokAuditStatus: "unknown",
        }),
      ).rejects.toMatchObject({ code: "forbidden" });
    }
    expect((await getWorkspaceSettings(a)).name).toBe("Eve Agency");
    // The session read carries the active workspace's zone and audit status (pages use them).
    expect((await readSessionRecord(t.db, a.user.id))?.settings).toEqual({
      timezone: "Europe/Paris",
      tiktokAuditStatus: "audited",
    });
    expect((await readSessionRecord(t.db, b.user.id))?.settings).toEqual({
      timezone: "UTC",
      tiktokAuditStatus: "unknown",
    });
    const outsider = await makeUser(t.db, "Gus");
    expect(await resolveWorkspaceCtx(t.db, outsider, a.workspaceId)).toBeNull();
  });

  it("refuses a forged context, by type and at run time", async () => {
    const a = await makeOwner(t.db, "Gia");
    const outsider = await makeUser(t.db, "Hal");
    const viewer = await addMember(a, "viewer");
    // @ts-expect-error a WorkspaceCtx cannot be written by hand: only openWorkspaceCtx issues one
    const forged: WorkspaceCtx = {
      db: t.db,
      user: outsider,
      workspaceId: a.workspaceId,
      role: "owner",
    };
    // A copy of a real context with a raised role type-checks, so it is refused at run time.
    const promoted: WorkspaceCtx = { ...viewer.ctx, role: "owner" };
    for (const ctx of [forged, promoted]) {
      await expect(getWorkspaceSettings(ctx)).rejects.toThrow(/not issued/);
      await expect(saveApiKey(ctx, "pp_forged_key_0000", encryptionKey)).rejects.toThrow(
        /not issued/,
      );
      await expect(
        updateWorkspaceSettings(ctx, {
          name: "Forged",
          timezone: "UTC",
          tiktokAuditStatus: "unknown",
        }),
      ).rejects.toThrow(/not issued/);
    }
    expect(() => ctxWithDb(promoted, t.db)).toThrow(/not issued/);
    // A verified context may move onto a transaction, keeping who and where it acts.
    await t.db.transaction(async (tx) => {
      const inTx = ctxWithDb(a, tx);
      expect(inTx).toMatchObject({ workspaceId: a.workspaceId, role: "owner" });
      expect((await getWorkspaceSettings(inTx)).name).toBe("Gia's workspace");
    });
    expect(() => Object.assign(viewer.ctx, { role: "owner" })).toThrow(TypeError);
    expect(viewer.ctx.role).toBe("viewer");
    expect((await getWorkspaceSettings(a)).name).toBe("Gia's workspace");
    expect(await getApiKey(a, encryptionKey)).toBeNull();
  });

  it("acts on the workspace id as the database spells it, whatever case the client sent", async () => {
    const a = await makeOwner(t.db, "Ida");
    const shouted = await resolveWorkspaceCtx(t.db, a.user, a.workspaceId.toUpperCase());
    expect(shouted?.workspaceId).toBe(a.workspaceId);
    await saveApiKey(shouted!, "pp_live_upper_case_4321", encryptionKey);
    // Read back through the ordinary context (as Profiles does for every member).
    expect(await getApiKey(a, encryptionKey)).toBe("pp_live_upper_case_4321");
    const viewer = await addMember(a, "viewer");
    expect(await getApiKey(viewer.ctx, encryptionKey)).toBe("pp_live_upper_case_4321");
    await switchWorkspace(a, a.workspaceId.toUpperCase());
    expect((await resolveWorkspaceCtx(t.db, a.user))?.workspaceId).toBe(a.workspaceId);
  });
});

describe("api keys", () => {
  it("stores the key encrypted, shows the last 4, decrypts for the server, and removes it", async () => {
    const a = await makeOwner(t.db, "Hana");
    const { last4 } = await saveApiKey(a, "pp_live_secret_9876", encryptionKey);
    expect(last4).toBe("9876");
    const [row] = await t.db.select().from(workspaces).where(eq(workspaces.id, a.workspaceId));
    expect(row.postproxyKeyCiphertext).toBeTruthy();
    expect(row.postproxyKeyCiphertext).not.toContain("pp_live_secret_9876");
    expect(await getApiKey(a, encryptionKey)).toBe("pp_live_secret_9876");
    expect((await getWorkspaceSettings(a)).apiKeyLast4).toBe("9876");
    await removeApiKey(a);
    expect(await getApiKey(a, encryptionKey)).toBeNull();
  });

  it("lets only owners change the key", async () => {
    const a = await makeOwner(t.db, "Ivo");
    await saveApiKey(a, "pp_live_original_1111", encryptionKey);
    for (const role of ["editor", "viewer"] as const) {
      const m = await addMember(a, role);
      await expect(saveApiKey(m.ctx, "pp_live_attacker_2222", encryptionKey)).rejects.toMatchObject(
        { code: "forbidden" },
      );
      await expect(removeApiKey(m.ctx)).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await getApiKey(a, encryptionKey)).toBe("pp_live_original_1111");
  });

  it("keeps each workspace's key to itself", async () => {
    const a = await makeOwner(t.db, "Jo");
    const b = await makeOwner(t.db, "Kim");
    await saveApiKey(a, "pp_key_of_workspace_a", encryptionKey);
    await saveApiKey(b, "pp_key_of_workspace_b", encryptionKey);
    expect(await getApiKey(a, encryptionKey)).toBe("pp_key_of_workspace_a");
    expect(await getApiKey(b, encryptionKey)).toBe("pp_key_of_workspace_b");
    // A ciphertext copied into another workspace does not decrypt there (bound to its workspace).
    const [rowA] = await t.db.select().from(workspaces).where(eq(workspaces.id, a.workspaceId));
    await t.db
      .update(workspaces)
      .set({ postproxyKeyCiphertext: rowA.postproxyKeyCiphertext })
      .where(eq(workspaces.id, b.workspaceId));
    await expect(getApiKey(b, encryptionKey)).rejects.toThrow();
  });
});

describe("members", () => {
  it("lists members, changes roles and removes them", async () => {
    const a = await makeOwner(t.db, "Lea");
    const ed = await addMember(a, "editor", "Max");
    expect((await listMembers(a)).map((m) => m.role)).toEqual(["owner", "editor"]);
    await changeMemberRole(a, { membershipId: ed.membershipId, role: "viewer" });
    expect((await listMembers(a)).find((m) => m.membershipId === ed.membershipId)?.role).toBe(
      "viewer",
    );
    await removeMember(a, { membershipId: ed.membershipId });
    expect(await listMembers(a)).toHaveLength(1);
    expect(await resolveWorkspaceCtx(t.db, ed.user, a.workspaceId)).toBeNull();
  });

  it("never leaves a workspace without an owner", async () => {
    const a = await makeOwner(t.db, "Nia");
    const [self] = await listMembers(a);
    await expect(
      changeMemberRole(a, { membershipId: self.membershipId, role: "editor" }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(removeMember(a, { membershipId: self.membershipId })).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await ownerCount(a)).toBe(1);
    const second = await addMember(a, "owner", "Oli");
    await changeMemberRole(a, { membershipId: self.membershipId, role: "editor" });
    expect(await ownerCount(second.ctx)).toBe(1);
  });

  it("only owners manage members", async () => {
    const a = await makeOwner(t.db, "Pia");
    const ed = await addMember(a, "editor");
    const vi = await addMember(a, "viewer");
    await expect(
      changeMemberRole(ed.ctx, { membershipId: vi.membershipId, role: "owner" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(removeMember(vi.ctx, { membershipId: ed.membershipId })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await listMembers(a)).toHaveLength(3);
  });

  it("cannot touch a member of another workspace", async () => {
    const a = await makeOwner(t.db, "Quin");
    const b = await makeOwner(t.db, "Rae");
    const bMember = await addMember(b, "editor");
    await expect(
      changeMemberRole(a, { membershipId: bMember.membershipId, role: "viewer" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(removeMember(a, { membershipId: bMember.membershipId })).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await listMembers(b)).find((m) => m.membershipId === bMember.membershipId)?.role).toBe(
      "editor",
    );
    expect((await listMembers(a)).map((m) => m.userId)).not.toContain(bMember.user.id);
  });
});
