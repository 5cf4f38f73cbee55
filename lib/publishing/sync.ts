import "server-only";
import type { WorkspaceCtx } from "@/lib/data/context";
import { claimTargetsToSync, refreshPostStatus, updateTarget } from "@/lib/data/posts-targets";
import { recordTargetChange } from "@/lib/data/posts-edits";
import { getWorkspacePostproxy, pageDeadlineMs } from "@/lib/integrations/postproxy";
import { isPostproxyError, type PostproxyClient } from "@/lib/postproxy";
import { logError } from "@/lib/log";
import { publishTexts } from "@/lib/tiktok/texts";
import { canMoveTarget } from "@/lib/validation/post-view";
import { targetFromPost } from "./outcome";

export type SyncDeps = { client?: PostproxyClient | null; now?: () => Date };

/**
 * Refreshes the post's unfinished targets from Postproxy, at most once per `minIntervalMs` per
 * target (the claim is atomic, so concurrent pollers make one call). A status never moves
 * backwards; a target whose sender vanished mid-send becomes a retryable failure. Postproxy being
 * slow or down leaves the stored statuses as they are.
 */
export async function syncPostTargets(
  ctx: WorkspaceCtx,
  postId: string,
  options: { minIntervalMs: number } = { minIntervalMs: 5_000 },
  deps: SyncDeps = {},
): Promise<void> {
  const now = deps.now ?? (() => new Date());
  const { toSync, abandoned } = await claimTargetsToSync(ctx, postId, {
    now: now(),
    minIntervalMs: options.minIntervalMs,
  });
  for (const target of abandoned)
    await updateTarget(ctx, target.id, {
      status: "failed",
      errorKind: "retryable",
      error: publishTexts.unknownOutcome("did not answer before Postdeck stopped waiting"),
    });
  if (toSync.length > 0) {
    const client =
      deps.client !== undefined
        ? deps.client
        : await getWorkspacePostproxy(ctx, { deadlineMs: pageDeadlineMs });
    if (client) {
      await Promise.all(
        toSync.map(async (target) => {
          try {
            const post = await client.posts.get(target.postproxyPostId, {
              deadlineMs: pageDeadlineMs,
              profileGroupId: target.request?.profileGroupId ?? undefined,
            });
            const patch = targetFromPost(post, target.profileName, now());
            if (!canMoveTarget(target.status, patch.status)) return;
            await updateTarget(ctx, target.id, patch);
            // The timeline's entry for this move (at merge: written by the status core).
            await recordTargetChange(
              ctx,
              { postId, targetId: target.id },
              { kind: "status", fromStatus: target.status, toStatus: patch.status },
              "sync",
            );
          } catch (error) {
            if (!isPostproxyError(error)) throw error;
            if (error.kind === "not_found")
              await updateTarget(ctx, target.id, {
                status: "cancelled",
                error: publishTexts.deleted,
                errorKind: "final",
              });
            else logError("sync:post-target", error, { kind: error.kind });
          }
        }),
      );
    }
  }
  if (toSync.length > 0 || abandoned.length > 0) await refreshPostStatus(ctx, postId);
}
