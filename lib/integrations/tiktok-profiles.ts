import "server-only";
import type { WorkspaceCtx } from "@/lib/data/context";
import { isAppError } from "@/lib/errors";
import { withAppErrors, type Profile, type ProfileGroup } from "@/lib/postproxy";
import type { ComposeProfile } from "@/lib/tiktok/compose-profile";
import { getWorkspacePostproxy, pageDeadlineMs } from "./postproxy";

export type ComposeProfiles = {
  profiles: ComposeProfile[];
  /** Why Postproxy could not list them (shown above the picker), or null. */
  error: string | null;
  /** False when the workspace has no Postproxy key yet. */
  hasKey: boolean;
};

const knownStatuses = new Set(["active", "expired", "inactive"]);

export function toComposeProfile(p: Profile, groups: Map<string, ProfileGroup>): ComposeProfile {
  return {
    id: p.id,
    name: p.name,
    avatarUrl: p.avatar_url,
    // A status Postproxy adds later is not something to post to.
    status: knownStatuses.has(p.status) ? (p.status as ComposeProfile["status"]) : "inactive",
    groupId: p.profile_group_id,
    groupName: groups.get(p.profile_group_id)?.name ?? p.profile_group_id,
  };
}

/**
 * The workspace's TikTok profiles, read from Postproxy within a page's deadline; the compose page
 * shows them and the submit action checks the chosen ids against them.
 */
export async function listComposeProfiles(
  ctx: WorkspaceCtx,
  options: { deadlineMs?: number } = {},
): Promise<ComposeProfiles> {
  const client = await getWorkspacePostproxy(ctx, {
    deadlineMs: options.deadlineMs ?? pageDeadlineMs,
  });
  if (!client) return { profiles: [], error: null, hasKey: false };
  try {
    const [groups, profiles] = await withAppErrors(
      () => Promise.all([client.profileGroups.list(), client.profiles.list()]),
      "compose:profiles",
    );
    const byId = new Map(groups.data.map((g) => [g.id, g]));
    return {
      profiles: profiles.data
        .filter((p) => p.platform === "tiktok")
        .map((p) => toComposeProfile(p, byId)),
      error: null,
      hasKey: true,
    };
  } catch (error) {
    if (isAppError(error)) return { profiles: [], error: error.message, hasKey: true };
    throw error;
  }
}
