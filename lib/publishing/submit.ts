import "server-only";
import { getPublishingSettings } from "@/lib/data/api-keys";
import type { WorkspaceCtx } from "@/lib/data/context";
import { loadWorkspaceMedia } from "@/lib/data/posts-media";
import { claimRetry, claimSubmission, listPostTargetsForSubmit } from "@/lib/data/posts-submit";
import { writeTargetChange } from "@/lib/data/posts-status";
import { recordSendResults } from "@/lib/data/posts-targets";
import { AppError, type FieldErrors } from "@/lib/errors";
import { getWorkspacePostproxy } from "@/lib/integrations/postproxy";
import { listComposeProfiles, type ComposeProfiles } from "@/lib/integrations/tiktok-profiles";
import type { PostproxyClient } from "@/lib/postproxy";
import type { PostTargetRequest } from "@/lib/db/schema";
import { placePostproxyErrors } from "@/lib/tiktok/postproxy-errors";
import { profileTexts, publishTexts } from "@/lib/tiktok/texts";
import { toScheduledAt, type DraftInput } from "@/lib/validation/post";
import type { TargetStatus } from "@/lib/validation/post-view";
import { buildTargetRequest, refreshTargetRequest } from "./request";
import { sendOne, type SendResult } from "./send";
import { derivePostStatus, isSentTargetStatus } from "./status";
import { validateSubmission } from "./validate";
import { applyWaitingEvents } from "./webhooks";

export type PublishDeps = {
  now?: () => Date;
  /** The workspace's Postproxy client; tests pass one with short timeouts. */
  client?: PostproxyClient | null;
  loadProfiles?: () => Promise<ComposeProfiles>;
};

/** How old a profile list the submit action accepts (the compose page just read one). */
export const profilesMaxAgeMs = 60_000;

async function requireClient(ctx: WorkspaceCtx, deps: PublishDeps, apiKey?: string | null) {
  const client =
    deps.client !== undefined ? deps.client : await getWorkspacePostproxy(ctx, { apiKey });
  if (!client) throw new AppError("upstream", profileTexts.noKey);
  return client;
}

/** What Postproxy made of a submission, per profile: the composer's toast says exactly this. */
export type SubmitOutcome = {
  postId: string;
  /** Profiles whose post Postproxy took (scheduled, processing or published). */
  accepted: string[];
  /** Profiles whose outcome is not known yet (Postdeck keeps checking). */
  checking: string[];
  /** Profiles Postproxy did not take, with why. */
  notTaken: { profileName: string; error: string | null }[];
};

export function summarizeOutcome(postId: string, results: SendResult[]): SubmitOutcome {
  const outcome: SubmitOutcome = { postId, accepted: [], checking: [], notTaken: [] };
  for (const r of results) {
    if (r.patch.status === "unknown") outcome.checking.push(r.profileName);
    else if (isSentTargetStatus(r.patch.status)) outcome.accepted.push(r.profileName);
    else outcome.notTaken.push({ profileName: r.profileName, error: r.patch.error ?? null });
  }
  return outcome;
}

const eventOf = (r: SendResult, from: TargetStatus = "sending") => ({
  targetId: r.targetId,
  kind: "sent",
  source: "submit" as const,
  fromStatus: from,
  toStatus: r.patch.status,
  detail: {
    ...(r.patch.postproxyPostId ? { postproxyPostId: r.patch.postproxyPostId } : {}),
    ...(r.cause ? { cause: r.cause } : {}),
  },
});

/**
 * Submits a post (never a draft: saving one is `saveDraft`'s path). Validates it again, writes it
 * and its targets in one transaction, then creates one Postproxy post per profile in parallel,
 * each under its own Idempotency-Key. When every profile refuses it, the post stays a draft and
 * the refusals come back at their fields, the draft's id in the error's `meta`.
 */
export async function submitPost(
  ctx: WorkspaceCtx,
  values: DraftInput,
  deps: PublishDeps = {},
): Promise<SubmitOutcome> {
  const now = deps.now ?? (() => new Date());
  if (values.schedule?.mode === "draft")
    throw new AppError("invalid_input", "Choose Publish now or Schedule to send the post.");
  const started = now();
  // Every read at once: the post's targets, the workspace's key and audit status, its files.
  const [existing, publishing, media] = await Promise.all([
    values.postId ? listPostTargetsForSubmit(ctx, values.postId) : Promise.resolve([]),
    getPublishingSettings(ctx),
    loadWorkspaceMedia(
      ctx.db,
      ctx.workspaceId,
      values.media.map((m) => m.id),
    ),
  ]);
  const client = await requireClient(ctx, deps, publishing.apiKey);
  const valid = await validateSubmission(ctx, values, {
    now: started,
    existing,
    auditStatus: publishing.auditStatus,
    media,
    loadProfiles:
      deps.loadProfiles ??
      (() => listComposeProfiles(ctx, { maxAgeMs: profilesMaxAgeMs, apiKey: publishing.apiKey })),
  });
  const scheduledAt = toScheduledAt(valid.input);
  const requests = new Map<string, PostTargetRequest>(
    valid.profiles.map((p) => [
      p.profileId,
      buildTargetRequest(valid.input, scheduledAt, started, p.groupId ?? null),
    ]),
  );
  const usageStatus = scheduledAt ? "scheduled" : "publishing";
  const { postId, claimed, kept } = await claimSubmission(ctx, {
    values: { ...values, ...valid.input },
    profiles: valid.profiles,
    requests,
    apiKeyFingerprint: publishing.apiKeyFingerprint,
    scheduledAt,
    usageStatus,
    now: started,
  });
  const results = await Promise.all(
    claimed.map((target) => sendOne(client, target, valid.media, now)),
  );
  const refused = results.filter((r) => r.refusals.length > 0);
  const isAllRefused = claimed.length > 0 && refused.length === claimed.length;
  const hasAccepted = kept.some(isSentTargetStatus);
  const status =
    isAllRefused && !hasAccepted
      ? "draft"
      : derivePostStatus([...kept, ...results.map((r) => r.patch.status)]);
  await recordSendResults(
    ctx,
    postId,
    results.map((r) => ({ targetId: r.targetId, patch: r.patch, event: eventOf(r) })),
    { status, usageBefore: usageStatus },
  );
  // Events Postproxy sent before this answer was recorded were kept: apply them now.
  const taken = results.flatMap((r) => (r.patch.postproxyPostId ? [r.patch.postproxyPostId] : []));
  if (taken.length > 0) await applyWaitingEvents(ctx, taken);
  if (isAllRefused) {
    const placed = placePostproxyErrors([...new Set(refused.flatMap((r) => r.refusals))]);
    const fieldErrors: FieldErrors = { ...placed.fieldErrors };
    const lead = hasAccepted ? publishTexts.resentRefused : publishTexts.allRefused;
    const message = [lead, ...placed.formErrors].join(" ");
    throw new AppError("invalid_input", message, fieldErrors, { postId });
  }
  return summarizeOutcome(postId, results);
}

/**
 * Resends one target whose failure a new attempt can fix (429, 401, 403), as a new revision.
 * An unknown outcome is never resent this way (see the status core's replay in sync).
 */
export async function retryTarget(
  ctx: WorkspaceCtx,
  input: { postId: string; targetId: string },
  deps: PublishDeps = {},
): Promise<{ status: TargetStatus }> {
  const now = deps.now ?? (() => new Date());
  const publishing = await getPublishingSettings(ctx);
  const client = await requireClient(ctx, deps, publishing.apiKey);
  const target = await claimRetry(ctx, {
    ...input,
    now: now(),
    refresh: (request) => refreshTargetRequest(request, now()),
    apiKeyFingerprint: publishing.apiKeyFingerprint,
  });
  const items = await loadWorkspaceMedia(ctx.db, ctx.workspaceId, target.request.mediaIds);
  const result = await sendOne(client, target, new Map(items.map((m) => [m.id, m])), now);
  await writeTargetChange(ctx, {
    target: { id: target.id, postId: input.postId, status: "sending", postproxyPostId: null },
    patch: result.patch,
    event: { kind: "retried", source: "user", detail: { revision: target.revision } },
    derive: derivePostStatus,
    now: now(),
  });
  return { status: result.patch.status };
}
