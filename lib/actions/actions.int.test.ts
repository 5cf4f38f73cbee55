// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/data/context";
import { testDatabase } from "@/lib/test/integration";
import { addMember, makeOwner } from "@/lib/test/factories";

const t = await testDatabase();
let sessionUser: SessionUser | null = null;

vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => sessionUser }));
const verifyKey = vi.fn(async (_key: string) => {});
vi.mock("@/lib/integrations/postproxy", async (orig) => ({
  ...(await orig<object>()),
  verifyPostproxyKey: (key: string) => verifyKey(key),
  // No PUBLIC_BASE_URL here: saving a key registers no webhook, and needs no client.
  getWorkspacePostproxy: async () => null,
}));

const { getWorkspaceSettings } = await import("@/lib/data/workspaces");
const { getApiKey } = await import("@/lib/data/api-keys");
const { listMembers } = await import("@/lib/data/members");
const workspaceActions = await import("./workspace");
const memberActions = await import("./members");
const { AppError } = await import("@/lib/errors");

beforeEach(() => {
  sessionUser = null;
  verifyKey.mockReset();
});

function form(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

describe("owner actions called directly by non-owners", () => {
  it("return forbidden and change nothing", async () => {
    const owner = await makeOwner(t.db, "Olga");
    const target = await addMember(owner, "editor", "Target");
    const ws = owner.workspaceId;
    const calls = [
      () =>
        workspaceActions.updateWorkspaceSettingsAction(
          form({ workspaceId: ws, name: "Pwned", timezone: "UTC", tiktokAuditStatus: "audited" }),
        ),
      () =>
        workspaceActions.saveApiKeyAction(
          form({ workspaceId: ws, apiKey: "pp_attacker_key_0000" }),
        ),
      () => workspaceActions.removeApiKeyAction(form({ workspaceId: ws })),
      () => memberActions.createInviteAction(form({ workspaceId: ws, role: "editor" })),
      () =>
        memberActions.changeMemberRoleAction(
          form({ workspaceId: ws, membershipId: target.membershipId, role: "owner" }),
        ),
      () =>
        memberActions.removeMemberAction(
          form({ workspaceId: ws, membershipId: target.membershipId }),
        ),
    ];
    for (const role of ["editor", "viewer"] as const) {
      const member = await addMember(owner, role);
      sessionUser = member.user;
      for (const call of calls) {
        const result = await call();
        expect(result).toMatchObject({ ok: false, code: "forbidden" });
      }
    }
    expect(verifyKey).not.toHaveBeenCalled();
    expect((await getWorkspaceSettings(owner)).name).toBe("Olga's workspace");
    expect(await getApiKey(owner)).toBeNull();
    expect(
      (await listMembers(owner)).find((m) => m.membershipId === target.membershipId)?.role,
    ).toBe("editor");
  });

  it("refuse a workspace the caller is not a member of, and signed-out callers", async () => {
    const a = await makeOwner(t.db, "Ada");
    const b = await makeOwner(t.db, "Bob");
    sessionUser = a.user;
    const result = await workspaceActions.updateWorkspaceSettingsAction(
      form({
        workspaceId: b.workspaceId,
        name: "Mine now",
        timezone: "UTC",
        tiktokAuditStatus: "audited",
      }),
    );
    expect(result).toMatchObject({ ok: false, code: "forbidden" });
    expect((await getWorkspaceSettings(b)).name).toBe("Bob's workspace");
    sessionUser = null;
    expect(
      await workspaceActions.removeApiKeyAction(form({ workspaceId: a.workspaceId })),
    ).toMatchObject({ ok: false, code: "unauthorized" });
  });
});

describe("owner actions", () => {
  it("return every field error at once and keep what was typed (but never the key)", async () => {
    const owner = await makeOwner(t.db, "Cleo");
    sessionUser = owner.user;
    const result = await workspaceActions.updateWorkspaceSettingsAction(
      form({
        workspaceId: owner.workspaceId,
        name: "  ",
        timezone: "Mars/Olympus",
        tiktokAuditStatus: "maybe",
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual([
      "name",
      "tiktokAuditStatus",
      "timezone",
    ]);
    expect(result.values?.timezone).toBe("Mars/Olympus");
    const keyResult = await workspaceActions.saveApiKeyAction(
      form({ workspaceId: owner.workspaceId, apiKey: "has space inside" }),
    );
    expect(keyResult).toMatchObject({ ok: false, code: "invalid_input" });
    expect(JSON.stringify(keyResult)).not.toContain("has space inside");
  });

  it("save a key only after Postproxy accepts it, and never return it", async () => {
    const owner = await makeOwner(t.db, "Dora");
    sessionUser = owner.user;
    verifyKey.mockRejectedValueOnce(
      new AppError("invalid_input", "Postproxy refused this key (401 Invalid API key).", {
        apiKey: ["Postproxy refused this key (401 Invalid API key)."],
      }),
    );
    const refused = await workspaceActions.saveApiKeyAction(
      form({ workspaceId: owner.workspaceId, apiKey: "pp_wrong_key_1234" }),
    );
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { apiKey: [expect.stringContaining("401")] },
    });
    expect(await getApiKey(owner)).toBeNull();

    const saved = await workspaceActions.saveApiKeyAction(
      form({ workspaceId: owner.workspaceId, apiKey: "pp_right_key_5678" }),
    );
    expect(saved).toEqual({ ok: true, data: { last4: "5678" } });
    expect(JSON.stringify(saved)).not.toContain("pp_right_key");
    expect(await getApiKey(owner)).toBe("pp_right_key_5678");
  });

  it("save a key sent with an upper-cased workspace id so every member can still read it", async () => {
    const owner = await makeOwner(t.db, "Edda");
    const viewer = await addMember(owner, "viewer");
    sessionUser = owner.user;
    const saved = await workspaceActions.saveApiKeyAction(
      form({ workspaceId: owner.workspaceId.toUpperCase(), apiKey: "pp_shouted_key_9999" }),
    );
    expect(saved).toEqual({ ok: true, data: { last4: "9999" } });
    // What Profiles does for each member: decrypt with the workspace id the database returns.
    expect(await getApiKey(owner)).toBe("pp_shouted_key_9999");
    expect(await getApiKey(viewer.ctx)).toBe("pp_shouted_key_9999");
  });

  it("switch workspace only into the caller's own workspaces", async () => {
    const a = await makeOwner(t.db, "Eli");
    const b = await makeOwner(t.db, "Fay");
    sessionUser = a.user;
    expect(
      await workspaceActions.switchWorkspaceAction({ workspaceId: b.workspaceId }),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect(
      await workspaceActions.switchWorkspaceAction({ workspaceId: "not-a-uuid" }),
    ).toMatchObject({ ok: false, code: "invalid_input" });
  });
});
