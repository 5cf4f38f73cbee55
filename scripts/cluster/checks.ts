import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { eq } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { mediaFiles, uploadLeases, users } from "@/lib/db/schema";
import { createUser } from "@/lib/data/users";
import { resolveWorkspaceCtx } from "@/lib/data/workspaces";
import { createS3Storage } from "@/lib/media/server/storage";
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
      const tus = ctx.client.tus(cookie);
      const location = await tus.create(
        "a",
        { workspaceId: user.workspaceId, filename: "fifty.mp4", filetype: "video/mp4" },
        bytes.length,
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
    name: "an upload whose server A is killed mid-PATCH completes through B",
    async run(ctx) {
      const user = await ctx.newUser("Unlucky Uploader");
      const { cookie } = await ctx.client.signIn(user.email, user.password, "b");
      assert.ok(cookie);
      const bytes = await bigVideo(50 * mb);
      const tus = ctx.client.tus(cookie);
      const location = await tus.create(
        "a",
        { workspaceId: user.workspaceId, filename: "crash.mp4", filetype: "video/mp4" },
        bytes.length,
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
