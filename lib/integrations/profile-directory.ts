import "server-only";
import type { WorkspaceCtx } from "@/lib/data/context";
import { isAppError } from "@/lib/errors";
import { withAppErrors, type Profile, type ProfileGroup } from "@/lib/postproxy";
import { getWorkspacePostproxy, pageDeadlineMs } from "./postproxy";

export type ProfileDirectory =
  | { hasKey: false }
  | { hasKey: true; groups: ProfileGroup[]; profiles: Profile[]; error: string | null };

/**
 * The workspace's Postproxy profile groups and profiles for the profiles page. A failure is the
 * message to show (logged under the id it quotes), never a thrown page error.
 */
export async function readProfileDirectory(ctx: WorkspaceCtx): Promise<ProfileDirectory> {
  const client = await getWorkspacePostproxy(ctx, { deadlineMs: pageDeadlineMs });
  if (!client) return { hasKey: false };
  try {
    const [groups, profiles] = await withAppErrors(
      () => Promise.all([client.profileGroups.list(), client.profiles.list()]),
      "page:profiles",
    );
    return { hasKey: true, groups: groups.data, profiles: profiles.data, error: null };
  } catch (error) {
    if (isAppError(error)) return { hasKey: true, groups: [], profiles: [], error: error.message };
    throw error;
  }
}

export type TikTokProfileCount = { active: number | null; expired: number };

/**
 * How many TikTok profiles are active and expired, for home's checklist; `active: null` when there
 * is no key or Postproxy did not answer within `deadlineMs`.
 */
export async function countTikTokProfiles(
  ctx: WorkspaceCtx,
  deadlineMs: number,
): Promise<TikTokProfileCount> {
  const client = await getWorkspacePostproxy(ctx, { deadlineMs });
  if (!client) return { active: null, expired: 0 };
  const listed = await client.profiles.list().catch(() => null);
  if (!listed) return { active: null, expired: 0 };
  const tiktok = listed.data.filter((p) => p.platform === "tiktok");
  return {
    active: tiktok.filter((p) => p.status === "active").length,
    expired: tiktok.filter((p) => p.status === "expired").length,
  };
}
