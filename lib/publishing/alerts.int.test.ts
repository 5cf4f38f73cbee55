// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import http from "node:http";
import type { AddressInfo } from "node:net";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { WorkspaceCtx } from "@/lib/data/context";
import { alertReads, alerts, postTargets } from "@/lib/db/schema";
import { resetEnvForTests } from "@/lib/env";
import type { PostproxyClient } from "@/lib/postproxy";
import { apiKeyFingerprint } from "@/lib/security/encryption";
import { createTestDatabase, type TestDatabase } from "@/lib/test/db";
import { addMember, insertMirroredGroup, makeOwner } from "@/lib/test/factories";
import { insertTargetRow } from "@/lib/test/post-rows";
import { signWebhook } from "./test-support/webhook-signature";

const fakeClient = {
  webhooks: {
    create: async (input: { url: string; events: string[] }) => ({
      id: `wh_${Math.random()}`,
      url: input.url,
      events: input.events,
      enabled: true,
      secret: `whsec_${Math.random()}`,
    }),
    delete: async () => ({ deleted: true }),
    get: async () => ({}),
    update: async () => ({}),
  },
} as unknown as PostproxyClient;
vi.mock("@/lib/integrations/postproxy", async (orig) => ({
  ...(await orig<object>()),
  getWorkspacePostproxy: async () => fakeClient,
}));

const { saveApiKey } = await import("@/lib/data/api-keys");
const { getWebhookEndpoint } = await import("@/lib/data/webhooks");
const { replaceWebhookRegistration } = await import("./webhook-registration");
const { receiveWebhook } = await import("./webhooks");
const { drainAlerts, sendTestAlert } = await import("./alerts");
const { listAlerts, markAlertsRead, setAlertEmailPreference, claimOutbox, alertKindOfChange } =
  await import("@/lib/data/alerts");
const { saveAlertWebhook, checkDueProfiles } = await import("@/lib/data/alert-settings");
const { postJsonSafely, isPublicAddress } = await import("@/lib/security/safe-webhook");

let t: TestDatabase;
let a: WorkspaceCtx;
let b: WorkspaceCtx;
let editorEmail: string;
let viewerEmail: string;
let optedOutEmail: string;
const key = "pp_live_alerts_account_aaaaaaaaaaaa";

type Caught = { to: string; subject: string; raw: string };
const emails: Caught[] = [];
const slackPosts: { text: string }[] = [];
let smtp: SMTPServer;
let smtpPort = 0;
let slack: http.Server;
let slackUrl = "";
let transport: nodemailer.Transporter;

const deps = () => ({
  mail: {
    isConfigured: () => true,
    send: async (m: { to: string; subject: string; text: string }) => {
      await transport.sendMail({ from: "alerts@postdeck.test", ...m });
    },
  },
  webhookOptions: { allowHttp: true, isAllowed: (addr: string) => addr === "127.0.0.1" },
});

beforeAll(async () => {
  process.env.APP_ENCRYPTION_KEY ??= "a".repeat(64);
  process.env.NEXTAUTH_SECRET ??= "b".repeat(40);
  process.env.PUBLIC_BASE_URL = "https://postdeck.test";
  process.env.NEXTAUTH_URL = "https://postdeck.test";
  resetEnvForTests();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
      stream.on("end", () => {
        const subject = /^Subject: (.*)$/m.exec(raw)?.[1] ?? "";
        const text = raw.replace(/=\r?\n/g, "");
        for (const r of session.envelope.rcptTo) emails.push({ to: r.address, subject, raw: text });
        callback();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", () => r()));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  transport = nodemailer.createTransport({ host: "127.0.0.1", port: smtpPort, secure: false });
  slack = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (req.url === "/redirect") {
        res.writeHead(302, { location: "http://127.0.0.1/elsewhere" }).end();
        return;
      }
      slackPosts.push(JSON.parse(body));
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => slack.listen(0, "127.0.0.1", () => r()));
  slackUrl = `http://127.0.0.1:${(slack.address() as AddressInfo).port}`;

  t = await createTestDatabase();
  a = await makeOwner(t.db, "Alert Owner");
  b = await makeOwner(t.db, "Other Owner");
  await saveApiKey(a, key);
  await replaceWebhookRegistration(a, null);
  editorEmail = (await addMember(a, "editor", "Alert Editor")).user.email;
  viewerEmail = (await addMember(a, "viewer", "Alert Viewer")).user.email;
  const optedOut = await addMember(a, "editor", "Quiet Editor");
  optedOutEmail = optedOut.user.email;
  await setAlertEmailPreference(optedOut.ctx, false);
  await saveAlertWebhook(a, `${slackUrl}/hook`);
});
afterAll(async () => {
  delete process.env.PUBLIC_BASE_URL;
  delete process.env.NEXTAUTH_URL;
  resetEnvForTests();
  await t?.close();
  await new Promise((r) => smtp?.close(() => r(null)));
  await new Promise((r) => slack?.close(() => r(null)));
});
beforeEach(async () => {
  // Each test starts from an empty outbox, so counts are the test's own.
  await t.db.delete(alerts);
  emails.length = 0;
  slackPosts.length = 0;
});

const makeTarget = (ctx: WorkspaceCtx, ppId: string) =>
  insertTargetRow(t.db, ctx, {
    status: "scheduled",
    postproxyPostId: ppId,
    profileName: "@acme",
    caption: "Spring launch teaser",
    apiKeyFingerprint: apiKeyFingerprint(key),
    scheduledAt: new Date(Date.now() + 3600_000),
  });

let n = 0;
const failedEvent = (ppId: string, id = `evt_alert_${++n}`) =>
  JSON.stringify({
    id,
    type: "platform_post.failed",
    created_at: new Date().toISOString(),
    data: {
      id: `plat_${ppId}`,
      post_id: ppId,
      platform: "tiktok",
      profile_id: "prof_acme_tiktok",
      status: "failed",
      error: "The video is shorter than 3 seconds.",
    },
  });

async function deliver(body: string, onApplied: (ctx: WorkspaceCtx) => unknown) {
  const endpoint = (await getWebhookEndpoint(a))!;
  return receiveWebhook({
    urlId: endpoint.urlId,
    body: Buffer.from(body),
    signature: signWebhook(endpoint.secret!, body),
    db: t.db,
    onApplied: async (ctx) => {
      await onApplied(ctx);
    },
  });
}

describe("alerts", () => {
  it("raises on failed, delayed, unknown given up, and published then removed; nothing else", () => {
    expect(alertKindOfChange("processing", { status: "failed" })).toBe("target_failed");
    expect(alertKindOfChange("failed", { status: "failed" })).toBeNull();
    expect(alertKindOfChange("scheduled", { status: "delayed" })).toBe("target_delayed");
    expect(alertKindOfChange("unknown", { status: "unknown", syncHalt: "unresolved" })).toBe(
      "target_unknown",
    );
    expect(alertKindOfChange("unknown", { status: "unknown" })).toBeNull();
    expect(alertKindOfChange("published", { status: "cancelled" })).toBe("post_removed");
    expect(alertKindOfChange("published", { status: "published", syncHalt: "not_found" })).toBe(
      "post_removed",
    );
    expect(alertKindOfChange("scheduled", { status: "cancelled" })).toBeNull();
    expect(alertKindOfChange("processing", { status: "published" })).toBeNull();
  });

  it("one failure: one notification, one email per editor/owner (opt-out honoured), one Slack post; a replay sends nothing more", async () => {
    const { postId } = await makeTarget(a, "pp_fail_1");
    const body = failedEvent("pp_fail_1", "evt_fail_once");
    expect(await deliver(body, (ctx) => drainAlerts(ctx, deps()))).toMatchObject({
      status: 200,
      body: { outcome: "applied" },
    });
    const list = await listAlerts(a);
    expect(list.unread).toBe(1);
    expect(list.alerts[0]).toMatchObject({ kind: "target_failed", postId, profileName: "@acme" });
    expect(list.alerts[0].headline).toContain("Spring launch teaser");
    expect(list.alerts[0].fix).not.toBe("");
    expect(emails.map((e) => e.to).sort()).toEqual([a.user.email, editorEmail].sort());
    expect(emails.map((e) => e.to)).not.toContain(viewerEmail);
    expect(emails.map((e) => e.to)).not.toContain(optedOutEmail);
    expect(emails[0].raw).toContain(`https://postdeck.test/posts/${postId}`);
    expect(slackPosts).toHaveLength(1);
    expect(slackPosts[0].text).toContain("@acme");

    // The same delivery again, and the same failure under a new event id.
    await deliver(body, (ctx) => drainAlerts(ctx, deps()));
    await deliver(failedEvent("pp_fail_1"), (ctx) => drainAlerts(ctx, deps()));
    await drainAlerts(a, deps());
    expect((await listAlerts(a)).alerts).toHaveLength(1);
    expect(emails).toHaveLength(2);
    expect(slackPosts).toHaveLength(1);
  });

  it("a crash between the status change and the send still sends once", async () => {
    await makeTarget(a, "pp_crash");
    // The process "dies" after the change commits: nothing sent right away.
    await deliver(failedEvent("pp_crash"), () => undefined);
    expect(emails).toHaveLength(0);
    // Or dies mid-drain, having claimed the alert: it is taken again once the claim lapses.
    const claimed = await claimOutbox(a, new Date());
    expect(claimed).toHaveLength(1);
    await drainAlerts(a, deps());
    expect(slackPosts).toHaveLength(0);
    const later = () => new Date(Date.now() + 3 * 60 * 1000);
    await drainAlerts(a, { ...deps(), now: later });
    await drainAlerts(a, { ...deps(), now: later });
    expect(emails).toHaveLength(2);
    expect(slackPosts).toHaveLength(1);
  });

  it("a failed send is retried with backoff, and sent once when the channel is back", async () => {
    await makeTarget(a, "pp_retry");
    await deliver(failedEvent("pp_retry"), () => undefined);
    const broken = { ...deps(), postJson: async () => Promise.reject(new Error("503")) };
    await drainAlerts(a, broken);
    const [row] = await t.db.select().from(alerts);
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain("503");
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
    await drainAlerts(a, deps());
    expect(slackPosts).toHaveLength(0);
    await drainAlerts(a, { ...deps(), now: () => new Date(Date.now() + 5 * 60 * 1000) });
    expect(slackPosts).toHaveLength(1);
    expect(emails).toHaveLength(2);
  });

  it("more than five alerts within ten minutes go as one digest", async () => {
    for (let i = 0; i < 7; i++) await makeTarget(a, `pp_many_${i}`);
    for (let i = 0; i < 7; i++) await deliver(failedEvent(`pp_many_${i}`), () => undefined);
    await drainAlerts(a, deps());
    expect(emails).toHaveLength(2);
    expect(emails[0].subject).toContain("7 alerts");
  });

  it("no notification of another workspace is visible or markable", async () => {
    await makeTarget(a, "pp_cross");
    await deliver(failedEvent("pp_cross"), () => undefined);
    const [mine] = (await listAlerts(a)).alerts;
    expect((await listAlerts(b)).alerts).toHaveLength(0);
    expect(await markAlertsRead(b, { ids: [mine.id] })).toBe(0);
    expect(await markAlertsRead(b, { all: true })).toBe(0);
    expect(await t.db.select().from(alertReads).where(eq(alertReads.alertId, mine.id))).toEqual([]);
    expect(await markAlertsRead(a, { ids: [mine.id] })).toBe(1);
    expect((await listAlerts(a)).unread).toBe(0);
  });

  it("a profile of a post due within 24 h that is expired alerts, and again within the last hour", async () => {
    await insertMirroredGroup(a, "grp_1", {
      prof_acme_tiktok: { name: "@acme", status: "expired" },
    });
    const { targetId } = await makeTarget(a, "pp_due");
    const due = new Date(Date.now() + 5 * 3600_000);
    await t.db.update(postTargets).set({ scheduledAt: due }).where(eq(postTargets.id, targetId));
    const now = new Date();
    expect(await checkDueProfiles(a, now)).toBe(1);
    expect(await checkDueProfiles(a, now)).toBe(0);
    expect(await checkDueProfiles(a, new Date(due.getTime() - 30 * 60_000))).toBe(1);
    const kinds = (await listAlerts(a)).alerts.map((x) => x.kind).sort();
    expect(kinds).toEqual(["profile_unhealthy_1h", "profile_unhealthy_24h"]);
    expect((await listAlerts(a)).alerts[0].headline).toContain("expired");
  });

  it("refuses webhook URLs that reach the server's own network", async () => {
    const strict = { allowHttp: false, timeoutMs: 2000 };
    for (const url of [
      "https://127.0.0.1/hook",
      "https://[::ffff:127.0.0.1]/hook",
      "https://[::ffff:7f00:1]/hook",
      "https://10.1.2.3/hook",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]/hook",
      "https://localhost/hook",
      "http://example.com/hook",
    ])
      await expect(postJsonSafely(url, {}, strict), url).rejects.toThrow(
        /private or local|https:\/\//,
      );
    // The loopback receiver, allowed for this test only, answers with a redirect: not followed.
    await expect(postJsonSafely(`${slackUrl}/redirect`, {}, deps().webhookOptions)).rejects.toThrow(
      /redirect/,
    );
    expect(isPublicAddress("93.184.216.34")).toBe(true);
    expect(isPublicAddress("::ffff:10.0.0.1")).toBe(false);
    expect(isPublicAddress("fd00:ec2::254")).toBe(false);
  });

  it("'Send a test' posts to the saved URL and reports a refused one", async () => {
    expect(await sendTestAlert(a, deps())).toEqual({ ok: true });
    expect(slackPosts).toHaveLength(1);
    expect(await sendTestAlert(a)).toMatchObject({ ok: false });
    expect(await sendTestAlert(b)).toMatchObject({ ok: false, message: /No alert webhook/ });
  });
});
