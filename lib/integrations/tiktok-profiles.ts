import "server-only";
import { profileTexts } from "@/lib/tiktok/texts";
import type { WorkspaceCtx } from "@/lib/data/context";
import { getMirrorState, listProfiles, type MirrorState } from "@/lib/data/profiles";
import type { ComposeProfile } from "@/lib/tiktok/compose-profile";

export type ComposeProfiles = {
  profiles: ComposeProfile[];
  /** Why the list may be missing or old (shown above the picker), or null. */
  error: string | null;
  /** False when the workspace has no Postproxy key yet. */
  hasKey: boolean;
  /** The mirror's state, so a page can ask for a background refresh when it is stale. */
  mirror?: MirrorState;
};

/**
 * The workspace's TikTok profiles from Postdeck's mirror of Postproxy (never Postproxy itself:
 * renders and submissions stay fast and app servers stateless). The compose page shows them and
 * the submit action checks the chosen ids against them; a profile that expired since the last
 * refresh is still refused by TikTok at publish, and that failure is shown on the post.
 */
export async function listComposeProfiles(
  ctx: WorkspaceCtx,
  // Kept for callers written against the former Postproxy read; the mirror needs neither.
  options: { deadlineMs?: number; maxAgeMs?: number; apiKey?: string | null } = {},
): Promise<ComposeProfiles> {
  void options;
  const mirror = await getMirrorState(ctx);
  if (!mirror.hasKey) return { profiles: [], error: null, hasKey: false, mirror };
  if (!mirror.isLoaded)
    return {
      profiles: [],
      error: mirror.lastError
        ? `Could not load profiles from Postproxy. ${mirror.lastError}`
        : profileTexts.loading,
      hasKey: true,
      mirror,
    };
  const profiles = await listProfiles(ctx, { platform: "tiktok" });
  return { profiles, error: null, hasKey: true, mirror };
}
