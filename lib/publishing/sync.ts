import "server-only";
import { getPublishingSettings } from "@/lib/data/api-keys";
import type { WorkspaceCtx } from "@/lib/data/context";
import { loadWorkspaceMedia } from "@/lib/data/posts-media";
import {
  writeTargetChange,
  type StoredTarget,
  type TargetChange,
  type TargetPatch,
} from "@/lib/data/posts-status";
import { claimTargetsToSync } from "@/lib/data/posts-targets";
import { getWorkspacePostproxy, pageDeadlineMs } from "@/lib/integrations/postproxy";
import { isPostproxyError, type PostproxyClient } from "@/lib/postproxy";
import { logError } from "@/lib/log";
import { signedUrlTtlSeconds } from "@/lib/media/server/signed-url";
import { publishTexts } from "@/lib/tiktok/texts";
import type { PostEventSource } from "@/lib/validation/post-view";
import { targetFromPost } from "./outcome";
import { canReplay, delayedAfterMs, derivePostStatus, judgeReport, linkLookupMs } from "./status";
import { sendOne } from "./send";

export type SyncDeps = { client?: PostproxyClient | null; now?: () => Date };

/**
 * The status core's one way to change a target on a report from Postproxy (a webhook, a sync
 * read, a replayed create): judged first (never backwards, never an older attempt), then written
 * with its timeline entry and the post's status. Returns whether it changed anything.
 */
export async function applyTargetReport(
  ctx: WorkspaceCtx,
  target: StoredTarget,
  patch: TargetPatch,
  report: TargetReportSource,
): Promise<boolean> {
  const change = decideTargetReport(target, patch, report);
  return change ? writeTargetChange(ctx, change) : false;
}

export type TargetReportSource = {
  source: PostEventSource;
  kind?: string;
  detail?: Record<string, unknown>;
  now: Date;
};

/**
 * The judgement of {@link applyTargetReport} without the write: the change to write, or null when
 * the report changes nothing. The webhook receiver calls it on the target read under its post's
 * lock and writes the change in its own transaction.
 */
export function decideTargetReport(
  target: Pick<StoredTarget, "id" | "postId" | "status" | "postproxyPostId" | "platformUrl">,
  patch: TargetPatch,
  report: TargetReportSource,
): TargetChange | null {
  const verdict = judgeReport(target, {
    postproxyPostId: patch.postproxyPostId ?? null,
    status: patch.status,
    platformUrl: patch.platformUrl,
  });
  if (!verdict.apply) return null;
  const write = verdict.moves
    ? patch
    : { status: target.status, platformUrl: patch.platformUrl, lastSyncedAt: patch.lastSyncedAt };
  return {
    target,
    patch: write,
    event: {
      kind: report.kind ?? (verdict.moves ? "status" : "link"),
      source: report.source,
      detail: report.detail,
    },
    derive: derivePostStatus,
    now: report.now,
  };
}

/** Writes a fact about a target that is not a status move (a flag, a note) with its entry. */
async function noteTarget(
  ctx: WorkspaceCtx,
  target: StoredTarget,
  patch: Omit<TargetPatch, "status">,
  kind: string,
  source: PostEventSource,
  now: Date,
  detail: Record<string, unknown> = {},
) {
  await writeTargetChange(ctx, {
    target,
    patch: { ...patch, status: target.status },
    event: { kind, source, detail },
    derive: derivePostStatus,
    now,
  });
}

/**
 * An unanswered create: replayed under the same Idempotency-Key while that cannot hurt (Postproxy
 * replays its stored answer, so it cannot post twice); otherwise it stays unknown, says so, and
 * nothing is sent.
 */
async function resolveUnknown(
  ctx: WorkspaceCtx,
  client: PostproxyClient,
  target: StoredTarget,
  now: () => Date,
) {
  const request = target.request;
  const linksValidUntil =
    request?.mediaUrls && target.sentAt
      ? new Date(target.sentAt.getTime() + signedUrlTtlSeconds * 1000)
      : null;
  const verdict = request
    ? canReplay({ sentAt: target.sentAt, scheduledAt: request.scheduledAt, linksValidUntil }, now())
    : ({ ok: false, reason: "too_old" } as const);
  if (!verdict.ok || !request) {
    await noteTarget(
      ctx,
      target,
      { error: publishTexts.unknownStuck(target.profileName), syncHalt: "unresolved" },
      "unresolved",
      "sync",
      now(),
      { reason: verdict.ok ? "no_request" : verdict.reason },
    );
    return;
  }
  const items = await loadWorkspaceMedia(ctx.db, ctx.workspaceId, request.mediaIds);
  const result = await sendOne(
    client,
    { ...target, request },
    new Map(items.map((m) => [m.id, m])),
    now,
  );
  if (result.patch.status === "unknown") return;
  await applyTargetReport(ctx, target, result.patch, {
    source: "sync",
    kind: "replayed",
    detail: { revision: target.revision, ...(result.cause ? { cause: result.cause } : {}) },
    now: now(),
  });
}

async function checkTarget(
  ctx: WorkspaceCtx,
  client: PostproxyClient,
  target: StoredTarget,
  keyFingerprint: string | null,
  now: () => Date,
) {
  if (target.status === "sending") {
    // Its sender vanished mid-send (a crash): Postproxy may hold the post.
    await applyTargetReport(
      ctx,
      target,
      {
        status: "unknown",
        error: publishTexts.unknownOutcome("did not answer before Postdeck stopped waiting"),
      },
      { source: "system", kind: "sender_lost", now: now() },
    );
    return;
  }
  if (target.status === "unknown") return resolveUnknown(ctx, client, target, now);
  if (!target.postproxyPostId) return;
  const isOtherKey = !!target.apiKeyFingerprint && target.apiKeyFingerprint !== keyFingerprint;
  try {
    const post = await client.posts.get(target.postproxyPostId, {
      deadlineMs: pageDeadlineMs,
      profileGroupId: target.request?.profileGroupId ?? undefined,
    });
    const at = now();
    let patch = targetFromPost(post, target.profileName, at);
    const dueAt = target.scheduledAt?.getTime();
    const isLate = dueAt !== undefined && at.getTime() - dueAt > delayedAfterMs;
    if ((patch.status === "scheduled" || patch.status === "processing") && isLate)
      patch = { ...patch, status: "delayed", error: publishTexts.delayed };
    // The same account under a new key: the post is found, so it keeps being synced.
    if (isOtherKey) patch = { ...patch, apiKeyFingerprint: keyFingerprint };
    await applyTargetReport(
      ctx,
      target,
      { ...patch, lastSyncedAt: at },
      { source: "sync", now: at },
    );
  } catch (error) {
    if (!isPostproxyError(error)) throw error;
    if (error.kind !== "not_found") {
      logError("sync:post-target", error, { kind: error.kind });
      return;
    }
    // A 404 changes no status: either the post lives under a previous key's account, or it
    // vanished without Postdeck deleting it. Recorded, flagged, and no longer checked.
    await noteTarget(
      ctx,
      target,
      isOtherKey
        ? { error: publishTexts.previousKey, syncHalt: "previous_key" }
        : { error: publishTexts.unexpectedNotFound, syncHalt: "not_found" },
      isOtherKey ? "previous_key" : "not_found",
      "sync",
      now(),
      { postproxyPostId: target.postproxyPostId },
    );
  }
}

/**
 * One workspace's status sync: every target due for a check (unfinished, unknown, or published
 * still without its TikTok link within 48 h), a few at a time. Postproxy being slow or down
 * leaves the stored statuses as they are.
 */
export async function syncWorkspaceTargets(
  ctx: WorkspaceCtx,
  options: { minIntervalMs?: number; limit?: number; concurrency?: number } = {},
  deps: SyncDeps = {},
): Promise<{ checked: number }> {
  const now = deps.now ?? (() => new Date());
  const publishing = await getPublishingSettings(ctx);
  const client =
    deps.client !== undefined
      ? deps.client
      : await getWorkspacePostproxy(ctx, { deadlineMs: pageDeadlineMs, apiKey: publishing.apiKey });
  if (!client) return { checked: 0 };
  const targets = await claimTargetsToSync(ctx, {
    now: now(),
    minIntervalMs: options.minIntervalMs ?? 5_000,
    linkWindowMs: linkLookupMs,
    limit: options.limit ?? 100,
  });
  const queue = [...targets];
  const worker = async () => {
    for (let t = queue.shift(); t; t = queue.shift()) {
      try {
        await checkTarget(ctx, client, t, publishing.apiKeyFingerprint, now);
      } catch (error) {
        logError("sync:target", error, { targetId: t.id });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return { checked: targets.length };
}
