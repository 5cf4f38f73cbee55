import "server-only";
import { getPublishingSettings } from "@/lib/data/api-keys";
import type { WorkspaceCtx } from "@/lib/data/context";
import {
  applyPostEdit,
  claimEdit,
  conflictError,
  latestEditAfter,
  listPostEvents,
  loadManagedPost,
  recordTargetChange,
  releaseEdit,
  type ManagedPost,
  type ManagedTarget,
} from "@/lib/data/posts-edits";
import { AppError } from "@/lib/errors";
import { getWorkspacePostproxy } from "@/lib/integrations/postproxy";
import { isPostproxyError, type Post, type PostproxyClient } from "@/lib/postproxy";
import { formatDateTime } from "@/lib/format/date";
import { profileTexts } from "@/lib/tiktok/texts";
import { derivePostStatus } from "./status";
import type { TikTokSettings } from "@/lib/tiktok/params";
import type { FieldErrors } from "@/lib/errors";
import type { z } from "zod";
import {
  composePostSchema,
  toPostproxyTikTokParams,
  toScheduledAt,
  type ComposePostInput,
} from "@/lib/validation/post";
import {
  isInsideEditLock,
  manageTexts,
  type CancelPostInput,
  type EditField,
  type EditPostInput,
  type ManagedTargetView,
  type PostManageView,
} from "@/lib/validation/post-manage";

export type ManageDeps = {
  now?: () => Date;
  client?: PostproxyClient | null;
};

function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues)
    (out[issue.path.join(".") || "_form"] ??= []).push(issue.message);
  return out;
}

/** Each PATCH has its own key: the target and its edit revision (a resend of one edit reuses it). */
export function editKeyOf(target: { id: string; editRevision: number }): string {
  return `postdeck-${target.id}-e${target.editRevision}`;
}

export function cancelKeyOf(target: { id: string }): string {
  return `postdeck-${target.id}-cancel`;
}

async function requireClient(ctx: WorkspaceCtx, deps: ManageDeps, apiKey?: string | null) {
  const client =
    deps.client !== undefined ? deps.client : await getWorkspacePostproxy(ctx, { apiKey });
  if (!client) throw new AppError("upstream", profileTexts.noKey);
  return client;
}

const settingKeys = [
  "privacy",
  "allowComments",
  "allowDuet",
  "allowStitch",
  "madeWithAi",
  "coverIndex",
  "autoAddMusic",
  "discloseContent",
  "yourBrand",
  "brandedContent",
] as const satisfies readonly (keyof TikTokSettings)[];

function settingsOf(input: ComposePostInput | TikTokSettings): TikTokSettings {
  return Object.fromEntries(
    settingKeys.map((k) => [k, (input as Record<string, unknown>)[k] ?? null]),
  ) as TikTokSettings;
}

/** Scheduled on Postproxy: the only state an edit or a cancel applies to. */
function isScheduledOnPostproxy(t: ManagedTarget): boolean {
  return t.status === "scheduled" && t.postproxyPostId !== null && t.scheduledAt !== null;
}

function lockReasonOf(t: ManagedTarget, now: Date): string | null {
  if (!isScheduledOnPostproxy(t)) return null;
  return isInsideEditLock(t.scheduledAt!, now) ? manageTexts.lockReason : null;
}

/**
 * The state refusals shared by edit and cancel, before any call: the post's state, the chosen
 * targets' state, and the 5-minute lock (plus a minute's margin) with the profiles concerned.
 */
function pickTargets(
  post: ManagedPost,
  targets: ManagedTarget[],
  targetIds: string[] | undefined,
  now: Date,
): ManagedTarget[] {
  const chosen = targetIds ? targets.filter((t) => targetIds.includes(t.id)) : targets;
  if (targetIds && chosen.length !== targetIds.length)
    throw new AppError("not_found", "That profile is not part of this post.");
  const scheduled = chosen.filter(isScheduledOnPostproxy);
  if (scheduled.length === 0) {
    if (post.status !== "scheduled") throw conflictError(manageTexts.notScheduled(post.status));
    throw conflictError(manageTexts.noProfileEditable);
  }
  const locked = scheduled.filter((t) => isInsideEditLock(t.scheduledAt!, now));
  if (locked.length > 0)
    throw conflictError(manageTexts.insideLock(locked.map((t) => t.profileName)));
  return scheduled;
}

/** What an error from Postproxy means for a change whose answer we did not get. */
function failureWords(error: unknown): { refused: string | null; unclear: string | null } {
  if (!isPostproxyError(error)) throw error;
  switch (error.kind) {
    case "validation":
    case "bad_request":
      return {
        refused: error.messages.length ? error.messages.join("; ") : `${error.status}`,
        unclear: null,
      };
    case "not_found":
      return { refused: "the post no longer exists on Postproxy", unclear: null };
    case "unauthorized":
      return { refused: "the workspace's API key was rejected (401)", unclear: null };
    case "forbidden":
      return { refused: "this API key has no access to the profile (403)", unclear: null };
    case "rate_limited":
      return { refused: null, unclear: manageTexts.rateLimited };
    case "server":
      return { refused: null, unclear: manageTexts.serverError(error.status) };
    default:
      return { refused: null, unclear: manageTexts.unreachable };
  }
}

function sameInstant(a: string | null | undefined, b: string | null | undefined) {
  if (!a || !b) return a === b;
  return new Date(a).getTime() === new Date(b).getTime();
}

type EditOutcome = {
  targetId: string;
  profileName: string;
  accepted: boolean;
  message: string | null;
};

/**
 * Edit and reschedule: validated with the composer's schema and rules, refused inside the lock and
 * in the past before any call, then one PATCH per profile with the whole `platforms.tiktok` block.
 * A profile's record changes only once Postproxy accepted its PATCH; when the answer is lost, the
 * post is read back and only a change Postproxy shows is recorded.
 */
/** The conflict for an edit made on a stale version: who changed what, and when, when known. */
async function staleEditError(ctx: WorkspaceCtx, post: { id: string; timeZone: string }) {
  const last = await latestEditAfter(ctx, post.id, null);
  return conflictError(
    last
      ? manageTexts.conflict(
          last.actorName ?? "Someone",
          last.fields as EditField[],
          formatDateTime(last.at, { timeZone: post.timeZone, withZone: true }),
        )
      : manageTexts.conflictUnknown,
  );
}

export async function editPost(
  ctx: WorkspaceCtx,
  input: EditPostInput,
  deps: ManageDeps = {},
): Promise<{ version: number; outcomes: EditOutcome[] }> {
  const now = deps.now ?? (() => new Date());
  const started = now();
  const [{ post, targets }, publishing] = await Promise.all([
    loadManagedPost(ctx, input.postId),
    getPublishingSettings(ctx),
  ]);
  if (post.version !== input.version) {
    throw await staleEditError(ctx, post);
  }
  const editable = pickTargets(post, targets, undefined, started);
  // The media and profiles are the post's; only caption, settings and time are editable here.
  const parsed = composePostSchema({
    auditStatus: publishing.auditStatus,
    now: () => started,
  }).safeParse({
    ...input,
    profileIds: post.profileIds,
    media: post.media,
  });
  if (!parsed.success)
    throw new AppError("invalid_input", "Some fields need attention.", fieldErrorsOf(parsed.error));
  const valid = parsed.data;
  if (valid.schedule.mode !== "schedule")
    throw new AppError("invalid_input", manageTexts.timeRequired, {
      "schedule.at": [manageTexts.timeRequired],
    });
  const scheduledAt = toScheduledAt(valid)!;
  // A new time inside the lock would be frozen the moment it is saved.
  if (isInsideEditLock(scheduledAt, started))
    throw new AppError("invalid_input", manageTexts.newTimeInsideLock, {
      "schedule.at": [manageTexts.newTimeInsideLock],
    });
  const settings = settingsOf(valid);
  const params = toPostproxyTikTokParams(valid);
  const client = await requireClient(ctx, deps, publishing.apiKey);

  const fieldsFor = (t: ManagedTarget): EditField[] => {
    const fields: EditField[] = [];
    if ((t.request?.body ?? post.caption) !== valid.caption) fields.push("caption");
    if (JSON.stringify(settingsOf(t.settings ?? post.settings)) !== JSON.stringify(settings))
      fields.push("settings");
    if (t.scheduledAt?.getTime() !== scheduledAt.getTime()) fields.push("time");
    return fields;
  };
  const toChange = editable.filter((t) => fieldsFor(t).length > 0);
  if (toChange.length === 0) throw new AppError("invalid_input", manageTexts.noChange);

  const claim = await claimEdit(ctx, {
    postId: post.id,
    version: input.version,
    targetIds: toChange.map((t) => t.id),
    now: started,
  });
  if (!claim) {
    throw await staleEditError(ctx, post);
  }

  const body = valid.caption;
  const outcomes = await Promise.all(
    toChange.map(async (target): Promise<EditOutcome> => {
      const fields = fieldsFor(target);
      const editRevision = claim.revisions.get(target.id) ?? target.editRevision + 1;
      const key = editKeyOf({ id: target.id, editRevision });
      const accept = async (answer: Post | null) => {
        const request = target.request
          ? {
              ...target.request,
              body,
              scheduledAt: scheduledAt.toISOString(),
              platforms: { tiktok: params },
            }
          : undefined;
        const at = answer?.scheduled_at ? new Date(answer.scheduled_at) : scheduledAt;
        await recordTargetChange(
          ctx,
          { postId: post.id, targetId: target.id },
          {
            kind: "edited",
            patch: { request, scheduledAt: at, settings },
            detail: { fields, version: claim.version, key },
          },
          "user",
          derivePostStatus,
        );
        return {
          targetId: target.id,
          profileName: target.profileName,
          accepted: true,
          message: null,
        };
      };
      const refuse = async (message: string, reason: string) => {
        // What Postproxy has for this profile now (it may have been changed outside Postdeck):
        // the record follows it, so the page never shows a caption or time Postproxy contradicts.
        const remote = await client.posts
          .get(target.postproxyPostId!, {
            profileGroupId: target.request?.profileGroupId ?? undefined,
          })
          .catch(() => null);
        const patch =
          remote && target.request
            ? {
                request: { ...target.request, body: remote.body ?? target.request.body },
                scheduledAt: remote.scheduled_at
                  ? new Date(remote.scheduled_at)
                  : target.scheduledAt,
              }
            : undefined;
        await recordTargetChange(
          ctx,
          { postId: post.id, targetId: target.id },
          { kind: "edit_refused", patch, detail: { fields, reason: message, postproxy: reason } },
          "user",
          derivePostStatus,
        );
        return { targetId: target.id, profileName: target.profileName, accepted: false, message };
      };
      try {
        const answer = await client.posts.update(
          target.postproxyPostId!,
          {
            body,
            scheduledAt: scheduledAt.toISOString(),
            platforms: { tiktok: params },
          },
          { idempotencyKey: key, profileGroupId: target.request?.profileGroupId ?? undefined },
        );
        return accept(answer);
      } catch (error) {
        const { refused, unclear } = failureWords(error);
        if (refused) return refuse(manageTexts.editRefused(target.profileName, refused), refused);
        // No clear answer: what Postproxy shows decides, never what we hoped.
        try {
          const current = await client.posts.get(target.postproxyPostId!, {
            profileGroupId: target.request?.profileGroupId ?? undefined,
          });
          if (current.body === body && sameInstant(current.scheduled_at, scheduledAt.toISOString()))
            return accept(current);
        } catch {
          // Still unreachable: the record stays as it was, and says so.
        }
        return refuse(manageTexts.editUnconfirmed(target.profileName, unclear!), unclear!);
      }
    }),
  );
  const accepted = outcomes.filter((o) => o.accepted);
  if (accepted.length === 0) {
    await releaseEdit(ctx, post.id, claim.version);
    throw new AppError("upstream", outcomes.map((o) => o.message).join(" "));
  }
  await applyPostEdit(ctx, post.id, {
    caption: body,
    settings,
    scheduleAt: valid.schedule.at!,
    timeZone: valid.schedule.timeZone!,
    scheduledAt,
  });
  return { version: claim.version, outcomes };
}

/**
 * Cancel one profile or all: Postproxy DELETE per profile still scheduled, refused inside the lock
 * before any call; a profile is shown cancelled only once Postproxy confirmed the delete.
 */
export async function cancelPost(
  ctx: WorkspaceCtx,
  input: CancelPostInput,
  deps: ManageDeps = {},
): Promise<{ outcomes: EditOutcome[] }> {
  const now = deps.now ?? (() => new Date());
  const { post, targets } = await loadManagedPost(ctx, input.postId);
  const chosen = pickTargets(post, targets, input.targetIds, now());
  const client = await requireClient(ctx, deps);
  const outcomes: EditOutcome[] = [];
  // One after the other: a cancel is rare and the order of the timeline then reads naturally.
  for (const target of chosen) {
    const options = {
      idempotencyKey: cancelKeyOf(target),
      profileGroupId: target.request?.profileGroupId ?? undefined,
    };
    let refused: string | null = null;
    let unclear: string | null = null;
    try {
      await client.posts.delete(target.postproxyPostId!, {}, options);
    } catch (error) {
      ({ refused, unclear } = failureWords(error));
      // Already gone on Postproxy: cancelled is what it says.
      if (isPostproxyError(error) && error.kind === "not_found") refused = null;
    }
    if (refused || unclear) {
      const message = refused
        ? manageTexts.cancelRefused(target.profileName, refused)
        : manageTexts.cancelUnconfirmed(target.profileName, unclear!);
      await recordTargetChange(
        ctx,
        { postId: post.id, targetId: target.id },
        { kind: "cancel_refused", detail: { reason: message } },
        "user",
        derivePostStatus,
      );
      outcomes.push({
        targetId: target.id,
        profileName: target.profileName,
        accepted: false,
        message,
      });
      continue;
    }
    await recordTargetChange(
      ctx,
      { postId: post.id, targetId: target.id },
      {
        kind: "cancelled",
        fromStatus: target.status,
        patch: { status: "cancelled", error: null },
      },
      "user",
      derivePostStatus,
    );
    outcomes.push({
      targetId: target.id,
      profileName: target.profileName,
      accepted: true,
      message: null,
    });
  }
  if (!outcomes.some((o) => o.accepted))
    throw new AppError("upstream", outcomes.map((o) => o.message).join(" "));
  return { outcomes };
}

/** Per profile what Postproxy has (caption, time, settings), what can be done, and the timeline. */
export async function getPostManageView(
  ctx: WorkspaceCtx,
  postId: string,
  now: Date = new Date(),
): Promise<PostManageView> {
  const [{ post, targets }, events] = await Promise.all([
    loadManagedPost(ctx, postId),
    listPostEvents(ctx, postId),
  ]);
  const views: ManagedTargetView[] = targets.map((t) => {
    const lockReason = lockReasonOf(t, now);
    return {
      id: t.id,
      profileName: t.profileName,
      status: t.status,
      caption: t.request?.body ?? null,
      scheduledAt: t.scheduledAt?.toISOString() ?? null,
      settings: t.settings ?? (t.request ? post.settings : null),
      isEditable: isScheduledOnPostproxy(t) && lockReason === null,
      lockReason,
    };
  });
  return { postId: post.id, version: post.version, targets: views, events };
}
