import "server-only";
import type { MediaItem } from "@/lib/data/media";
import type { ClaimedTarget } from "@/lib/data/posts-submit";
import type { TargetPatch } from "@/lib/data/posts-targets";
import type { PostproxyClient } from "@/lib/postproxy";
import { describeSendFailure, targetFromPost } from "./outcome";
import { sendTargetRequest } from "./request";

export type SendResult = {
  targetId: string;
  profileName: string;
  patch: TargetPatch;
  refusals: string[];
  cause: string | null;
};

/** One profile's Postproxy post; the answer is returned for the caller to write. */
export async function sendOne(
  client: PostproxyClient,
  target: ClaimedTarget,
  media: Map<string, MediaItem>,
  now: () => Date,
): Promise<SendResult> {
  const base = { targetId: target.id, profileName: target.profileName };
  try {
    const post = await sendTargetRequest(client, target, media);
    const patch = targetFromPost(post, target.profileName, now());
    return { ...base, patch: { ...patch, lastSyncedAt: now() }, refusals: [], cause: null };
  } catch (error) {
    const { patch, refusals, cause } = describeSendFailure(error);
    const isRefused = patch.errorKind === "needs_edit";
    return { ...base, patch, refusals: isRefused ? refusals : [], cause };
  }
}
