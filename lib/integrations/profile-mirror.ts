import "server-only";
import type { WorkspaceCtx } from "@/lib/data/context";
import {
  claimMirrorRefresh,
  recordMirrorFailure,
  saveProfileMirror,
  setMirrorProfileStatus,
  upsertMirrorProfile,
  type MirrorProfileInput,
} from "@/lib/data/profiles";
import { isAppError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { withAppErrors, type Profile as PostproxyProfile } from "@/lib/postproxy";
import { getWorkspacePostproxy, pageDeadlineMs } from "./postproxy";

/**
 * Every refresh (a page's, the sync route's, a saved key's) gives Postproxy what a page would: the
 * refresh holds the workspace's claim while it runs, and a page whose mirror is empty waits on
 * whichever refresh holds it, so a longer one kept a page saying "Reading profiles…" for 20 s
 * while Postproxy hung. A failed refresh is recorded and shown; the next sync tries again.
 */
const refreshDeadlineMs = pageDeadlineMs;

export type MirrorRefreshResult =
  | { status: "refreshed"; groups: number; profiles: number }
  | { status: "skipped"; reason: "no_key" | "fresh_or_running" }
  | { status: "failed"; message: string };

export function toMirrorProfile(p: PostproxyProfile): MirrorProfileInput {
  return {
    postproxyId: p.id,
    platform: p.platform,
    name: p.name,
    username: p.username,
    avatarUrl: p.avatar_url,
    status: p.status,
    expiresAt: p.expires_at,
    postCount: typeof p.post_count === "number" ? p.post_count : null,
  };
}

/**
 * Reads every profile group and then each group's profiles with `profile_group_id` (without it a
 * key that spans several groups may see only its first) and replaces the mirror. One refresh runs
 * per workspace at a time; `force` refreshes a mirror that is still fresh (the sync route, a key
 * change, the Connect return).
 */
export async function refreshProfileMirror(
  ctx: WorkspaceCtx,
  options: { force?: boolean; deadlineMs?: number } = {},
): Promise<MirrorRefreshResult> {
  const client = await getWorkspacePostproxy(ctx, {
    deadlineMs: options.deadlineMs ?? refreshDeadlineMs,
  });
  if (!client) return { status: "skipped", reason: "no_key" };
  if (!(await claimMirrorRefresh(ctx, { force: options.force })))
    return { status: "skipped", reason: "fresh_or_running" };
  try {
    const groups = await withAppErrors(() => client.profileGroups.list(), "mirror:groups");
    const withProfiles = await Promise.all(
      groups.data.map(async (group) => {
        const listed = await withAppErrors(
          () => client.profiles.list({ profileGroupId: group.id }),
          "mirror:profiles",
        );
        return {
          postproxyId: group.id,
          name: group.name,
          // A profile is the group's own even if Postproxy's list strays (defensive).
          profiles: listed.data.filter((p) => p.profile_group_id === group.id).map(toMirrorProfile),
        };
      }),
    );
    await saveProfileMirror(ctx, withProfiles);
    return {
      status: "refreshed",
      groups: withProfiles.length,
      profiles: withProfiles.reduce((n, g) => n + g.profiles.length, 0),
    };
  } catch (error) {
    const message = isAppError(error)
      ? error.message
      : `Profiles could not be read from Postproxy (error ${logError("mirror:refresh", error)}).`;
    await recordMirrorFailure(ctx, message);
    return { status: "failed", message };
  }
}

/** `profile.connected` / `profile.disconnected` as the webhook receiver hands them over. */
export type ProfileEvent = {
  type: "profile.connected" | "profile.disconnected";
  data: {
    id: string;
    name?: string;
    platform?: string;
    profile_group_id?: string;
    status?: string;
    username?: string | null;
  };
};

/**
 * Applies a profile webhook to the mirror. A connection is then read back from Postproxy (the
 * event carries no avatar or expiry, and is not trusted beyond naming what changed).
 */
export async function applyProfileEvent(ctx: WorkspaceCtx, event: ProfileEvent): Promise<void> {
  const p = event.data;
  if (event.type === "profile.disconnected") {
    await setMirrorProfileStatus(ctx, p.id, p.status ?? "disconnected");
    return;
  }
  const client = await getWorkspacePostproxy(ctx, { deadlineMs: refreshDeadlineMs });
  if (!client) return;
  const profile = await withAppErrors(() => client.profiles.get(p.id), "mirror:event");
  const group = await withAppErrors(
    () => client.profileGroups.get(profile.profile_group_id),
    "mirror:event-group",
  ).catch(() => null);
  await upsertMirrorProfile(
    ctx,
    { postproxyId: profile.profile_group_id, name: group?.name ?? null },
    toMirrorProfile(profile),
  );
}
