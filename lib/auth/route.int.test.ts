// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { testDatabase } from "@/lib/test/integration";
import { addMember, makeOwner } from "@/lib/test/factories";
import { testSession } from "@/lib/test/session";

vi.mock("@/lib/auth/session", async () => (await import("@/lib/test/session")).sessionModule);

const { withWorkspaceRoute } = await import("./route");
const t = await testDatabase();

const route = withWorkspaceRoute("test", {
  GET: { access: "viewer", handler: async (_req, ctx) => ({ workspaceId: ctx.workspaceId }) },
  POST: {
    access: "editor",
    handler: async (req) => {
      const { fail } = (await req.json()) as { fail?: string };
      if (fail === "app") throw new AppError("not_found", "No such thing here.");
      if (fail === "crash") throw new Error("database exploded at 10.0.0.7");
      return new Response("made", { status: 201 });
    },
  },
});
const context = { params: Promise.resolve({}) };
const get = (workspaceId: string) =>
  route.GET(new Request(`http://app.test/api/x?workspaceId=${workspaceId}`), context);
const post = (workspaceId: string, fail?: string) =>
  route.POST(
    new Request(`http://app.test/api/x?workspaceId=${workspaceId}`, {
      method: "POST",
      body: JSON.stringify({ fail }),
    }),
    context,
  );

describe("withWorkspaceRoute", () => {
  it("answers 401 without a session, and no-store JSON for a member", async () => {
    const owner = await makeOwner(t.db, "Route Owner");
    testSession.user = null;
    const anonymous = await get(owner.workspaceId);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: "unauthorized" });

    testSession.user = owner.user;
    const ok = await get(owner.workspaceId);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    expect(await ok.json()).toEqual({ workspaceId: owner.workspaceId });
  });

  it("answers another workspace exactly like a missing one, and a bad id the same", async () => {
    const owner = await makeOwner(t.db, "Owner A");
    const other = await makeOwner(t.db, "Owner B");
    testSession.user = owner.user;
    for (const id of [other.workspaceId, "not-a-uuid"]) {
      const res = await get(id);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({
        error: "not_found",
        message: "You are not a member of this workspace.",
      });
    }
  });

  it("checks the role per method: a viewer reads but may not write", async () => {
    const owner = await makeOwner(t.db, "Role Owner");
    const viewer = await addMember(owner, "viewer", "Vera Viewer");
    testSession.user = viewer.user;
    expect((await get(owner.workspaceId)).status).toBe(200);
    const refused = await post(owner.workspaceId);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: "forbidden" });

    testSession.user = owner.user;
    const made = await post(owner.workspaceId);
    expect(made.status).toBe(201);
    expect(await made.text()).toBe("made");
  });

  it("maps AppErrors to their status and hides anything else behind a logged id", async () => {
    const owner = await makeOwner(t.db, "Error Owner");
    testSession.user = owner.user;
    const missing = await post(owner.workspaceId, "app");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "not_found", message: "No such thing here." });

    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const crash = await post(owner.workspaceId, "crash");
    expect(crash.status).toBe(500);
    const body = (await crash.json()) as { error: string; message: string };
    expect(body.error).toBe("internal");
    expect(body.message).toMatch(/\(error [0-9a-f]{8}\)/);
    expect(body.message).not.toContain("10.0.0.7");
    logged.mockRestore();
  });

  it("answers 405 with Allow for a method it does not name", async () => {
    const res = await route.DELETE(
      new Request("http://app.test/api/x", { method: "DELETE" }),
      context,
    );
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, POST");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});
