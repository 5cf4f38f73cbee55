import "server-only";
import type { TargetPatch } from "@/lib/data/posts-targets";
import {
  isPostproxyError,
  MultipartFileError,
  type Post,
  type WebhookEvent,
} from "@/lib/postproxy";
import { mediaSubmitTexts, publishTexts } from "@/lib/tiktok/texts";
import type { TargetErrorKind, TargetStatus } from "@/lib/validation/post-view";

/** Postproxy took the request, but an earlier one under the same key differed (422). */
const keyReusedPattern = /Idempotency-Key has already been used/i;

export class MediaUnavailableError extends Error {
  constructor(
    message: string,
    readonly isAdminFix: boolean,
  ) {
    super(message);
    this.name = "MediaUnavailableError";
  }
}

export type SendFailure = {
  patch: TargetPatch;
  /** Postproxy's 422 messages, to place at the composer's fields. */
  refusals: string[];
};

const seconds = (ms: number | undefined) => `${Math.round((ms ?? 0) / 100) / 10} s`;

/** Who must act on a failure, for the classification below. */
export type FailureActor = "user" | "owner" | "postdeck" | "postproxy" | "tiktok";

/**
 * Every Postproxy and TikTok error in one table: its cause, who must act, the fix, and whether a
 * retry can help. `outcome` says what it makes of the target: a refusal (`failed`, Postproxy has
 * no post) or `unknown` (Postproxy may hold the post: never called a failure, never resent by
 * hand).
 */
export type Classified = {
  outcome: "refused" | "unknown";
  errorKind: TargetErrorKind;
  cause: string;
  actor: FailureActor;
  retryable: boolean;
  refusals: string[];
  text: string;
};

export function classifySendError(error: unknown): Classified {
  const refused = (
    errorKind: TargetErrorKind,
    actor: FailureActor,
    cause: string,
    text: string,
    refusals: string[] = [],
  ): Classified => ({
    outcome: "refused",
    errorKind,
    actor,
    cause,
    retryable: errorKind === "retryable",
    refusals,
    text,
  });
  const unknown = (cause: string, what: string): Classified => ({
    outcome: "unknown",
    errorKind: "retryable",
    actor: "postdeck",
    cause,
    retryable: true,
    refusals: [],
    text: publishTexts.unknownOutcome(what),
  });
  if (error instanceof MediaUnavailableError)
    return refused(
      error.isAdminFix ? "final" : "needs_edit",
      error.isAdminFix ? "owner" : "user",
      "media",
      error.message,
    );
  if (error instanceof MultipartFileError)
    return refused(
      "needs_edit",
      "user",
      "media",
      mediaSubmitTexts.notReadable("A file of this post"),
    );
  if (!isPostproxyError(error)) throw error;
  switch (error.kind) {
    case "validation":
    case "bad_request": {
      const messages = error.messages.length
        ? error.messages
        : [`Postproxy refused the request (${error.status})`];
      if (messages.some((m) => keyReusedPattern.test(m)))
        return refused("final", "user", "key_reused", publishTexts.keyReused);
      return refused("needs_edit", "user", "validation", publishTexts.refused(messages), messages);
    }
    case "unauthorized":
      return refused("retryable", "owner", "unauthorized", publishTexts.unauthorized);
    case "forbidden":
    case "not_found":
      return refused("retryable", "owner", "forbidden", publishTexts.forbidden);
    case "rate_limited":
      return refused("retryable", "user", "rate_limited", publishTexts.rateLimited);
    case "server":
      return unknown("server", publishTexts.serverError(error.status));
    case "timeout":
      return unknown("timeout", `did not answer within ${seconds(error.timeoutMs)}`);
    case "conflict":
      return unknown("conflict", "was still handling an earlier attempt");
    default:
      return unknown("network", "could not be reached");
  }
}

/** A failed create as a target patch: a refusal fails it, anything else leaves it unknown. */
export function describeSendFailure(error: unknown): SendFailure & { cause: string } {
  const c = classifySendError(error);
  if (c.outcome === "unknown")
    return {
      patch: { status: "unknown", error: c.text, errorKind: null },
      refusals: [],
      cause: c.cause,
    };
  return {
    patch: { status: "failed", error: c.text, errorKind: c.errorKind },
    refusals: c.refusals,
    cause: c.cause,
  };
}

type PlatformResult = Post["platforms"][number];

const unauditedCode = "unaudited_client_can_only_post_to_private_accounts";
const expiredCodes = new Set(["access_token_invalid", "profile_disconnected"]);
const editCodes = new Set(["invalid_params", unauditedCode, "spam_risk_too_many_posts"]);

function platformFailure(result: PlatformResult, profileName: string): TargetPatch {
  const code = result.error_details?.platform_error_code ?? "";
  const detail =
    result.error_details?.platform_error_message ?? result.error ?? "TikTok gave no reason";
  const note = result.error_details?.postproxy_note;
  const withNote = note ? `${detail} (${note})` : detail;
  if (code === unauditedCode || result.error?.startsWith(unauditedCode))
    return { status: "failed", error: publishTexts.unauditedApp, errorKind: "needs_edit" };
  if (expiredCodes.has(code))
    return {
      status: "failed",
      error: publishTexts.expiredProfile(profileName),
      errorKind: "retryable",
    };
  if (editCodes.has(code))
    return {
      status: "failed",
      error: publishTexts.platformFailed(withNote),
      errorKind: "needs_edit",
    };
  return { status: "failed", error: publishTexts.platformFinal(withNote), errorKind: "final" };
}

/**
 * A target's state from its Postproxy post. Postproxy's post status says where the media and the
 * schedule are; the TikTok platform result says what TikTok did.
 */
export function targetFromPost(post: Post, profileName: string, now: Date): TargetPatch {
  const result = post.platforms.find((p) => p.platform === "tiktok") ?? post.platforms[0];
  const base = { postproxyPostId: post.id, error: null, errorKind: null };
  const scheduledAt = post.scheduled_at ? new Date(post.scheduled_at) : undefined;
  if (post.status === "media_processing_failed") {
    const detail =
      post.media
        .map((m) => m.error_message)
        .filter(Boolean)
        .join("; ") ||
      result?.error ||
      "a file could not be processed";
    return {
      ...base,
      status: "failed",
      error: publishTexts.mediaFailed(detail),
      errorKind: "needs_edit",
    };
  }
  switch (result?.status) {
    case "published":
      return {
        ...base,
        status: "published",
        publishedAt: result.attempted_at ? new Date(result.attempted_at) : now,
        platformUrl: typeof result.url === "string" ? result.url : null,
      };
    case "failed":
      return { ...base, ...platformFailure(result, profileName) };
    case "deleted":
    case "pending_deletion":
      return { ...base, status: "cancelled", error: publishTexts.deleted, errorKind: "final" };
    case "processing":
    case "failed_waiting_for_retry":
      return { ...base, status: "processing" };
  }
  const isLater = scheduledAt !== undefined && scheduledAt.getTime() > now.getTime();
  const status: TargetStatus =
    post.status === "processing" || post.status === "processed" || !isLater
      ? "processing"
      : "scheduled";
  return { ...base, status, ...(scheduledAt ? { scheduledAt } : {}) };
}

/**
 * What a post or platform-post webhook says about a target, as the patch `targetFromPost` would
 * make of the same facts; null for events that say nothing about its status.
 */
export function targetFromEvent(
  event: WebhookEvent,
  profileName: string,
  now: Date,
): (TargetPatch & { postproxyPostId: string }) | null {
  switch (event.type) {
    case "platform_post.published":
      return {
        status: "published",
        postproxyPostId: event.data.post_id,
        publishedAt: now,
        error: null,
        errorKind: null,
      };
    case "platform_post.failed":
      return {
        ...platformFailure(
          {
            platform: event.data.platform,
            status: "failed",
            error: event.data.error ?? null,
            error_details: event.data.error_details ?? null,
          } as PlatformResult,
          profileName,
        ),
        postproxyPostId: event.data.post_id,
      };
    case "platform_post.failed_waiting_for_retry":
      return { status: "processing", postproxyPostId: event.data.post_id };
    case "media.failed":
      return {
        status: "failed",
        postproxyPostId: event.data.post_id,
        error: publishTexts.mediaFailed(
          event.data.error_message ?? "a file could not be processed",
        ),
        errorKind: "needs_edit",
      };
    case "post.processed": {
      if (event.data.status === "media_processing_failed")
        return {
          status: "failed",
          postproxyPostId: event.data.id,
          error: publishTexts.mediaFailed("a file could not be processed"),
          errorKind: "needs_edit",
        };
      const at = event.data.scheduled_at ? new Date(event.data.scheduled_at) : null;
      const isLater = at !== null && at.getTime() > now.getTime();
      return { status: isLater ? "scheduled" : "processing", postproxyPostId: event.data.id };
    }
    default:
      return null;
  }
}

/** The Postproxy post a status event is about, or null for other events. */
export function postIdOfEvent(event: WebhookEvent): string | null {
  switch (event.type) {
    case "platform_post.published":
    case "platform_post.failed":
    case "platform_post.failed_waiting_for_retry":
    case "media.failed":
      return event.data.post_id;
    case "post.processed":
      return event.data.id;
    default:
      return null;
  }
}
