import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox, waitFor, type Loose } from "./test-support/harness";
import { startReceiver } from "./test-support/servers";

let sb: TestSandbox;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver();
  sb = await TestSandbox.start();
  await sb.post("/api/webhooks", {
    url: receiver.url,
    events: ["profile.connected", "profile.disconnected"],
  });
});
afterAll(async () => {
  await sb.close();
  await receiver.close();
});

const REDIRECT = "https://app.example.test/profiles/callback?from=sandbox";

async function initialize(groupId: string, body: Record<string, unknown>) {
  return sb.post(`/api/profile_groups/${groupId}/initialize_connection`, body);
}

async function decide(url: string, fields: Record<string, string>) {
  const res = await fetch(url, {
    method: "POST",
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
  return { status: res.status, location: new URL(res.headers.get("location") ?? "about:blank") };
}

describe("initialize_connection validation", () => {
  it("checks the group, platform and redirect_url", async () => {
    expect(
      (await initialize("grp_nope", { platform: "tiktok", redirect_url: REDIRECT })).status,
    ).toBe(404);
    const noPlatform = await initialize("grp_acme", { redirect_url: REDIRECT });
    expect(noPlatform.status).toBe(400);
    expect(noPlatform.body.message).toMatch(/platform/);
    const badPlatform = await initialize("grp_acme", {
      platform: "myspace",
      redirect_url: REDIRECT,
    });
    expect(badPlatform.status).toBe(422);
    expect(badPlatform.body.errors[0]).toMatch(/not supported/);
    expect(
      (await initialize("grp_acme", { platform: "bluesky", redirect_url: REDIRECT })).status,
    ).toBe(422);
    expect((await initialize("grp_acme", { platform: "tiktok" })).status).toBe(400);
    const badUrl = await initialize("grp_acme", {
      platform: "tiktok",
      redirect_url: "javascript:alert(1)",
    });
    expect(badUrl.status).toBe(422);
  });
});

describe("consent flow", () => {
  it("connects a new TikTok account in an empty group", async () => {
    const group = await sb.post("/api/profile_groups", { profile_group: { name: "Fresh Brand" } });
    const init = await initialize(group.body.id, { platform: "tiktok", redirect_url: REDIRECT });
    expect(init.status).toBe(200);
    expect(init.body.success).toBe(true);
    expect(init.body.url).toMatch(new RegExp(`^${sb.url}/__sandbox/connect/`));

    const page = await fetch(init.body.url);
    const html = await page.text();
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(html).toContain("Fresh Brand");
    expect(html).toContain('value="approve"');

    const { status, location } = await decide(init.body.url, {
      decision: "approve",
      account: "new",
      username: "@fresh.brand",
    });
    expect(status).toBe(302);
    expect(location.origin + location.pathname).toBe("https://app.example.test/profiles/callback");
    expect(location.searchParams.get("from")).toBe("sandbox");
    expect(location.searchParams.get("status")).toBe("success");
    const profileId = location.searchParams.get("profile_id");

    const profiles = await sb.get("/api/profiles", { query: { profile_group_id: group.body.id } });
    expect(profiles.body.data).toEqual([
      expect.objectContaining({
        id: profileId,
        name: "@fresh.brand",
        platform: "tiktok",
        status: "active",
      }),
    ]);
    const stats = await sb.get(`/api/profiles/${profileId}/stats`, {
      query: { profile_group_id: group.body.id },
    });
    expect(stats.body.data.records).toHaveLength(1);

    await waitFor(() => receiver.events().some((e) => (e as Loose).data.object.id === profileId));
    const event = receiver.events().find((e) => (e as Loose).data.object.id === profileId) as Loose;
    expect(event.type).toBe("profile.connected");
    expect(event.data.object).toMatchObject({
      status: "active",
      profile_group_id: group.body.id,
      username: "fresh.brand",
    });

    const reused = await fetch(init.body.url);
    expect(reused.status).toBe(410);
  });

  it("redirects with error=access_denied on Deny and creates nothing", async () => {
    const before = (await sb.get("/api/profiles")).body.data.length;
    const init = await initialize("grp_acme", { platform: "tiktok", redirect_url: REDIRECT });
    const { status, location } = await decide(init.body.url, { decision: "deny" });
    expect(status).toBe(302);
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect((await sb.get("/api/profiles")).body.data.length).toBe(before);
  });

  it("reactivates the expired profile; the group keeps one active TikTok profile", async () => {
    const init = await initialize("grp_northwind", { platform: "tiktok", redirect_url: REDIRECT });
    const html = await (await fetch(init.body.url)).text();
    expect(html).toMatch(/value="prof_northwind_tiktok_old" selected/);
    const { location } = await decide(init.body.url, {
      decision: "approve",
      account: "prof_northwind_tiktok_old",
    });
    expect(location.searchParams.get("profile_id")).toBe("prof_northwind_tiktok_old");

    const res = await sb.get("/api/profiles", { query: { profile_group_id: "grp_northwind" } });
    const byId = Object.fromEntries(res.body.data.map((p: Loose) => [p.id, p]));
    expect(byId.prof_northwind_tiktok_old.status).toBe("active");
    expect(Date.parse(byId.prof_northwind_tiktok_old.expires_at)).toBeGreaterThan(Date.now());
    expect(byId.prof_northwind_tiktok.status).toBe("inactive");
    const types = () => receiver.events().map((e) => `${e.type}:${(e as Loose).data.object.id}`);
    await waitFor(() => types().includes("profile.connected:prof_northwind_tiktok_old"));
    expect(types()).toContain("profile.disconnected:prof_northwind_tiktok");
  });

  it("connects other OAuth networks; their stats need placement_id where documented", async () => {
    const init = await initialize("grp_acme", { platform: "facebook", redirect_url: REDIRECT });
    const { location } = await decide(init.body.url, {
      decision: "approve",
      account: "new",
      username: "acmecoffeepage",
    });
    const id = location.searchParams.get("profile_id");
    const missing = await sb.get(`/api/profiles/${id}/stats`);
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/placement_id/);
    const withPlacement = await sb.get(`/api/profiles/${id}/stats`, {
      query: { placement_id: "page_1" },
    });
    expect(withPlacement.body.data.placement_id).toBe("page_1");
  });
});
