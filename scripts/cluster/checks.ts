// Checks repeat their upload steps (createVideoUpload with a name and size) on purpose: each check
// reads alone as what it proves.
import assert from "node:assert/strict";
import { createHmac, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { and, desc, eq } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import {
  jobLeases,
  mediaFiles,
  postEvents,
  posts,
  postTargets,
  uploadLeases,
  users,
  webhookDeliveries,
} from "@/lib/db/schema";
import { createUser } from "@/lib/data/users";
import { resolveWorkspaceCtx } from "@/lib/data/workspaces";
import { ensureWebhookEndpoint, saveWebhookRegistration } from "@/lib/data/webhooks";
import { resetEnvForTests } from "@/lib/env";
import { createS3Storage } from "@/lib/media/server/storage";
import { defaultTikTokSettings } from "@/lib/tiktok/params";
import type { Cluster, ServerName } from "./cluster";
import { clusterClient, sha256 } from "./client";

export type CheckContext = {
  cluster: Cluster;
  client: ReturnType<typeof clusterClient>;
  browser: Browser;
  /** A new user with a password and a workspace of their own, made in the shared database. */
  newUser(
    name: string,
  ): Promise<{ id: string; email: string; password: string; workspaceId: string }>;
};

/**
 * One check of the cluster: a name and a function that throws when the cluster misbehaves.
 * Checks run in this order; the last one kills server A. To add one (the webhook delivered to both
 * servers, the sync route called on both at once), append an entry before that last check.
 */
export type Check = { name: string; run(ctx: CheckContext): Promise<void> };

const fixtures = path.resolve("e2e/fixtures/media");
const mb = 1024 * 1024;

/** A real MP4 followed by random bytes to `size`: probed as a video, every byte checkable. */
async function bigVideo(size: number) {
  const head = await readFile(path.join(fixtures, "video-valid-720x1280.mp4"));
  return Buffer.concat([head, randomBytes(size - head.length)]);
}

/** A tus upload of `bytes` as a video, created on server A; PATCHes are the caller's. */
async function createVideoUpload(
  ctx: CheckContext,
  cookie: string,
  workspaceId: string,
  filename: string,
  bytes: Buffer,
) {
  const tus = ctx.client.tus(cookie);
  const location = await tus.create(
    "a",
    { workspaceId, filename, filetype: "video/mp4" },
    bytes.length,
  );
  return { tus, location };
}

async function storedSha(ctx: CheckContext, id: string) {
  const storage = await createS3Storage(ctx.cluster.s3.config);
  const size = await storage.size(id);
  assert.ok(size, "the finished upload is in the bucket");
  const chunks: Buffer[] = [];
  for await (const chunk of await storage.read(id)) chunks.push(Buffer.from(chunk));
  return sha256(Buffer.concat(chunks));
}

async function expectReady(ctx: CheckContext, id: string) {
  const [row] = await ctx.cluster.db.select().from(mediaFiles).where(eq(mediaFiles.id, id));
  assert.equal(row?.status, "ready", `media ${id} is ready (got ${row?.status})`);
  assert.equal(row?.kind, "video");
}

export const checks: Check[] = [
  {
    name: "a 50 MB upload paused on A and resumed through B completes with the right bytes",
    async run(ctx) {
      const user = await ctx.newUser("Uploader One");
      const { cookie } = await ctx.client.signIn(user.email, user.password, "a");
      assert.ok(cookie, "signed in");
      const bytes = await bigVideo(50 * mb);
      const { tus, location } = await createVideoUpload(
        ctx,
        cookie,
        user.workspaceId,
        "fifty.mp4",
        bytes,
      );
      const first = await tus.patch("a", location, 0, bytes.subarray(0, 21 * mb + 5));
      assert.equal(first.status, 204, `first PATCH on A: ${first.status} ${first.text}`);
      const offset = await tus.offset("b", location);
      assert.equal(offset, 21 * mb + 5, "B reads the offset A reached");
      const rest = await tus.patch("b", location, offset, bytes.subarray(offset));
      assert.equal(rest.status, 204, `PATCH on B: ${rest.status} ${rest.text}`);
      const id = location.split("/").pop()!;
      await expectReady(ctx, id);
      assert.equal(await storedSha(ctx, id), sha256(bytes), "the bucket holds the very bytes sent");
      const patches = ctx.cluster.log.filter((l) => l.method === "PATCH" && l.path.endsWith(id));
      assert.deepEqual(
        patches.map((l) => l.server),
        ["a", "b"],
      );
    },
  },
  {
    name: "a server action from a page rendered by A is handled by B",
    async run(ctx) {
      const user = await ctx.newUser("Action Taker");
      const { cookie } = await ctx.client.signIn(user.email, user.password, "a");
      assert.ok(cookie);
      const context = await ctx.browser.newContext();
      try {
        const [name, value] = cookie.split(/=(.*)/s);
        const cookieFor = (n: string, v: string) => ({ name: n, value: v, url: ctx.cluster.url });
        await context.addCookies([cookieFor(name, value), cookieFor("cluster-pin", "a")]);
        const page = await context.newPage();
        const before = ctx.cluster.log.length;
        await page.goto(`${ctx.cluster.url}/account`);
        await page.getByLabel("Your name").waitFor();
        assert.ok(
          ctx.cluster.log.slice(before).some((l) => l.path === "/account" && l.server === "a"),
          "A rendered the page",
        );
        // From here on every request of this browser goes to B.
        await context.addCookies([cookieFor("cluster-pin", "b")]);
        const mark = ctx.cluster.log.length;
        await page.getByLabel("Your name").fill("Renamed On B");
        await page.getByRole("button", { name: "Save name" }).click();
        await page.getByText("Name saved.").waitFor({ timeout: 20_000 });
        const actions = ctx.cluster.log.slice(mark).filter((l) => l.action);
        assert.ok(actions.length > 0, "the form posted a server action");
        assert.ok(
          actions.every((l) => l.server === "b" && l.status === 200),
          `B answered the action: ${JSON.stringify(actions)}`,
        );
        const [row] = await ctx.cluster.db.select().from(users).where(eq(users.id, user.id));
        assert.equal(row.name, "Renamed On B");
      } finally {
        await context.close();
      }
    },
  },
  {
    name: "sign out everywhere on A ends the session on B",
    async run(ctx) {
      const user = await ctx.newUser("Careful Person");
      const onA = await ctx.client.signIn(user.email, user.password, "a");
      const onB = await ctx.client.signIn(user.email, user.password, "b");
      assert.ok(onA.cookie && onB.cookie);
      assert.equal((await ctx.client.session(onB.cookie, "b"))?.email, user.email);
      const context = await ctx.browser.newContext();
      try {
        const [name, value] = onA.cookie.split(/=(.*)/s);
        await context.addCookies([
          { name, value, url: ctx.cluster.url },
          { name: "cluster-pin", value: "a", url: ctx.cluster.url },
        ]);
        const page = await context.newPage();
        await page.goto(`${ctx.cluster.url}/account`);
        await page.getByRole("button", { name: "Sign out everywhere" }).click();
        await page
          .getByRole("alertdialog")
          .getByRole("button", { name: "Sign out everywhere" })
          .click();
        await page.waitForURL(/\/sign-in/, { timeout: 20_000 });
      } finally {
        await context.close();
      }
      assert.equal(
        await ctx.client.session(onB.cookie, "b"),
        null,
        "B no longer knows the session",
      );
      const page = await fetch(`${ctx.cluster.url}/account`, {
        redirect: "manual",
        headers: { cookie: onB.cookie, "x-cluster-pin": "b" },
      });
      assert.ok(
        [302, 303, 307].includes(page.status) || (await page.text()).includes("sign-in"),
        `B sends the ended session to sign-in (got ${page.status})`,
      );
    },
  },
  {
    name: "the sign-in limit counts attempts made on both servers",
    async run(ctx) {
      const user = await ctx.newUser("Guessed At");
      const servers: ServerName[] = ["a", "b", "a", "b", "a"];
      for (const server of servers) {
        const attempt = await ctx.client.signIn(user.email, "wrong-password-123", server);
        assert.equal(attempt.cookie, null);
        assert.equal(attempt.error, "CredentialsSignin", `attempt on ${server}: ${attempt.error}`);
      }
      // Five failures, spread over A and B: the sixth try is refused even with the right password.
      const sixth = await ctx.client.signIn(user.email, user.password, "b");
      assert.equal(sixth.cookie, null, "B refused the sixth attempt");
      assert.notEqual(sixth.error, null);
      assert.notEqual(sixth.error, "CredentialsSignin", `refused as limited (got ${sixth.error})`);
    },
  },
  {
    name: "a post composed through A shows its status on B",
    async run(ctx) {
      const p = await publisher(ctx);
      const at = await sandboxTime(ctx, 3 * 3600_000);
      const postId = await composeOn(ctx, p, "a", "Composed on A", at);
      const [target] = await targetsOf(ctx, postId);
      assert.equal(target.status, "scheduled", `A sent it: ${target.status} ${target.error}`);
      assert.ok(target.postproxyPostId, "Postproxy's post id is recorded");
      const onB = await postViewOn(ctx, p.cookie, "b", postId);
      assert.equal(onB.status, "scheduled", `B shows the post as scheduled (got ${onB.status})`);
      assert.deepEqual(
        onB.targets.map((t) => t.status),
        ["scheduled"],
      );
      // Postproxy publishes it; the sync run on A records that, and B shows it.
      await sandboxAdmin(ctx, "/__sandbox/clock/advance", { seconds: 4 * 3600 });
      // (The route checks a target at most every 5 s: the runs are spaced.)
      let after = await postViewOn(ctx, p.cookie, "b", postId);
      for (let i = 0; i < 6 && after.targets[0].status !== "published"; i++) {
        await new Promise((r) => setTimeout(r, 2000));
        const run = await syncOn(ctx, "a");
        assert.equal(run.body.ran, true, `the sync ran on A: ${JSON.stringify(run.body)}`);
        after = await postViewOn(ctx, p.cookie, "b", postId);
      }
      assert.equal(
        after.targets[0].status,
        "published",
        `B shows it published (got ${after.targets[0].status})`,
      );
      assert.equal(after.status, "published");
      const page = await fetch(`${ctx.cluster.url}/posts/${postId}`, {
        headers: { cookie: p.cookie, "x-cluster-pin": "b" },
      });
      assert.equal(page.status, 200);
      assert.match(await page.text(), /Composed on A/);
    },
  },
  {
    name: "a webhook delivered to B is applied once even when the same delivery also reaches A",
    async run(ctx) {
      const p = await publisher(ctx);
      const at = await sandboxTime(ctx, 3 * 3600_000);
      const postId = await composeOn(ctx, p, "a", "Webhook twice", at);
      const [target] = await targetsOf(ctx, postId);
      assert.equal(target.status, "scheduled");
      // Postproxy publishes it (the sandbox's clock), then its event reaches both servers at once.
      await sandboxAdmin(ctx, "/__sandbox/clock/advance", { seconds: 4 * 3600 });
      const eventId = `evt_cluster_${randomBytes(6).toString("hex")}`;
      const body = JSON.stringify({
        id: eventId,
        type: "platform_post.published",
        created_at: new Date().toISOString(),
        data: {
          id: `pp_plat_${target.postproxyPostId}`,
          post_id: target.postproxyPostId,
          platform: "tiktok",
          profile_id: target.profileId,
          status: "published",
        },
      });
      const stamp = Math.floor(Date.now() / 1000);
      const signature = `t=${stamp},v1=${createHmac("sha256", p.webhookSecret).update(`${stamp}.${body}`).digest("hex")}`;
      const deliver = (pin: ServerName) =>
        fetch(`${ctx.cluster.url}/api/webhooks/postproxy/${p.urlId}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-postproxy-signature": signature,
            "x-cluster-pin": pin,
          },
          body,
        });
      const answers = await Promise.all([deliver("b"), deliver("a")]);
      for (const a of answers) assert.equal(a.status, 200, `both answer 200 (got ${a.status})`);
      // And once more to B, later (Postproxy redelivers).
      const again = await deliver("b");
      assert.equal(again.status, 200);
      assert.equal(((await again.json()) as { duplicate?: boolean }).duplicate, true);
      const deliveries = await ctx.cluster.db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.eventId, eventId));
      assert.equal(deliveries.length, 1, "the event is recorded once");
      assert.ok(deliveries[0].appliedAt, "and applied");
      const moves = await ctx.cluster.db
        .select()
        .from(postEvents)
        .where(and(eq(postEvents.targetId, target.id), eq(postEvents.toStatus, "published")));
      assert.equal(moves.length, 1, `one move to published on the timeline (got ${moves.length})`);
      const onB = await postViewOn(ctx, p.cookie, "b", postId);
      assert.equal(onB.targets[0].status, "published");
    },
  },
  {
    name: "the sync route called on both servers at the same moment runs once",
    async run(ctx) {
      const p = await publisher(ctx);
      // A scheduled target the sync checks on every run (once its 5-second interval passed), and
      // every Postproxy answer takes 1.5 s: each run lasts long enough to overlap the other.
      await composeOn(ctx, p, "a", "Synced twice", await sandboxTime(ctx, 6 * 3600_000));
      await sandboxAdmin(ctx, "/__sandbox/faults", { latencyMs: 1500 });
      try {
        for (let round = 0; round < 3; round++) {
          await new Promise((r) => setTimeout(r, 5500));
          const [a, b] = await Promise.all([syncOn(ctx, "a"), syncOn(ctx, "b")]);
          assert.equal(a.status, 200);
          assert.equal(b.status, 200);
          const ran = [a.body, b.body].filter((r) => r.ran === true);
          const busy = [a.body, b.body].filter((r) => r.ran === false && r.reason === "busy");
          assert.equal(
            ran.length,
            1,
            `one ran (round ${round}: ${JSON.stringify([a.body, b.body])})`,
          );
          assert.equal(busy.length, 1, "the other answered busy");
        }
      } finally {
        await sandboxAdmin(ctx, "/__sandbox/faults", { latencyMs: 0 });
      }
      const wrong = await fetch(`${ctx.cluster.url}/api/cron/sync`, {
        method: "POST",
        headers: { authorization: "Bearer wrong" },
      });
      assert.equal(wrong.status, 401);
    },
  },
  {
    name: "a server killed mid-sync leaves nothing half-done that the next run cannot finish",
    async run(ctx) {
      const p = await publisher(ctx);
      const before = await sandboxPostCount(ctx);
      // Postproxy takes the create, but every answer is lost: the target is unknown.
      await sandboxAdmin(ctx, "/__sandbox/faults", {
        failNext: { count: 50, status: 500, afterHandling: true },
      });
      const at = await sandboxTime(ctx, 24 * 3600_000);
      let postId: string;
      try {
        postId = await composeOn(ctx, p, "a", "Killed mid-sync", at);
      } finally {
        await sandboxAdmin(ctx, "/__sandbox/faults", { failNext: 0 });
      }
      assert.deepEqual(
        (await targetsOf(ctx, postId)).map((t) => t.status),
        ["unknown"],
      );
      assert.equal(await sandboxPostCount(ctx), before + 1, "Postproxy holds the post once");
      // The sync on A replays it; A dies while Postproxy is still answering.
      await sandboxAdmin(ctx, "/__sandbox/faults", { latencyMs: 4000 });
      const cut = syncOn(ctx, "a").catch(() => null);
      await new Promise((r) => setTimeout(r, 2500));
      await ctx.cluster.servers.a.kill();
      await cut;
      await sandboxAdmin(ctx, "/__sandbox/faults", { latencyMs: 0 });
      // The dead server's lease holds the sync until it runs out (30 s, no longer renewed): B
      // says busy meanwhile, never runs it twice.
      const [lease] = await ctx.cluster.db
        .select()
        .from(jobLeases)
        .where(eq(jobLeases.name, "sync"));
      assert.ok(lease && lease.until.getTime() > Date.now(), "A's lease is still held");
      assert.equal((await syncOn(ctx, "b")).body.reason, "busy");
      // Once it runs out, the next runs, on B, finish what A left.
      const leaseEnds = Date.now() + 45_000;
      while ((await syncOn(ctx, "b")).body.reason === "busy") {
        assert.ok(Date.now() < leaseEnds, "the dead server's lease ran out within 45 s");
        await new Promise((r) => setTimeout(r, 2000));
      }
      let statuses: string[] = [];
      for (let run = 0; run < 4; run++) {
        const result = await syncOn(ctx, "b");
        assert.equal(result.body.ran, true, JSON.stringify(result.body));
        statuses = (await targetsOf(ctx, postId)).map((t) => t.status);
        if (statuses.every((s) => s === "scheduled")) break;
        await new Promise((r) => setTimeout(r, 5500)); // the route's minimum interval per target
      }
      assert.deepEqual(statuses, ["scheduled"], "resolved to the post Postproxy holds");
      assert.equal(await sandboxPostCount(ctx), before + 1, "and no second post");
      // A comes back for the checks that follow.
      await ctx.cluster.servers.a.restart();
    },
  },
  {
    name: "an upload whose server A is killed mid-PATCH completes through B",
    async run(ctx) {
      const user = await ctx.newUser("Unlucky Uploader");
      const { cookie } = await ctx.client.signIn(user.email, user.password, "b");
      assert.ok(cookie);
      const bytes = await bigVideo(50 * mb);
      const { tus, location } = await createVideoUpload(
        ctx,
        cookie,
        user.workspaceId,
        "crash.mp4",
        bytes,
      );
      const id = location.split("/").pop()!;
      let killed = false;
      const cut = await tus
        .patch("a", location, 0, bytes, async (sent) => {
          if (!killed && sent >= 30 * mb) {
            killed = true;
            // A holds the lease right now; then it dies without releasing it.
            const leases = await ctx.cluster.db
              .select()
              .from(uploadLeases)
              .where(eq(uploadLeases.uploadId, id));
            assert.equal(leases.length, 1, "A holds the upload's lease while it writes");
            await ctx.cluster.servers.a.kill();
          }
        })
        .catch((error: Error) => ({ status: 0, offset: 0, text: error.message }));
      assert.ok(killed, "A was killed mid-PATCH");
      assert.notEqual(cut.status, 204, "the PATCH to A did not complete");
      // tus locks HEAD too: B waits until the dead server's lease (15 s, renewed every 3 s) expires.
      const waitStarted = Date.now();
      const offset = await tus.offset("b", location);
      const waited = (Date.now() - waitStarted) / 1000;
      assert.ok(waited >= 5 && waited < 20, `B waited for A's lease to expire (${waited} s)`);
      assert.ok(offset < bytes.length, `B resumes from ${offset}`);
      const rest = await tus.patch("b", location, offset, bytes.subarray(offset));
      assert.equal(rest.status, 204, `PATCH on B: ${rest.status} ${rest.text}`);
      console.log(
        `    (A had stored ${(offset / mb).toFixed(1)} MB in the bucket; B took over after ${waited.toFixed(1)} s)`,
      );
      await expectReady(ctx, id);
      assert.equal(await storedSha(ctx, id), sha256(bytes), "the bucket holds the very bytes sent");
    },
  },
];

export async function makeUser(cluster: Cluster, name: string) {
  const password = `pw-${randomBytes(6).toString("hex")}`;
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${randomBytes(3).toString("hex")}@cluster.test`;
  const user = await createUser(
    cluster.db,
    { email, name, passwordHash: await hashPassword(password) },
    { withWorkspace: true },
  );
  const ctx = await resolveWorkspaceCtx(cluster.db, user);
  assert.ok(ctx);
  return { id: user.id, email, password, workspaceId: ctx.workspaceId };
}

type Publisher = {
  cookie: string;
  workspaceId: string;
  profileId: string;
  mediaId: string;
  urlId: string;
  webhookSecret: string;
};
let publisherOnce: Promise<Publisher> | null = null;

/**
 * A workspace with the sandbox's key (saved through A's server action), its profiles read by a
 * sync, a video uploaded through A, and a webhook receiver whose secret this process knows (the
 * cluster registers none with the sandbox: it has no PUBLIC_BASE_URL).
 */
function publisher(ctx: CheckContext): Promise<Publisher> {
  publisherOnce ??= (async () => {
    // This process opens the webhook secret as the servers do, with their encryption key.
    process.env.APP_ENCRYPTION_KEY = ctx.cluster.secrets.APP_ENCRYPTION_KEY;
    process.env.NEXTAUTH_SECRET = ctx.cluster.secrets.NEXTAUTH_SECRET;
    resetEnvForTests();
    const user = await ctx.newUser("Publisher");
    const { cookie } = await ctx.client.signIn(user.email, user.password, "a");
    assert.ok(cookie, "signed in");
    const saved = await callAction(ctx, cookie, "a", "saveApiKeyAction", {
      workspaceId: user.workspaceId,
      apiKey: ctx.cluster.sandbox.apiKey,
    });
    assert.equal(saved.status, 200, `saveApiKey on A: ${saved.status} ${saved.body.slice(0, 300)}`);
    const synced = await syncOn(ctx, "b");
    assert.equal(synced.body.ran, true, `the first sync ran: ${JSON.stringify(synced.body)}`);
    const video = await readFile(path.join(fixtures, "video-valid-720x1280.mp4"));
    const { tus, location } = await createVideoUpload(
      ctx,
      cookie,
      user.workspaceId,
      "clip.mp4",
      video,
    );
    const done = await tus.patch("a", location, 0, video);
    assert.equal(done.status, 204, `upload on A: ${done.status} ${done.text}`);
    const mediaId = location.split("/").pop()!;
    await expectReady(ctx, mediaId);
    const [row] = await ctx.cluster.db.select().from(users).where(eq(users.id, user.id));
    const wctx = await resolveWorkspaceCtx(ctx.cluster.db, row, user.workspaceId);
    assert.ok(wctx);
    const endpoint = await ensureWebhookEndpoint(wctx);
    const webhookSecret = randomBytes(24).toString("hex");
    await saveWebhookRegistration(wctx, {
      postproxyWebhookId: null,
      secret: webhookSecret,
      apiKeyFingerprint: null,
      url: null,
      events: [],
      graceMs: 0,
      now: new Date(),
    });
    return {
      cookie,
      workspaceId: user.workspaceId,
      profileId: "prof_acme_tiktok",
      mediaId,
      urlId: endpoint.urlId,
      webhookSecret,
    };
  })();
  return publisherOnce;
}

/** A server action's id from the build both servers run. */
function actionId(exportedName: string): string {
  const manifest = JSON.parse(
    readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { exportedName?: string }> };
  const entry = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName);
  if (!entry) throw new Error(`No server action named ${exportedName} in the build`);
  return entry[0];
}

/** Posts a server action as a form does, to one server. */
async function callAction(
  ctx: CheckContext,
  cookie: string,
  pin: ServerName,
  name: string,
  input: unknown,
) {
  const res = await fetch(`${ctx.cluster.url}/compose`, {
    method: "POST",
    headers: {
      cookie,
      "x-cluster-pin": pin,
      "Next-Action": actionId(name),
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: ctx.cluster.url,
    },
    body: JSON.stringify([input]),
    redirect: "manual",
  });
  return { status: res.status, body: await res.text() };
}

/** Composes a scheduled post through one server's submit action; returns the post's id. */
async function composeOn(
  ctx: CheckContext,
  p: Publisher,
  pin: ServerName,
  caption: string,
  at: string,
): Promise<string> {
  const sent = await callAction(ctx, p.cookie, pin, "submitPostAction", {
    workspaceId: p.workspaceId,
    profileIds: [p.profileId],
    media: [{ id: p.mediaId, kind: "video" }],
    caption,
    ...defaultTikTokSettings,
    privacy: "SELF_ONLY",
    allowComments: true,
    schedule: { mode: "schedule", at, timeZone: "UTC" },
  });
  assert.equal(sent.status, 200, `submit on ${pin}: ${sent.status} ${sent.body.slice(0, 300)}`);
  const [post] = await ctx.cluster.db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.workspaceId, p.workspaceId), eq(posts.caption, caption)))
    .orderBy(desc(posts.createdAt))
    .limit(1);
  assert.ok(post, `the post "${caption}" was made (${sent.body.slice(0, 300)})`);
  return post.id;
}

function targetsOf(ctx: CheckContext, postId: string) {
  return ctx.cluster.db
    .select()
    .from(postTargets)
    .where(eq(postTargets.postId, postId))
    .orderBy(postTargets.profileId);
}

/** The post page's status read (GET /api/posts/:id), on one server. */
async function postViewOn(ctx: CheckContext, cookie: string, pin: ServerName, postId: string) {
  const res = await fetch(`${ctx.cluster.url}/api/posts/${postId}`, {
    headers: { cookie, "x-cluster-pin": pin },
  });
  assert.equal(res.status, 200, `GET /api/posts on ${pin}: ${res.status}`);
  return (await res.json()) as { status: string; targets: { status: string }[] };
}

/** The sync route as a cron job calls it, on one server. */
async function syncOn(ctx: CheckContext, pin: ServerName) {
  const res = await fetch(`${ctx.cluster.url}/api/cron/sync`, {
    method: "POST",
    headers: { authorization: `Bearer ${ctx.cluster.secrets.CRON_SECRET}`, "x-cluster-pin": pin },
  });
  return {
    status: res.status,
    body: (await res.json()) as { ran?: boolean; reason?: string; workspaces?: number },
  };
}

async function sandboxAdmin(ctx: CheckContext, route: string, body: unknown) {
  const res = await fetch(`${ctx.cluster.sandbox.url}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  assert.ok(res.ok, `sandbox ${route}: ${res.status} ${await res.text()}`);
}

async function sandboxPostCount(ctx: CheckContext): Promise<number> {
  const res = await fetch(`${ctx.cluster.sandbox.url}/__sandbox/state`);
  return ((await res.json()) as { counts: { posts: number } }).counts.posts;
}

/** A minute on the sandbox's clock (it runs ahead once advanced), `ms` from now, as the form sends it. */
async function sandboxTime(ctx: CheckContext, ms: number): Promise<string> {
  const res = await fetch(`${ctx.cluster.sandbox.url}/__sandbox/state`);
  const now = Date.parse(((await res.json()) as { now: string }).now);
  return new Date(Math.max(now, Date.now()) + ms).toISOString().slice(0, 16);
}
