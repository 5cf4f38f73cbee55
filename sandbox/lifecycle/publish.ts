import type { SandboxContext } from "../core/context";
import { PUBLISH_ERRORS, type PublishFailure } from "../tiktok/publish-errors";
import type { PlatformPostRecord, PostRecord } from "../store/types";

export type PublishOutcome =
  | { kind: "published" }
  | { kind: "failed"; failure: PublishFailure }
  | { kind: "retry"; failure: PublishFailure };

/** What the network answers when Postproxy hands it the post. */
export function decidePublish(
  ctx: SandboxContext,
  post: PostRecord,
  pp: PlatformPostRecord,
): PublishOutcome {
  const profile = ctx.store.profile(pp.profileId);
  if (!profile) return { kind: "failed", failure: PUBLISH_ERRORS.disconnected };
  // Expired profiles are accepted at create (the token may be refreshed by then) and fail here.
  if (profile.status !== "active") return { kind: "failed", failure: PUBLISH_ERRORS.expired };
  if (pp.platform === "tiktok") {
    const params = post.platformParams.tiktok ?? {};
    const privacy = params.privacy_status ?? "PUBLIC_TO_EVERYONE";
    if (ctx.faults.isUnaudited(profile.id) && privacy !== "SELF_ONLY") {
      return { kind: "failed", failure: PUBLISH_ERRORS.unaudited };
    }
    if (params.brand_content_toggle === true && privacy === "SELF_ONLY") {
      return { kind: "failed", failure: PUBLISH_ERRORS.brandedPrivate };
    }
  }
  if (ctx.faults.takePublishFailure())
    return { kind: "retry", failure: PUBLISH_ERRORS.rateLimited };
  return { kind: "published" };
}
