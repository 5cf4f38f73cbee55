import "server-only";
import type { WorkspaceCtx } from "@/lib/data/context";
import { loadWorkspaceMedia } from "@/lib/data/posts-media";
import { saveDraft } from "@/lib/data/posts";
import {
  claimRetry,
  claimSubmission,
  listPostTargetsForSubmit,
  refreshPostStatus,
  setPostStatus,
  updateTarget,
  type ClaimedTarget,
} from "@/lib/data/posts-submit";
import { AppError, type FieldErrors } from "@/lib/errors";
import { getWorkspacePostproxy } from "@/lib/integrations/postproxy";
import { listComposeProfiles, type ComposeProfiles } from "@/lib/integrations/tiktok-profiles";
import type { MediaItem } from "@/lib/data/media";
import type { PostproxyClient } from "@/lib/postproxy";
import { placePostproxyErrors } from "@/lib/tiktok/postproxy-errors";
import { profileTexts, publishTexts } from "@/lib/tiktok/texts";
import { toScheduledAt, type DraftInput } from "@/lib/validation/post";
import { derivePostStatus, type TargetStatus } from "@/lib/validation/post-view";
import { describeSendFailure, targetFromPost } from "./outcome";
import { buildTargetRequest, refreshTargetRequest, sendTargetRequest } from "./request";
import { validateSubmission } from "./validate";

export type PublishDeps = {
  now?: () => Date;
  /** The workspace's Postproxy client; tests pass one with short timeouts. */
  client?: PostproxyClient | null;
  loadProfiles?: () => Promise<ComposeProfiles>;
};

/** How old a profile list the submit action accepts (the compose page just read one). */
export const profilesMaxAgeMs = 60_000;

type SendResult = { status: TargetStatus; refusals: string[] };

async function sendOne(
  ctx: WorkspaceCtx,
  client: PostproxyClient,
  target: ClaimedTarget,
  media: Map<string, MediaItem>,
  now: () => Date,
): Promise<SendResult> {
  try {
    const post = await sendTargetRequest(client, target, media);
    const patch = targetFromPost(post, target.profileName, now());
    await updateTarget(ctx, target.id, { ...patch, lastSyncedAt: now() });
    return { status: patch.status, refusals: [] };
  } catch (error) {
    const { patch, refusals } = describeSendFailure(error);
    await updateTarget(ctx, target.id, patch);
    return { status: patch.status, refusals: patch.errorKind === "needs_edit" ? refusals : [] };
  }
}

async function requireClient(ctx: WorkspaceCtx, deps: PublishDeps) {
  const client = deps.client !== undefined ? deps.client : await getWorkspacePostproxy(ctx);
  if (!client) throw new AppError("upstream", profileTexts.noKey);
  return client;
}

/**
 * Validates the post again, writes it and its targets in one transaction, then creates one
 * Postproxy post per profile in parallel, each under its own Idempotency-Key. When every profile
 * sent refuses it, the post stays editable (a draft if none was ever taken) and the refusals come
 * back at their fields.
 */
export async function submitPost(
  ctx: WorkspaceCtx,
  values: DraftInput,
  deps: PublishDeps = {},
): Promise<{ postId: string }> {
  const now = deps.now ?? (() => new Date());
  if (values.schedule?.mode === "draft") {
    const { postId } = await saveDraft(ctx, values);
    return { postId };
  }
  const started = now();
  // Independent reads at once: the post's targets, the client, and (inside validation) the
  // workspace's settings, its files and the profile list.
  const [existing, client] = await Promise.all([
    values.postId ? listPostTargetsForSubmit(ctx, values.postId) : Promise.resolve([]),
    requireClient(ctx, deps),
  ]);
  const valid = await validateSubmission(ctx, values, {
    now: started,
    existing,
    loadProfiles:
      deps.loadProfiles ?? (() => listComposeProfiles(ctx, { maxAgeMs: profilesMaxAgeMs })),
  });
  const scheduledAt = toScheduledAt(valid.input);
  const groups = new Map(valid.profiles.map((p) => [p.profileId, p.groupId]));
  const usageStatus = scheduledAt ? "scheduled" : "publishing";
  const { postId, claimed, kept } = await claimSubmission(ctx, {
    values: { ...values, ...valid.input },
    profiles: valid.profiles,
    requestFor: (profileId) =>
      buildTargetRequest(valid.input, scheduledAt, started, groups.get(profileId) ?? null),
    scheduledAt,
    usageStatus,
    now: started,
  });
  const results = await Promise.all(
    claimed.map((target) => sendOne(ctx, client, target, valid.media, now)),
  );
  const refused = results.filter((r) => r.refusals.length > 0);
  const isAllRefused = claimed.length > 0 && refused.length === claimed.length;
  const hasAccepted = kept.some((s) => ["scheduled", "processing", "published"].includes(s));
  const status =
    isAllRefused && !hasAccepted
      ? "draft"
      : derivePostStatus([...kept, ...results.map((r) => r.status)]);
  await setPostStatus(ctx, postId, status, usageStatus);
  if (isAllRefused) {
    const placed = placePostproxyErrors([...new Set(refused.flatMap((r) => r.refusals))]);
    const fieldErrors: FieldErrors = { ...placed.fieldErrors };
    const lead = hasAccepted ? publishTexts.resentRefused : publishTexts.allRefused;
    const message = [lead, ...placed.formErrors].join(" ");
    throw new AppError("invalid_input", message, { ...fieldErrors, postId: [postId] });
  }
  return { postId };
}

/** Resends one target whose last send got no clear answer (or failed for a reason now fixed). */
export async function retryTarget(
  ctx: WorkspaceCtx,
  input: { postId: string; targetId: string },
  deps: PublishDeps = {},
): Promise<{ status: TargetStatus }> {
  const now = deps.now ?? (() => new Date());
  const client = await requireClient(ctx, deps);
  const target = await claimRetry(ctx, {
    ...input,
    now: now(),
    refresh: (request) => refreshTargetRequest(request, now()),
  });
  const items = await loadWorkspaceMedia(ctx.db, ctx.workspaceId, target.request.mediaIds);
  const result = await sendOne(ctx, client, target, new Map(items.map((m) => [m.id, m])), now);
  await refreshPostStatus(ctx, input.postId);
  return { status: result.status };
}
