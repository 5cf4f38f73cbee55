// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { WorkspaceCtx } from "@/lib/data/context";
import { alertReads, alerts, posts, postTargets } from "@/lib/db/schema";
import { testSession } from "@/lib/test/session";
import { getDb } from "@/lib/db/client";
import { addMember, makeOwner } from "@/lib/test/factories";

vi.mock("@/lib/auth/session", async () => (await import("@/lib/test/session")).sessionModule);

const { GET, POST } = await import("./route");
const { markAlertsReadAction, saveAlertWebhookAction } = await import("@/lib/actions/alerts");
const { raiseAlertIn } = await import("@/lib/data/alerts");
const { getAlertWebhookView } = await import("@/lib/data/alert-settings");

let a: WorkspaceCtx;
let b: WorkspaceCtx;
let alertId = "";

beforeAll(async () => {
  const db = await getDb();
  a = await makeOwner(db, "Route Owner A");
  b = await makeOwner(db, "Route Owner B");
  const [post] = await db
    .insert(posts)
    .values({ workspaceId: a.workspaceId, status: "failed", caption: "Hi", settings: {} as never })
    .returning({ id: posts.id });
  const [target] = await db
    .insert(postTargets)
    .values({
      workspaceId: a.workspaceId,
      postId: post.id,
      profileId: "prof_x",
      profileName: "@x",
      status: "failed",
    })
    .returning({ id: postTargets.id });
  await raiseAlertIn(db, a.workspaceId, {
    kind: "target_failed",
    targetId: target.id,
    dedupeKey: "k1",
  });
  const [row] = await db
    .select({ id: alerts.id })
    .from(alerts)
    .where(eq(alerts.workspaceId, a.workspaceId));
  alertId = row.id;
});
afterAll(() => {
  testSession.user = null;
});

const get = async (workspaceId?: string) => {
  const q = workspaceId ? `?workspaceId=${workspaceId}` : "";
  const res = await GET(new Request(`http://localhost/api/alerts${q}`), {
    params: Promise.resolve({}),
  });
  return { status: res.status, body: await res.json() };
};

describe("alerts route and actions", () => {
  it("lists the member's own workspace's alerts; another workspace is a 404; no session a 401", async () => {
    testSession.user = null;
    expect((await get()).status).toBe(401);
    testSession.user = a.user;
    const mine = await get(a.workspaceId);
    expect(mine.status).toBe(200);
    expect(mine.body.unread).toBe(1);
    testSession.user = b.user;
    expect((await get()).body.alerts).toEqual([]);
    expect((await get(a.workspaceId)).status).toBe(404);
    expect(
      (await POST(new Request("http://localhost/api/alerts"), { params: Promise.resolve({}) }))
        .status,
    ).toBe(405);
  });

  it("a crafted mark-read for another workspace's alert changes nothing", async () => {
    testSession.user = b.user;
    expect(await markAlertsReadAction({ ids: [alertId] })).toEqual({
      ok: true,
      data: { marked: 0 },
    });
    expect(await markAlertsReadAction({ workspaceId: a.workspaceId, all: true })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await markAlertsReadAction({ ids: ["not-a-uuid"] })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    const db = await getDb();
    expect(await db.select().from(alertReads)).toEqual([]);
    testSession.user = a.user;
    expect((await get()).body.unread).toBe(1);
  });

  it("only an owner sets the webhook; a private or malformed URL is refused at its field", async () => {
    const editor = await addMember(a, "editor", "Route Editor");
    testSession.user = editor.user;
    expect(
      await saveAlertWebhookAction({
        workspaceId: a.workspaceId,
        url: "https://hooks.example.com/x",
      }),
    ).toMatchObject({ ok: false, code: "forbidden" });
    testSession.user = a.user;
    for (const url of [
      "https://10.0.0.5/x",
      "https://localhost/x",
      "not a url",
      "http://hooks.example.com/x",
    ]) {
      const result = await saveAlertWebhookAction({ workspaceId: a.workspaceId, url });
      expect(result, url).toMatchObject({ ok: false, code: "invalid_input" });
      expect(result.ok ? null : result.fieldErrors?.url?.length, url).toBe(1);
    }
    expect(await getAlertWebhookView(a)).toEqual({ host: null });
    expect(
      await saveAlertWebhookAction({
        workspaceId: a.workspaceId,
        url: "https://hooks.example.com/x",
      }),
    ).toEqual({ ok: true, data: { isSet: true } });
    expect(await getAlertWebhookView(a)).toEqual({ host: "hooks.example.com" });
  });
});
