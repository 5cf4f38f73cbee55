import "server-only";
import type { WorkspaceCtx } from "@/lib/data/context";
import type { MediaItem } from "@/lib/data/media";
import { isAccepted, type ExistingTarget } from "@/lib/data/posts-submit";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { ComposeProfiles } from "@/lib/integrations/tiktok-profiles";
import type { ComposeProfile } from "@/lib/tiktok/compose-profile";
import { mediaVerdict } from "@/lib/tiktok/media-verdict";
import { mediaSubmitTexts, profileTexts, publishTexts } from "@/lib/tiktok/texts";
import type { AuditStatus } from "@/lib/validation/enums";
import { composePostSchema, type ComposePostInput, type DraftInput } from "@/lib/validation/post";

export type ValidSubmission = {
  input: ComposePostInput;
  media: Map<string, MediaItem>;
  /** The chosen profiles as Postproxy lists them (accepted ones from their targets). */
  profiles: {
    profileId: string;
    profileName: string;
    avatarUrl: string | null;
    groupId: string | null;
  }[];
};

const add = (errors: FieldErrors, key: string, message: string) =>
  (errors[key] ??= []).push(message);

/** Each file at its place ("media.<i>"): the workspace's, uploaded, and within TikTok's rules. */
function checkMedia(values: DraftInput, media: Map<string, MediaItem>, errors: FieldErrors) {
  values.media.forEach((ref, i) => {
    const item = media.get(ref.id);
    const key = `media.${i}`;
    if (!item) return add(errors, key, mediaSubmitTexts.notFound);
    if (item.status === "uploading") return add(errors, key, mediaSubmitTexts.uploading(item.name));
    if (item.status === "rejected")
      return add(
        errors,
        key,
        mediaSubmitTexts.rejected(
          item.name,
          item.rejectReason ?? "TikTok takes only videos and photos",
        ),
      );
    const verdict = mediaVerdict(item);
    if (!verdict.passes) add(errors, key, mediaSubmitTexts.failsRules(item.name, verdict.reasons));
  });
}

function checkProfiles(
  values: DraftInput,
  listed: ComposeProfiles,
  existing: ExistingTarget[],
  errors: FieldErrors,
): ValidSubmission["profiles"] {
  const byId = new Map<string, ComposeProfile>(listed.profiles.map((p) => [p.id, p]));
  const kept = new Map(existing.filter((t) => isAccepted(t)).map((t) => [t.profileId, t]));
  for (const target of kept.values())
    if (!values.profileIds.includes(target.profileId))
      add(errors, "profileIds", profileTexts.alreadySent(target.profileName));
  const chosen: ValidSubmission["profiles"] = [];
  values.profileIds.forEach((id, i) => {
    const profile = byId.get(id);
    const target = kept.get(id);
    // A profile Postproxy already has the post for is not sent again, whatever its state now.
    if (target && !profile) {
      chosen.push({
        profileId: id,
        profileName: target.profileName,
        avatarUrl: null,
        groupId: null,
      });
      return;
    }
    if (!profile) return add(errors, `profileIds.${i}`, profileTexts.notFound);
    if (!target && profile.status === "expired")
      return add(errors, `profileIds.${i}`, profileTexts.expired(profile.name));
    if (!target && profile.status !== "active")
      return add(errors, `profileIds.${i}`, profileTexts.inactive(profile.name));
    chosen.push({
      profileId: id,
      profileName: profile.name,
      avatarUrl: profile.avatarUrl,
      groupId: profile.groupId,
    });
  });
  return chosen;
}

/**
 * Every rule again, on the server, against the database's facts: the workspace's audit status,
 * the probed kind and facts of each file (the client's claimed kind is ignored), the workspace's
 * ownership of each media and profile id, and each profile's status. Nothing is written or sent
 * when anything fails: all problems come back at their fields.
 */
export async function validateSubmission(
  ctx: WorkspaceCtx,
  values: DraftInput,
  deps: {
    now: Date;
    existing: ExistingTarget[];
    auditStatus: AuditStatus;
    /** The workspace's files among the post's ids (read by the caller with its other reads). */
    media: MediaItem[];
    loadProfiles: () => Promise<ComposeProfiles>;
  },
): Promise<ValidSubmission> {
  const media = new Map(deps.media.map((m) => [m.id, m]));
  const errors: FieldErrors = {};
  checkMedia(values, media, errors);
  const withKinds = {
    ...values,
    media: values.media.map((ref) => {
      const kind = media.get(ref.id)?.kind;
      return { id: ref.id, kind: kind === "video" || kind === "image" ? kind : ref.kind };
    }),
  };
  const parsed = composePostSchema({
    auditStatus: deps.auditStatus,
    now: () => deps.now,
  }).safeParse(withKinds);
  if (!parsed.success)
    // Keys as createAction writes them: zod's path joined with dots.
    for (const issue of parsed.error.issues)
      add(errors, issue.path.join(".") || "_form", issue.message);
  let profiles: ValidSubmission["profiles"] = [];
  if (values.profileIds.length > 0) {
    const listed = await deps.loadProfiles();
    if (!listed.hasKey) throw new AppError("upstream", profileTexts.noKey);
    if (listed.error) throw new AppError("upstream", profileTexts.unavailable(listed.error));
    profiles = checkProfiles(values, listed, deps.existing, errors);
  }
  if (!parsed.success || Object.keys(errors).length > 0)
    throw new AppError("invalid_input", publishTexts.invalidInput, errors);
  return { input: parsed.data, media, profiles };
}
