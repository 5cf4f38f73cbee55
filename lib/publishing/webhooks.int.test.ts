// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { WorkspaceCtx } from "@/lib/data/context";
import { posts, postEvents, postTargets, webhookDeliveries } from "@/lib/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { PostproxyError, type PostproxyClient } from "@/lib/postproxy";
import { apiKeyFingerprint } from "@/lib/security/encryption";
import { createTestDatabase, type TestDatabase } from "@/lib/test/db";
import { makeOwner } from "@/lib/test/factories";
import { insertTargetRow } from "@/lib/test/post-rows";
import { signWebhook } from "./test-support/webhook-signature";

let t: TestDatabase;

/** One fake Postproxy account per API key: its webhook registrations and the calls made. */
type Account = { webhooks: Map<string, { url: string; secret: string }>; deleted: string[] };
const accounts = new Map<string, Account>();
let counter = 0;
const accountOf = (key: string) => {
  if (!accounts.has(key)) accounts.set(key, { webhooks: new Map(), deleted: [] });
  return accounts.get(key)!;
};
const notFound = () =>
  new PostproxyError({ kind: "not_found", status: 404, message: "nf", endpoint: "x", host: "h" });
function fakeClient(key: string): PostproxyClient {
  const account = accountOf(key);
  return {
    webhooks: {
      create: async (input: { url: string; events: string[] }) => {
        const id = `wh_${++counter}`;
        const secret = `whsec_${key}_${counter}`;
        account.webhooks.set(id, { url: input.url, secret });
        return { id, url: input.url, events: input.events, enabled: true, secret };
      },
      delete: async (id: string) => {
        if (!account.webhooks.delete(id)) throw notFound();
        account.deleted.push(id);
        return { deleted: true };
      },
      get: async (id: string) => {
        const w = account.webhooks.get(id);
        if (!w) throw notFound();
        return { id, url: w.url, events: [], enabled: true };
      },
      update: async () => ({}),
    },
    posts: {
      // Another account's key: Postproxy does not know the post.
      get: async () => {
        throw notFound();
      },
    },
  } as unknown as PostproxyClient;
}

vi.mock("@/lib/integrations/postproxy", async (orig) => ({
  ...(await orig<object>()),
  getWorkspacePostproxy: async (_ctx: unknown, options: { apiKey?: string | null } = {}) =>
    options.apiKey ? fakeClient(options.apiKey) : null,
}));

const { saveApiKey } = await import("@/lib/data/api-keys");
const { getWebhookEndpoint } = await import("@/lib/data/webhooks");
const { replaceWebhookRegistration } = await import("./webhook-registration");
const { receiveWebhook, applyWaitingEvents } = await import("./webhooks");
const { syncWorkspaceTargets } = await import("./sync");
const { getPostView } = await import("@/lib/data/posts");

let a: WorkspaceCtx;
let b: WorkspaceCtx;
const keyA1 = "pp_live_account_one_aaaaaaaaaaaa";
const keyA2 = "pp_live_account_two_bbbbbbbbbbbb";
const keyB = "pp_live_account_bee_cccccccccccc";

beforeAll(async () => {
  process.env.APP_ENCRYPTION_KEY ??= "a".repeat(64);
  process.env.NEXTAUTH_SECRET ??= "b".repeat(40);
  process.env.PUBLIC_BASE_URL = "https://postdeck.test";
  resetEnvForTests();
  t = await createTestDatabase();
  a = await makeOwner(t.db, "Hook A");
  b = await makeOwner(t.db, "Hook B");
  await saveApiKey(a, keyA1);
  await replaceWebhookRegistration(a, null);
  await saveApiKey(b, keyB);
  await replaceWebhookRegistration(b, null);
});
afterAll(async () => {
  delete process.env.PUBLIC_BASE_URL;
  resetEnvForTests();
  await t?.close();
});

const makeTarget = (ctx: WorkspaceCtx, postproxyPostId: string, key: string) =>
  insertTargetRow(t.db, ctx, {
    status: "scheduled",
    postproxyPostId,
    profileName: "@acme",
    apiKeyFingerprint: apiKeyFingerprint(key),
    scheduledAt: new Date(Date.now() + 3600_000),
  });

let eventCounter = 0;
function platformEvent(type: string, postproxyPostId: string, flat = true, id?: string) {
  const object = {
    id: `pp_plat_${postproxyPostId}`,
    post_id: postproxyPostId,
    platform: "tiktok",
    profile_id: "prof_acme_tiktok",
    status: type.split(".")[1],
  };
  const eventId = id ?? `evt_${++eventCounter}`;
  return JSON.stringify(
    flat
      ? { id: eventId, type, created_at: new Date().toISOString(), data: object }
      : { id: eventId, object: "event", type, created_at: null, data: { object } },
  );
}

async function deliver(ctx: WorkspaceCtx, body: string, signature?: string | null, urlId?: string) {
  const endpoint = (await getWebhookEndpoint(ctx))!;
  return receiveWebhook({
    urlId: urlId ?? endpoint.urlId,
    body: Buffer.from(body),
    signature: signature === undefined ? signWebhook(endpoint.secret!, body) : signature,
    db: t.db,
  });
}

const statusOf = async (targetId: string) =>
  (
    await t.db
      .select({ status: postTargets.status, syncHalt: postTargets.syncHalt })
      .from(postTargets)
      .where(eq(postTargets.id, targetId))
  )[0];

describe("webhook receiver", () => {
  it("registers the workspace's own unguessable receiver URL with Postproxy", async () => {
    const endpoint = (await getWebhookEndpoint(a))!;
    expect(endpoint.urlId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(endpoint.secret).toMatch(/^whsec_/);
    const made = accountOf(keyA1).webhooks.get(endpoint.postproxyWebhookId!);
    expect(made?.url).toBe(`https://postdeck.test/api/webhooks/postproxy/${endpoint.urlId}`);
  });

  it("refuses forged, stale, oversize and other workspaces' deliveries, changing nothing", async () => {
    const { targetId } = await makeTarget(a, "pp_guard", keyA1);
    const body = platformEvent("platform_post.published", "pp_guard");
    expect((await deliver(a, body, "t=1,v1=" + "0".repeat(64))).status).toBe(401);
    expect((await deliver(a, body, null)).status).toBe(401);
    const endpoint = (await getWebhookEndpoint(a))!;
    const old = signWebhook(endpoint.secret!, body, Math.floor(Date.now() / 1000) - 301);
    expect((await deliver(a, body, old)).status).toBe(400);
    // Signed with B's secret, sent to A's URL; and A's event sent to B's URL.
    const bEndpoint = (await getWebhookEndpoint(b))!;
    expect((await deliver(a, body, signWebhook(bEndpoint.secret!, body))).status).toBe(401);
    expect((await deliver(b, body, signWebhook(endpoint.secret!, body))).status).toBe(401);
    const big = JSON.stringify({ id: "evt_big", type: "x", data: { pad: "x".repeat(300_000) } });
    expect((await deliver(a, big)).status).toBe(413);
    expect((await statusOf(targetId)).status).toBe("scheduled");
  });

  it("applies a delivery once however often it comes, and never moves a target backwards", async () => {
    const { targetId, postId } = await makeTarget(a, "pp_once", keyA1);
    const published = platformEvent("platform_post.published", "pp_once", false, "evt_once");
    expect(await deliver(a, published)).toMatchObject({
      status: 200,
      body: { outcome: "applied" },
    });
    expect(await deliver(a, published)).toMatchObject({ status: 200, body: { duplicate: true } });
    const late = platformEvent("platform_post.failed_waiting_for_retry", "pp_once");
    expect(await deliver(a, late)).toMatchObject({ status: 200, body: { outcome: "unchanged" } });
    expect((await statusOf(targetId)).status).toBe("published");
    const events = await t.db
      .select({ kind: postEvents.kind, source: postEvents.source, to: postEvents.toStatus })
      .from(postEvents)
      .where(eq(postEvents.postId, postId));
    expect(events).toEqual([{ kind: "status", source: "webhook", to: "published" }]);
    const view = await getPostView(a, postId);
    expect(view.status).toBe("published");
  });

  it("applies concurrent deliveries for one post's targets under its lock: each once, the post's status from both, no alert drain", async () => {
    const { targetId, postId } = await makeTarget(a, "pp_pair_1", keyA1);
    const [second] = await t.db
      .insert(postTargets)
      .values({
        workspaceId: a.workspaceId,
        postId,
        profileId: "prof_acme_ig",
        profileName: "@acme_ig",
        status: "scheduled",
        postproxyPostId: "pp_pair_2",
        scheduledAt: new Date(Date.now() + 3600_000),
      })
      .returning({ id: postTargets.id });
    const one = platformEvent("platform_post.published", "pp_pair_1", true, "evt_pair_1");
    const two = platformEvent("platform_post.published", "pp_pair_2", true, "evt_pair_2");
    const endpoint = (await getWebhookEndpoint(a))!;
    let drains = 0;
    const send = (body: string) =>
      receiveWebhook({
        urlId: endpoint.urlId,
        body: Buffer.from(body),
        signature: signWebhook(endpoint.secret!, body),
        db: t.db,
        onApplied: () => {
          drains += 1;
        },
      });
    const answers = await Promise.all([send(one), send(two), send(one), send(two)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(answers.filter((r) => r.body.outcome === "applied")).toHaveLength(2);
    expect(answers.filter((r) => r.body.duplicate)).toHaveLength(2);
    expect((await statusOf(targetId)).status).toBe("published");
    expect((await statusOf(second.id)).status).toBe("published");
    const [post] = await t.db
      .select({ status: posts.status })
      .from(posts)
      .where(eq(posts.id, postId));
    expect(post.status).toBe("published");
    const moves = await t.db
      .select({ target: postEvents.targetId })
      .from(postEvents)
      .where(and(eq(postEvents.postId, postId), eq(postEvents.toStatus, "published")));
    expect(moves).toHaveLength(2);
    // A publication raises no alert, so nothing is drained.
    expect(drains).toBe(0);
  });

  it("keeps an event about a post not recorded yet and applies it when the target appears", async () => {
    const early = platformEvent("platform_post.published", "pp_early");
    expect(await deliver(a, early)).toMatchObject({ status: 200, body: { outcome: "waiting" } });
    const { targetId } = await makeTarget(a, "pp_early", keyA1);
    expect(await applyWaitingEvents(a, ["pp_early"])).toBe(1);
    expect((await statusOf(targetId)).status).toBe("published");
  });

  it("never reaches another workspace's target", async () => {
    const { targetId } = await makeTarget(b, "pp_of_b", keyB);
    const body = platformEvent("platform_post.published", "pp_of_b");
    expect(await deliver(a, body)).toMatchObject({ status: 200, body: { outcome: "waiting" } });
    expect(await applyWaitingEvents(a)).toBe(0);
    expect((await statusOf(targetId)).status).toBe("scheduled");
    const kept = await t.db
      .select({ ws: webhookDeliveries.workspaceId })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.waitingFor, "pp_of_b"));
    expect(kept).toEqual([{ ws: a.workspaceId }]);
  });

  it("records and acknowledges event types it does not apply", async () => {
    const body = JSON.stringify({
      id: "evt_other",
      type: "account.updated",
      data: { id: "acct_1" },
    });
    expect(await deliver(a, body)).toMatchObject({ status: 200, body: { outcome: "unhandled" } });
    const [row] = await t.db
      .select({ outcome: webhookDeliveries.outcome })
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.workspaceId, a.workspaceId),
          eq(webhookDeliveries.eventId, "evt_other"),
        ),
      );
    expect(row.outcome).toBe("unhandled");
  });

  it("hands stats events to the stats store (a profile not mirrored stores nothing)", async () => {
    const body = JSON.stringify({
      id: "evt_stats",
      type: "profile.stats",
      data: { profile_id: "p", platform: "tiktok", stats: {}, recorded_at: "2026-01-01" },
    });
    expect(await deliver(a, body)).toMatchObject({ status: 200, body: { outcome: "stored 0" } });
  });

  it("key replaced by another account's: old registration deleted with the old key, a new one made, the previous secret accepted for a while, targets unchanged", async () => {
    const { targetId } = await makeTarget(a, "pp_old_account", keyA1);
    const before = (await getWebhookEndpoint(a))!;
    await saveApiKey(a, keyA2);
    await replaceWebhookRegistration(a, keyA1);
    expect(accountOf(keyA1).deleted).toContain(before.postproxyWebhookId);
    const after = (await getWebhookEndpoint(a))!;
    expect(after.postproxyWebhookId).not.toBe(before.postproxyWebhookId);
    expect(accountOf(keyA2).webhooks.has(after.postproxyWebhookId!)).toBe(true);
    expect(after.urlId).toBe(before.urlId);
    // A delivery signed with the previous secret, within the grace window.
    const body = platformEvent("platform_post.failed_waiting_for_retry", "pp_nothing");
    expect((await deliver(a, body, signWebhook(before.secret!, body))).status).toBe(200);

    await syncWorkspaceTargets(a, { minIntervalMs: 0 });
    expect(await statusOf(targetId)).toEqual({ status: "scheduled", syncHalt: "previous_key" });
  });
});
