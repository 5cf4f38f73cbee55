// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import type { WorkspaceCtx } from "@/lib/data/context";
import { saveApiKey } from "@/lib/data/api-keys";
import { importedPosts, postTargets, posts } from "@/lib/db/schema";
import { fastClient } from "@/lib/publishing/test-support/setup";
import { defaultTikTokSettings } from "@/lib/tiktok";
import { createTestDatabase, type TestDatabase } from "@/lib/test/db";
import { makeOwner } from "@/lib/test/factories";
import { TestSandbox } from "../../sandbox/test-support/harness";

let t: TestDatabase;
let sandbox: TestSandbox;

vi.mock("@/lib/integrations/postproxy", async (orig) => ({
  ...(await orig<object>()),
  getWorkspacePostproxy: (ctx: WorkspaceCtx) => fastClient(sandbox, ctx),
}));

const { refreshProfileMirror } = await import("./profile-mirror");
const { importOutsidePosts, settingsFromParams } = await import("./post-import");
const { syncStats } = await import("./stats-sync");
const { isImportedPost, refuseIfImported } = await import("@/lib/data/post-imports");
const { listPostsPage } = await import("@/lib/data/posts-list");
const { defaultPostsQuery } = await import("@/lib/validation/posts-query");
const { listTopPosts } = await import("@/lib/data/stats");

/** The sandbox's seeded posts published on TikTok (drafts, scheduled and failed ones are not). */
const seededPublished = [
  "post_seed_acme_1",
  "post_seed_acme_2",
  "post_seed_acme_3",
  "post_seed_northwind_1",
  "post_seed_northwind_2",
];

async function workspace(name: string) {
  const ctx = await makeOwner(t.db, name);
  await saveApiKey(ctx, sandbox.handle.apiKey);
  await refreshProfileMirror(ctx, { force: true });
  return ctx;
}

async function importedIds(ctx: WorkspaceCtx) {
  const rows = await t.db
    .select({ id: importedPosts.postproxyPostId })
    .from(importedPosts)
    .where(eq(importedPosts.workspaceId, ctx.workspaceId));
  return rows.map((r) => r.id).sort();
}

async function targetsOf(ctx: WorkspaceCtx) {
  return t.db
    .select({
      postproxyPostId: postTargets.postproxyPostId,
      profileId: postTargets.profileId,
      status: postTargets.status,
    })
    .from(postTargets)
    .where(eq(postTargets.workspaceId, ctx.workspaceId));
}

/** A post Postdeck sent itself, its target in `status`. */
async function ownPost(
  ctx: WorkspaceCtx,
  input: { postproxyPostId: string | null; status: "published" | "unknown"; createdAt: Date },
) {
  const [post] = await t.db
    .insert(posts)
    .values({
      workspaceId: ctx.workspaceId,
      caption: "Made in Postdeck",
      status: input.status === "published" ? "published" : "publishing",
      settings: defaultTikTokSettings,
    })
    .returning({ id: posts.id });
  await t.db.insert(postTargets).values({
    workspaceId: ctx.workspaceId,
    postId: post.id,
    profileId: "prof_acme_tiktok",
    profileName: "Acme Coffee",
    status: input.status,
    postproxyPostId: input.postproxyPostId,
    createdAt: input.createdAt,
  });
  return post.id;
}

beforeAll(async () => {
  process.env.APP_ENCRYPTION_KEY ??= "a".repeat(64);
  process.env.NEXTAUTH_SECRET ??= "b".repeat(40);
  t = await createTestDatabase();
  sandbox = await TestSandbox.start({ log: false });
}, 120_000);
afterAll(async () => {
  await sandbox?.close();
  await t?.close();
});

describe("import of posts made outside Postdeck", () => {
  it("imports each published TikTok post once, read-only, into the posts and the stats", async () => {
    const ws = await workspace("Importer");
    const first = await importOutsidePosts(ws);
    expect(first.errors).toEqual([]);
    expect(first.imported).toBe(seededPublished.length);
    expect(await importedIds(ws)).toEqual(seededPublished);
    const targets = await targetsOf(ws);
    expect(targets).toHaveLength(seededPublished.length);
    expect(targets.every((x) => x.status === "published")).toBe(true);
    // Only the TikTok publication of a post also sent to Instagram, on the mirrored profile.
    expect(targets.find((x) => x.postproxyPostId === "post_seed_acme_3")?.profileId).toBe(
      "prof_acme_tiktok",
    );
    const [stored] = await t.db
      .select({ id: posts.id, caption: posts.caption, settings: posts.settings })
      .from(posts)
      .innerJoin(importedPosts, eq(importedPosts.postId, posts.id))
      .where(
        and(
          eq(posts.workspaceId, ws.workspaceId),
          eq(importedPosts.postproxyPostId, "post_seed_northwind_2"),
        ),
      );
    expect(stored.caption).toContain("Gear check");
    expect(stored.settings.privacy).toBe("FOLLOWER_OF_CREATOR");
    expect(await isImportedPost(ws, stored.id)).toBe(true);
    // Read-only: the manage actions (edit, cancel, retry) are refused before they change anything.
    await expect(refuseIfImported(ws, stored.id)).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringContaining("made outside Postdeck"),
    });
    // The posts list shows them, marked as made elsewhere.
    const list = await listPostsPage(ws, defaultPostsQuery, { limit: 50 });
    expect(list.items).toHaveLength(seededPublished.length);
    expect(list.items.every((row) => row.madeElsewhere)).toBe(true);

    // Not twice: a second run, and two runs at once, add nothing.
    expect((await importOutsidePosts(ws)).imported).toBe(0);
    const both = await Promise.all([importOutsidePosts(ws), importOutsidePosts(ws)]);
    expect(both.reduce((n, r) => n + r.imported, 0)).toBe(0);
    expect(await targetsOf(ws)).toHaveLength(seededPublished.length);

    // Their stats are read like any published target's.
    const read = await syncStats(ws, { scope: "posts" });
    expect(read.targets).toBe(seededPublished.length);
    const top = await listTopPosts(ws, { from: new Date(0), to: new Date() });
    expect(top.filter((r) => r.impressions !== null).length).toBeGreaterThan(0);

    // Another workspace neither sees them nor counts them as its own.
    const stranger = await makeOwner(t.db, "Stranger");
    expect(await isImportedPost(stranger, stored.id)).toBe(false);
    expect(await importedIds(stranger)).toEqual([]);
  });

  it("never imports a post Postdeck made itself (a target holds its Postproxy id)", async () => {
    const ws = await workspace("Own posts");
    const own = await ownPost(ws, {
      postproxyPostId: "post_seed_acme_1",
      status: "published",
      createdAt: new Date(Date.now() - 21 * 86400_000),
    });
    const result = await importOutsidePosts(ws);
    expect(result.imported).toBe(seededPublished.length - 1);
    expect(await importedIds(ws)).not.toContain("post_seed_acme_1");
    const holders = (await targetsOf(ws)).filter((x) => x.postproxyPostId === "post_seed_acme_1");
    expect(holders).toHaveLength(1);
    await expect(refuseIfImported(ws, own)).resolves.toBeUndefined();
    const list = await listPostsPage(ws, defaultPostsQuery, { limit: 50 });
    expect(list.items.filter((row) => !row.madeElsewhere).map((row) => row.id)).toEqual([own]);
  });

  it("imports nothing created since a target became unknown, until it is resolved", async () => {
    const ws = await workspace("Unknown send");
    // A send 25 days ago whose answer was lost: posts Postproxy created since may be its post.
    const since = new Date(Date.now() - 25 * 86400_000);
    await ownPost(ws, { postproxyPostId: null, status: "unknown", createdAt: since });
    const held = await importOutsidePosts(ws);
    // Only northwind_1 (30 days ago) is older than the unknown send.
    expect(await importedIds(ws)).toEqual(["post_seed_northwind_1"]);
    expect(held.held).toBe(seededPublished.length - 1);
    // The send resolves to post_seed_acme_2: it is Postdeck's own, the rest now come in.
    await t.db
      .update(postTargets)
      .set({ status: "published", postproxyPostId: "post_seed_acme_2" })
      .where(and(eq(postTargets.workspaceId, ws.workspaceId), eq(postTargets.status, "unknown")));
    const after = await importOutsidePosts(ws);
    expect(after.held).toBe(0);
    expect(await importedIds(ws)).toEqual(
      seededPublished.filter((id) => id !== "post_seed_acme_2"),
    );
  });

  it("reads the settings a post was published with from Postproxy's params", () => {
    expect(
      settingsFromParams({
        format: "video",
        privacy_status: "PUBLIC_TO_EVERYONE",
        disable_comment: false,
        disable_duet: true,
        brand_content_toggle: true,
      }),
    ).toMatchObject({
      format: "video",
      settings: {
        privacy: "PUBLIC_TO_EVERYONE",
        allowComments: true,
        allowDuet: false,
        allowStitch: false,
        discloseContent: true,
        brandedContent: true,
      },
    });
    expect(settingsFromParams({ privacy_status: "EVERYONE_MAYBE" }).settings.privacy).toBeNull();
  });
});
