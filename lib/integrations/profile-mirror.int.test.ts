// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { WorkspaceCtx } from "@/lib/data/context";
import { createTestDatabase, type TestDatabase } from "@/lib/test/db";
import { addMember, makeOwner } from "@/lib/test/factories";
import { fastClient } from "@/lib/publishing/test-support/setup";
import { saveApiKey } from "@/lib/data/api-keys";
import { TestSandbox } from "../../sandbox/test-support/harness";

let t: TestDatabase;
let sandbox: TestSandbox;
const calls: string[] = [];

vi.mock("@/lib/integrations/postproxy", async (orig) => ({
  ...(await orig<object>()),
  getWorkspacePostproxy: async (ctx: WorkspaceCtx) => {
    const client = await fastClient(sandbox, ctx);
    if (!client) return null;
    // Records which group each profile list asked for.
    const list = client.profiles.list;
    client.profiles.list = (options) => {
      calls.push(`profiles:${options?.profileGroupId ?? "none"}`);
      return list(options);
    };
    return client;
  },
}));

const { refreshProfileMirror, applyProfileEvent } = await import("./profile-mirror");
const { startProfileConnection, completeProfileConnection } = await import("./profile-connect");
const { listComposeProfiles } = await import("./tiktok-profiles");
const data = await import("@/lib/data/profiles");

let owner: WorkspaceCtx;

beforeAll(async () => {
  process.env.APP_ENCRYPTION_KEY ??= "a".repeat(64);
  process.env.NEXTAUTH_SECRET ??= "b".repeat(40);
  t = await createTestDatabase();
  sandbox = await TestSandbox.start({ log: false });
  owner = await makeOwner(t.db, "Mirror Owner");
  await saveApiKey(owner, sandbox.handle.apiKey);
}, 120_000);
afterAll(async () => {
  await sandbox?.close();
  await t?.close();
});

/** Follows the sandbox's consent page as a browser would; returns the return URL's params. */
async function consent(url: string, decision: "approve" | "deny", username = "fresh_brand") {
  const form = new URLSearchParams({ decision, account: "new", username });
  const res = await fetch(url, {
    method: "POST",
    body: form,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location")!).searchParams;
}

describe("profile mirror", () => {
  it("is empty and stale until the first refresh, then lists every group's profiles", async () => {
    expect(await data.getMirrorState(owner)).toMatchObject({ hasKey: true, isLoaded: false });
    expect((await listComposeProfiles(owner)).profiles).toEqual([]);
    calls.length = 0;
    const result = await refreshProfileMirror(owner);
    expect(result).toEqual({ status: "refreshed", groups: 2, profiles: 4 });
    // Group by group, each with profile_group_id.
    expect(calls.sort()).toEqual(["profiles:grp_acme", "profiles:grp_northwind"]);
    const state = await data.getMirrorState(owner);
    expect(state).toMatchObject({ isLoaded: true, isStale: false, lastError: null });
    const compose = await listComposeProfiles(owner);
    expect(compose.profiles.map((p) => [p.id, p.status, p.groupName])).toEqual([
      ["prof_acme_tiktok", "active", "Acme Coffee"],
      ["prof_northwind_tiktok", "active", "Northwind Outdoors"],
      ["prof_northwind_tiktok_old", "expired", "Northwind Outdoors"],
    ]);
    expect(compose.profiles[0].lastSuccessAt).not.toBeNull();
    const groups = await data.listProfileGroups(owner);
    expect(groups.map((g) => [g.id, g.profiles.length])).toEqual([
      ["grp_acme", 2],
      ["grp_northwind", 2],
    ]);
  });

  it("starts one refresh among concurrent callers and none while fresh", async () => {
    expect(await refreshProfileMirror(owner)).toEqual({
      status: "skipped",
      reason: "fresh_or_running",
    });
    const claims = await Promise.all(
      Array.from({ length: 5 }, () => data.claimMirrorRefresh(owner, { force: true })),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    await data.recordMirrorFailure(owner, "x");
    await refreshProfileMirror(owner, { force: true });
    expect((await data.getMirrorState(owner)).lastError).toBeNull();
  });

  it("becomes stale at once when the key changes, and after five minutes", async () => {
    const later = new Date(Date.now() + data.mirrorMaxAgeMs + 1000);
    expect((await data.getMirrorState(owner, later)).isStale).toBe(true);
    await saveApiKey(owner, sandbox.handle.apiKey);
    expect(await data.getMirrorState(owner)).toMatchObject({ isLoaded: false, isStale: true });
    expect((await refreshProfileMirror(owner)).status).toBe("refreshed");
  });

  it("marks a profile Postproxy stops listing as removed and keeps the others", async () => {
    const ws = await makeOwner(t.db, "Removal");
    await data.saveProfileMirror(ws, [
      {
        postproxyId: "g1",
        name: "G",
        profiles: [
          {
            postproxyId: "p1",
            platform: "tiktok",
            name: "One",
            username: null,
            avatarUrl: null,
            status: "active",
            expiresAt: null,
            postCount: 1,
          },
          {
            postproxyId: "p2",
            platform: "tiktok",
            name: "Two",
            username: null,
            avatarUrl: null,
            status: "active",
            expiresAt: null,
            postCount: 1,
          },
        ],
      },
    ]);
    await data.saveProfileMirror(ws, [
      {
        postproxyId: "g1",
        name: "G",
        profiles: [
          {
            postproxyId: "p2",
            platform: "tiktok",
            name: "Two",
            username: null,
            avatarUrl: null,
            status: "expired",
            expiresAt: null,
            postCount: 1,
          },
        ],
      },
    ]);
    expect((await data.listProfiles(ws)).map((p) => [p.id, p.status])).toEqual([["p2", "expired"]]);
    // Another workspace sees none of it.
    expect(await data.listProfiles(owner, { ids: ["p1", "p2"] })).toEqual([]);
    expect(await data.listProfiles(ws, { ids: ["prof_acme_tiktok"] })).toEqual([]);
  });

  it("applies profile.disconnected and profile.connected", async () => {
    await applyProfileEvent(owner, {
      type: "profile.disconnected",
      data: { id: "prof_acme_tiktok", status: "disconnected" },
    });
    const [acme] = await data.listProfiles(owner, { ids: ["prof_acme_tiktok"] });
    expect(acme.status).toBe("inactive");
    await applyProfileEvent(owner, { type: "profile.connected", data: { id: "prof_acme_tiktok" } });
    const [again] = await data.listProfiles(owner, { ids: ["prof_acme_tiktok"] });
    expect(again.status).toBe("active");
  });
});

describe("connect flow against the sandbox", () => {
  it("connects on approve: state checked, profile verified with Postproxy, mirror updated", async () => {
    const { ctx: editor } = await addMember(owner, "editor", "Connector");
    const { url } = await startProfileConnection(
      editor,
      "grp_acme",
      (state) => `http://app.test/profiles/connect?state=${state}`,
    );
    const back = await consent(url, "approve");
    expect(back.get("status")).toBe("success");
    const result = await completeProfileConnection(editor, {
      state: back.get("state")!,
      profileId: back.get("profile_id")!,
      error: undefined,
    });
    expect(result).toEqual({ outcome: "connected" });
    const acme = (await data.listProfiles(owner, { platform: "tiktok" })).filter(
      (p) => p.groupId === "grp_acme",
    );
    const fresh = acme.find((p) => p.id === back.get("profile_id"));
    expect(fresh?.status).toBe("active");
    // The group's former TikTok account was replaced.
    expect(acme.find((p) => p.id === "prof_acme_tiktok")?.status).toBe("inactive");
    // The same state works once.
    expect(
      await completeProfileConnection(editor, {
        state: back.get("state")!,
        profileId: back.get("profile_id")!,
      }),
    ).toEqual({ outcome: "invalid" });
  });

  it("says denied on deny, refuses another user's state and a forged profile id", async () => {
    const { ctx: editor } = await addMember(owner, "editor", "Denier");
    const { ctx: other } = await addMember(owner, "editor", "Other");
    const start = () =>
      startProfileConnection(editor, "grp_northwind", (s) => `http://app.test/c?state=${s}`);
    const denied = await consent((await start()).url, "deny");
    expect(denied.get("error")).toBe("access_denied");
    expect(
      await completeProfileConnection(editor, {
        state: denied.get("state")!,
        error: denied.get("error")!,
      }),
    ).toEqual({ outcome: "denied" });

    const approved = await consent((await start()).url, "approve", "second_brand");
    expect(
      await completeProfileConnection(other, {
        state: approved.get("state")!,
        profileId: approved.get("profile_id")!,
      }),
    ).toEqual({ outcome: "invalid" });

    const forged = await consent((await start()).url, "deny");
    expect(
      await completeProfileConnection(editor, {
        state: forged.get("state")!,
        profileId: "prof_acme_instagram",
      }),
    ).toEqual({ outcome: "unverified" });
  });

  it("refuses a group of another workspace and viewers", async () => {
    const stranger = await makeOwner(t.db, "Stranger");
    await expect(
      startProfileConnection(stranger, "grp_acme", (s) => `http://app.test/?state=${s}`),
    ).rejects.toMatchObject({ code: "not_found" });
    const { ctx: viewer } = await addMember(owner, "viewer", "Looker");
    await expect(
      startProfileConnection(viewer, "grp_acme", (s) => `http://app.test/?state=${s}`),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});
