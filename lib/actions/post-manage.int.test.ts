// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { env, setUpPublishingEnv } from "@/lib/publishing/test-support/env";
import { testSession } from "@/lib/test/session";
import type { SessionUser, WorkspaceCtx } from "@/lib/data/context";
import { posts, postTargets } from "@/lib/db/schema";
import { addMember, makeDraftPost, makeOwner } from "@/lib/test/factories";
import type { ComposePostFormValues } from "@/lib/validation/post";
import { waitFor } from "../../sandbox/test-support/harness";
import {
  connectSandbox,
  fastClient,
  storeFixture,
  videoPost,
} from "../publishing/test-support/setup";

// Same mocks as posts.int.test.ts: vi.mock is hoisted per file, so it cannot come from a helper.
vi.mock("@/lib/auth/session", async () => (await import("@/lib/test/session")).sessionModule);
vi.mock("@/lib/media/server/storage", async (orig) =>
  (await import("@/lib/publishing/test-support/env")).storageModule(orig),
);
vi.mock("@/lib/integrations/postproxy", async (orig) =>
  (await import("@/lib/publishing/test-support/env")).postproxyModule(orig),
);

setUpPublishingEnv("manage");

const { submitPostAction, retryTargetAction, deleteDraftAction, duplicatePostAction } =
  await import("./posts");
const { editPostAction, cancelPostAction } = await import("./post-manage");
const { getPostManageView } = await import("@/lib/publishing/manage");

let owner: WorkspaceCtx;
let other: WorkspaceCtx;
let viewer: SessionUser;
let editor: SessionUser;
let videoId: string;

const groupOf: Record<string, string> = {
  prof_acme_tiktok: "grp_acme",
  prof_northwind_tiktok: "grp_northwind",
};

beforeAll(async () => {
  owner = await makeOwner(env.db, "Poster");
  other = await makeOwner(env.db, "Other Agency");
  await connectSandbox(owner, env.sandbox);
  await connectSandbox(other, env.sandbox);
  viewer = (await addMember(owner, "viewer", "Vera Viewer")).user;
  editor = (await addMember(owner, "editor", "Eddie Editor")).user;
  videoId = await storeFixture(
    owner,
    env.db,
    env.storage,
    "video-valid-720x1280.mp4",
    "launch.mp4",
  );
}, 120_000);
beforeEach(async () => {
  testSession.user = owner.user;
  await env.sandbox.request("DELETE", "/__sandbox/faults", { key: null });
});

/** "YYYY-MM-DDTHH:MM" in UTC, `minutes` from now. */
const inMinutes = (minutes: number) =>
  new Date(Date.now() + minutes * 60_000).toISOString().slice(0, 16);

/** A scheduled post sent to the given profiles through the real submit action. */
async function scheduledPost(
  minutes: number,
  profileIds = ["prof_acme_tiktok", "prof_northwind_tiktok"],
): Promise<{ postId: string; values: ComposePostFormValues }> {
  const values = videoPost(owner, videoId, {
    profileIds,
    caption: "Original caption #coffee",
    schedule: { mode: "schedule", at: inMinutes(minutes), timeZone: "UTC" },
  });
  const result = await submitPostAction(values);
  if (!result.ok) throw new Error(`submit failed: ${result.message}`);
  const targets = await targetsOf(result.data.postId);
  expect(targets.every((x) => x.status === "scheduled")).toBe(true);
  // Postproxy takes edits once the media are processed (its post is "scheduled").
  for (const target of targets)
    await waitFor(async () => (await onSandbox(target)).body.status === "scheduled", {
      what: "the sandbox post to be scheduled",
    });
  return { postId: result.data.postId, values };
}

async function targetsOf(postId: string) {
  return env.db
    .select()
    .from(postTargets)
    .where(eq(postTargets.postId, postId))
    .orderBy(postTargets.profileName);
}

async function versionOf(postId: string) {
  const [row] = await env.db.select().from(posts).where(eq(posts.id, postId));
  return row;
}

async function onSandbox(target: { postproxyPostId: string | null; profileId: string }) {
  const res = await env.sandbox.get(`/api/posts/${target.postproxyPostId}`, {
    query: { profile_group_id: groupOf[target.profileId] },
  });
  return res;
}

const edit = (postId: string, values: ComposePostFormValues, version: number, over = {}) =>
  editPostAction({ ...values, postId, version, ...over });

describe("edit and reschedule", () => {
  it("changes caption and time on Postproxy for every profile, then in Postdeck; a second editor on the old version gets conflict naming what changed", async () => {
    const { postId, values } = await scheduledPost(120);
    const newAt = inMinutes(180);
    const result = await edit(postId, values, 0, {
      caption: "New caption #tea",
      schedule: { mode: "schedule", at: newAt, timeZone: "UTC" },
    });
    expect(result).toMatchObject({ ok: true, data: { version: 1 } });
    for (const target of await targetsOf(postId)) {
      const remote = await onSandbox(target);
      expect(remote.body.body).toBe("New caption #tea");
      expect(new Date(remote.body.scheduled_at).toISOString().slice(0, 16)).toBe(newAt);
      expect(target.request?.body).toBe("New caption #tea");
      expect(target.scheduledAt?.toISOString().slice(0, 16)).toBe(newAt);
      expect(target.editRevision).toBe(1);
    }
    const post = await versionOf(postId);
    expect(post).toMatchObject({ caption: "New caption #tea", scheduleAt: newAt, version: 1 });

    // Someone else, with the form opened at version 0.
    testSession.user = editor;
    const stale = await edit(postId, values, 0, { caption: "Mine" });
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    if (!stale.ok) expect(stale.message).toMatch(/Poster changed the caption and the time at/);
    expect((await versionOf(postId)).caption).toBe("New caption #tea");

    const view = await getPostManageView(owner, postId);
    const edits = view.events.filter((e) => e.kind === "edited");
    expect(edits.map((e) => e.kind)).toEqual(["edited", "edited"]);
    expect(edits[0]).toMatchObject({ source: "user", actorName: "Poster" });
  });

  it("one profile refused by Postproxy: each profile keeps its own caption and time", async () => {
    const { postId, values } = await scheduledPost(120);
    const [acme, northwind] = await targetsOf(postId);
    // Moved inside Postproxy's lock outside Postdeck (as another tool could): its PATCH gets 422.
    const moved = await env.sandbox.patch(
      `/api/posts/${northwind.postproxyPostId}`,
      { post: { scheduled_at: new Date(Date.now() + 3 * 60_000).toISOString() } },
      { query: { profile_group_id: "grp_northwind" } },
    );
    expect(moved.body).toMatchObject({ id: northwind.postproxyPostId });
    const result = await edit(postId, values, 0, { caption: "Split caption" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.outcomes.find((o) => o.targetId === northwind.id)).toMatchObject({
      accepted: false,
      message: expect.stringMatching(/refused the change for .*Post cannot be edited/),
    });
    const [a, n] = await targetsOf(postId);
    expect(a.request?.body).toBe("Split caption");
    expect(n.request?.body).toBe("Original caption #coffee");
    // The record follows what Postproxy has: the time moved outside Postdeck.
    expect(n.scheduledAt?.getTime()).toBe(
      Date.parse((await onSandbox(northwind)).body.scheduled_at),
    );
    expect((await onSandbox(acme)).body.body).toBe("Split caption");
    expect((await onSandbox(northwind)).body.body).toBe("Original caption #coffee");
    const view = await getPostManageView(owner, postId);
    expect(view.targets.map((x) => x.caption)).toEqual([
      "Split caption",
      "Original caption #coffee",
    ]);
    const actions = view.events.filter((e) => e.kind.startsWith("edit"));
    expect(actions.map((e) => e.kind).sort()).toEqual(["edit_refused", "edited"]);
  });

  it("429 and 5xx past every retry: a clear message, nothing changed on either side; a lost answer is read back and recorded once", async () => {
    const { postId, values } = await scheduledPost(120, ["prof_acme_tiktok"]);
    const [target] = await targetsOf(postId);
    for (const fault of [
      { rateLimitNext: { count: 20, retryAfter: 0 } },
      { failNext: { count: 20, status: 503 } },
    ]) {
      await env.sandbox.faults(fault);
      const result = await edit(postId, values, 0, { caption: "Under fault" });
      expect(result).toMatchObject({ ok: false, code: "upstream" });
      if (!result.ok) expect(result.message).toMatch(/(429|503).*keeps its earlier version/);
      await env.sandbox.request("DELETE", "/__sandbox/faults", { key: null });
      expect((await onSandbox(target)).body.body).toBe("Original caption #coffee");
      const [row] = await targetsOf(postId);
      expect(row.request?.body).toBe("Original caption #coffee");
      expect((await versionOf(postId)).version).toBe(0);
    }
    // Postproxy applies the change and the answer is lost: the retry replays the same key.
    await env.sandbox.faults({ failNext: { count: 1, status: 502, afterHandling: true } });
    const result = await edit(postId, values, 0, { caption: "Applied once" });
    expect(result).toMatchObject({ ok: true, data: { version: 1 } });
    expect((await onSandbox(target)).body.body).toBe("Applied once");
    const view = await getPostManageView(owner, postId);
    expect(view.events.filter((e) => e.kind === "edited")).toHaveLength(1);
  });

  it("refused before any call: inside the lock, a new time in the past or inside the lock, a draft, no change", async () => {
    const { postId, values } = await scheduledPost(5, ["prof_acme_tiktok"]);
    const [target] = await targetsOf(postId);
    const locked = await edit(postId, values, 0, { caption: "Too late" });
    expect(locked).toMatchObject({ ok: false, code: "conflict" });
    if (!locked.ok) expect(locked.message).toMatch(/less than 6 minutes/);
    expect((await onSandbox(target)).body.body).toBe("Original caption #coffee");

    const later = await scheduledPost(120, ["prof_acme_tiktok"]);
    const past = await edit(later.postId, later.values, 0, {
      schedule: { mode: "schedule", at: inMinutes(-10), timeZone: "UTC" },
    });
    expect(past).toMatchObject({ ok: false, code: "invalid_input" });
    if (!past.ok)
      expect(past.fieldErrors?.["schedule.at"]?.[0]).toBe("Choose a time in the future.");
    const soon = await edit(later.postId, later.values, 0, {
      schedule: { mode: "schedule", at: inMinutes(3), timeZone: "UTC" },
    });
    expect(soon).toMatchObject({ ok: false, code: "invalid_input" });
    if (!soon.ok) expect(soon.fieldErrors?.["schedule.at"]?.[0]).toMatch(/at least 6 minutes/);
    const same = await edit(later.postId, later.values, 0);
    expect(same).toMatchObject({
      ok: false,
      code: "invalid_input",
      message: "Nothing was changed.",
    });
    const tooLong = await edit(later.postId, later.values, 0, { caption: "x".repeat(2201) });
    expect(tooLong).toMatchObject({ ok: false, code: "invalid_input" });
    if (!tooLong.ok) expect(tooLong.fieldErrors?.caption).toBeDefined();

    const draftId = await makeDraftPost(owner);
    const draft = await edit(draftId, later.values, 0, { caption: "Draft" });
    expect(draft).toMatchObject({ ok: false, code: "conflict" });
    if (!draft.ok)
      expect(draft.message).toMatch(/Only a scheduled post can be changed; this one is draft/);
  });

  it("crafted requests: a viewer is refused, another workspace's post is not found", async () => {
    const { postId, values } = await scheduledPost(120, ["prof_acme_tiktok"]);
    testSession.user = viewer;
    expect(await edit(postId, values, 0, { caption: "Viewer" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await cancelPostAction({ workspaceId: owner.workspaceId, postId })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    testSession.user = other.user;
    const foreign = { ...values, workspaceId: other.workspaceId };
    expect(await edit(postId, foreign, 0, { caption: "Theirs" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await cancelPostAction({ workspaceId: other.workspaceId, postId })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    // Naming the owner's workspace without being a member of it.
    expect(await cancelPostAction({ workspaceId: owner.workspaceId, postId })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    await expect(getPostManageView(other, postId)).rejects.toMatchObject({ code: "not_found" });
    const [target] = await targetsOf(postId);
    expect(target.status).toBe("scheduled");
    expect((await onSandbox(target)).body.body).toBe("Original caption #coffee");
  });
});

describe("cancel", () => {
  it("one profile, then the rest; refused inside the lock and once nothing is scheduled", async () => {
    const { postId } = await scheduledPost(120);
    const [acme, northwind] = await targetsOf(postId);
    const one = await cancelPostAction({
      workspaceId: owner.workspaceId,
      postId,
      targetIds: [northwind.id],
    });
    expect(one.ok).toBe(true);
    expect((await onSandbox(northwind)).status).toBe(404);
    expect((await onSandbox(acme)).status).toBe(200);
    expect((await targetsOf(postId)).map((x) => x.status)).toEqual(["scheduled", "cancelled"]);
    expect((await versionOf(postId)).status).toBe("scheduled");

    const rest = await cancelPostAction({ workspaceId: owner.workspaceId, postId });
    expect(rest.ok).toBe(true);
    expect((await onSandbox(acme)).status).toBe(404);
    expect((await versionOf(postId)).status).toBe("cancelled");
    const again = await cancelPostAction({ workspaceId: owner.workspaceId, postId });
    expect(again).toMatchObject({ ok: false, code: "conflict" });

    const view = await getPostManageView(owner, postId);
    const cancels = view.events.filter((e) => e.kind.startsWith("cancel"));
    expect(cancels.map((e) => [e.kind, e.toStatus])).toEqual([
      ["cancelled", "cancelled"],
      ["cancelled", "cancelled"],
    ]);

    const soon = await scheduledPost(5, ["prof_acme_tiktok"]);
    const [locked] = await targetsOf(soon.postId);
    const refused = await cancelPostAction({ workspaceId: owner.workspaceId, postId: soon.postId });
    expect(refused).toMatchObject({ ok: false, code: "conflict" });
    expect((await onSandbox(locked)).status).toBe(200);
  });

  it("Postproxy down: the profile stays scheduled and the message says so", async () => {
    const { postId } = await scheduledPost(120, ["prof_acme_tiktok"]);
    await env.sandbox.faults({ failNext: { count: 20, status: 500 } });
    const result = await cancelPostAction({ workspaceId: owner.workspaceId, postId });
    await env.sandbox.request("DELETE", "/__sandbox/faults", { key: null });
    expect(result).toMatchObject({ ok: false, code: "upstream" });
    if (!result.ok) expect(result.message).toMatch(/still shown as scheduled/);
    const [target] = await targetsOf(postId);
    expect(target.status).toBe("scheduled");
    expect((await onSandbox(target)).status).toBe(200);
  });
});

describe("timeline", () => {
  it("a status the sync brings is recorded with its source, oldest first", async () => {
    const { syncWorkspaceTargets } = await import("@/lib/publishing/sync");
    const values = videoPost(owner, videoId, { caption: "Right now" });
    const result = await submitPostAction(values);
    if (!result.ok) throw new Error(result.message);
    const { postId } = result.data;
    await env.sandbox.advance(600);
    const client = await fastClient(env.sandbox, owner);
    await waitFor(
      async () => {
        await syncWorkspaceTargets(owner, { minIntervalMs: 0 }, { client });
        return (await targetsOf(postId))[0].status === "published";
      },
      { what: "the post to be published", timeoutMs: 15_000, intervalMs: 200 },
    );
    const view = await getPostManageView(owner, postId);
    const last = view.events.at(-1);
    expect(last).toMatchObject({ kind: "status", toStatus: "published", source: "sync" });
    const times = view.events.map((e) => Date.parse(e.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe("retry", () => {
  it("a failed send is retried as a new attempt by an editor only, in its own workspace, and shows in the timeline", async () => {
    // Postproxy answering 429 past every retry: a refusal that a retry can help (a lost answer
    // would be `unknown` instead, which only the replay resolves).
    await env.sandbox.faults({ rateLimitNext: { count: 20, retryAfter: 0 } });
    let postId = "";
    try {
      const result = await submitPostAction(videoPost(owner, videoId, { caption: "Retry me" }));
      postId = result.ok ? result.data.postId : String(result.meta?.postId ?? "");
    } finally {
      await env.sandbox.request("DELETE", "/__sandbox/faults", { key: null });
    }
    const [failed] = await targetsOf(postId);
    expect(failed).toMatchObject({ status: "failed", errorKind: "retryable" });
    const input = { workspaceId: owner.workspaceId, postId, targetId: failed.id };
    testSession.user = viewer;
    expect(await retryTargetAction(input)).toMatchObject({ ok: false, code: "forbidden" });
    testSession.user = other.user;
    expect(await retryTargetAction({ ...input, workspaceId: other.workspaceId })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    // Editing or cancelling a failed post is the wrong state.
    expect(await cancelPostAction({ workspaceId: other.workspaceId, postId })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    testSession.user = editor;
    expect(await cancelPostAction({ workspaceId: owner.workspaceId, postId })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect((await targetsOf(postId))[0].status).toBe("failed");
    const retried = await retryTargetAction(input);
    expect(retried).toMatchObject({ ok: true });
    const view = await getPostManageView(owner, postId);
    expect(view.events.at(-1)).toMatchObject({
      kind: "retried",
      source: "user",
      actorName: "Eddie Editor",
    });
  });
});

describe("crafted requests on every manage action", () => {
  const countPosts = async (workspaceId: string) =>
    (await env.db.select({ id: posts.id }).from(posts).where(eq(posts.workspaceId, workspaceId)))
      .length;

  it("duplicate and delete: a viewer is refused, another workspace's post is not found, nothing changes", async () => {
    const draftId = await makeDraftPost(owner);
    const input = { workspaceId: owner.workspaceId, postId: draftId };
    const before = await countPosts(owner.workspaceId);
    testSession.user = viewer;
    expect(await duplicatePostAction(input)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await deleteDraftAction(input)).toMatchObject({ ok: false, code: "forbidden" });
    testSession.user = other.user;
    const foreign = { workspaceId: other.workspaceId, postId: draftId };
    expect(await duplicatePostAction(foreign)).toMatchObject({ ok: false, code: "not_found" });
    expect(await deleteDraftAction(foreign)).toMatchObject({ ok: false, code: "not_found" });
    // Naming the owner's workspace without being a member of it.
    expect(await duplicatePostAction(input)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await deleteDraftAction(input)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await countPosts(owner.workspaceId)).toBe(before);
    expect(await countPosts(other.workspaceId)).toBe(0);
    expect((await versionOf(draftId)).status).toBe("draft");
  });

  it("each action on a post in the wrong state is refused before any call, and nothing changes", async () => {
    const { postId, values } = await scheduledPost(120, ["prof_acme_tiktok"]);
    const [target] = await targetsOf(postId);
    const ids = { workspaceId: owner.workspaceId, postId };
    // A scheduled post is not a draft: it cannot be deleted as one.
    expect(await deleteDraftAction(ids)).toMatchObject({ ok: false, code: "conflict" });
    // A scheduled target has nothing to retry.
    expect(await retryTargetAction({ ...ids, targetId: target.id })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    const [stillScheduled] = await targetsOf(postId);
    expect(stillScheduled).toMatchObject({ status: "scheduled", revision: target.revision });
    expect((await onSandbox(target)).status).toBe(200);

    // Cancelled: neither edited nor cancelled again.
    expect((await cancelPostAction(ids)).ok).toBe(true);
    expect(await edit(postId, values, 0, { caption: "After cancel" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await cancelPostAction(ids)).toMatchObject({ ok: false, code: "conflict" });

    // A draft: nothing to cancel or retry.
    const draftId = await makeDraftPost(owner);
    expect(await cancelPostAction({ ...ids, postId: draftId })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect((await versionOf(draftId)).status).toBe("draft");
  });
});

// Last in the file: it expires the sandbox's Acme connection.
describe("retry after a publish failure", () => {
  it("is a new Postproxy post under a new revision; events about the old attempt never move it", async () => {
    const { syncWorkspaceTargets } = await import("@/lib/publishing/sync");
    const { applyWebhookEvent } = await import("@/lib/publishing/webhooks");
    const { parseWebhookEvent } = await import("@/lib/postproxy");
    // Real time, so the connection expires before TikTok's turn comes.
    await env.sandbox.request("POST", "/__sandbox/settings", { json: { timeScale: 1 } });
    try {
      const sent = await submitPostAction(
        videoPost(owner, videoId, { caption: "Fails at TikTok", profileIds: ["prof_acme_tiktok"] }),
      );
      if (!sent.ok) throw new Error(sent.message);
      const { postId } = sent.data;
      await env.sandbox.request("POST", "/__sandbox/profiles/prof_acme_tiktok/expire");
      await env.sandbox.advance(120);
      const client = await fastClient(env.sandbox, owner);
      await waitFor(
        async () => {
          await syncWorkspaceTargets(owner, { minIntervalMs: 0 }, { client });
          return (await targetsOf(postId))[0].status === "failed";
        },
        { what: "the publish to fail", timeoutMs: 15_000, intervalMs: 200 },
      );
      const [failed] = await targetsOf(postId);
      expect(failed).toMatchObject({ errorKind: "retryable" });
      const oldPostproxyId = failed.postproxyPostId!;

      const retried = await retryTargetAction({
        workspaceId: owner.workspaceId,
        postId,
        targetId: failed.id,
      });
      expect(retried).toMatchObject({ ok: true });
      const [after] = await targetsOf(postId);
      expect(after.revision).toBe(failed.revision + 1);
      expect(after.postproxyPostId).toBeTruthy();
      expect(after.postproxyPostId).not.toBe(oldPostproxyId);

      // Postproxy reporting on the old attempt (a late or repeated delivery) changes nothing.
      const event = parseWebhookEvent({
        id: `evt_old_${oldPostproxyId}`,
        type: "platform_post.published",
        created_at: new Date().toISOString(),
        data: {
          id: `pp_plat_${oldPostproxyId}`,
          post_id: oldPostproxyId,
          platform: "tiktok",
          profile_id: "prof_acme_tiktok",
          status: "published",
        },
      });
      const applied = await applyWebhookEvent(owner, event, new Date());
      expect(applied.outcome).not.toBe("applied");
      const [still] = await targetsOf(postId);
      expect(still).toMatchObject({
        status: after.status,
        revision: after.revision,
        postproxyPostId: after.postproxyPostId,
      });
      expect(still.publishedAt).toBeNull();
    } finally {
      await env.sandbox.request("POST", "/__sandbox/settings", { json: { timeScale: 1000 } });
    }
  });
});
