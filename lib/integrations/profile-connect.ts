import "server-only";
import type { WorkspaceCtx } from "@/lib/data/context";
import { consumeProfileConnection, createProfileConnection } from "@/lib/data/profile-connections";
import { findGroupRowId, listProfiles, upsertMirrorProfile } from "@/lib/data/profiles";
import { AppError } from "@/lib/errors";
import { withAppErrors } from "@/lib/postproxy";
import type { CompleteConnectionInput, ConnectOutcome } from "@/lib/validation/profile-connect";
import { refreshProfileMirror, toMirrorProfile } from "./profile-mirror";
import { getWorkspacePostproxy, pageDeadlineMs } from "./postproxy";

/**
 * Starts Postproxy's initialize-connection for a group's TikTok account. The redirect carries a
 * single-use state value tied to this user and group; returns the consent page's URL.
 */
export async function startProfileConnection(
  ctx: WorkspaceCtx,
  groupId: string,
  returnUrlFor: (state: string) => string,
): Promise<{ url: string }> {
  const group = await findGroupRowId(ctx, groupId);
  if (!group)
    throw new AppError("not_found", "This profile group is not in the workspace.", {
      groupId: ["This profile group is not in the workspace."],
    });
  const client = await getWorkspacePostproxy(ctx, { deadlineMs: pageDeadlineMs });
  if (!client) throw new AppError("invalid_input", "Save the workspace's Postproxy API key first.");
  const before = (await listProfiles(ctx, { platform: "tiktok" }))
    .filter((p) => p.groupId === groupId)
    .map((p) => p.id);
  const { state } = await createProfileConnection(ctx, {
    groupRowId: group.id,
    profileIdsBefore: before,
  });
  const started = await withAppErrors(
    () =>
      client.profileGroups.initializeConnection(
        groupId,
        { platform: "tiktok", redirectUrl: returnUrlFor(state) },
        { profileGroupId: groupId },
      ),
    "connect:start",
  );
  const url = started.url ? safeHttpUrl(started.url) : null;
  if (!started.success || !url)
    throw new AppError(
      "upstream",
      "Postproxy did not return a consent page for TikTok. Try again.",
    );
  return { url };
}

function safeHttpUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/**
 * Finishes a Connect from the return's parameters: the state must be this user's unused one, and a
 * reported success counts only if Postproxy lists that profile, active, in the group.
 */
export async function completeProfileConnection(
  ctx: WorkspaceCtx,
  input: Pick<CompleteConnectionInput, "state" | "profileId" | "error">,
): Promise<{ outcome: ConnectOutcome }> {
  const started = await consumeProfileConnection(ctx, input.state);
  if (!started) return { outcome: "invalid" };
  if (input.error || !input.profileId) return { outcome: "denied" };
  const client = await getWorkspacePostproxy(ctx, { deadlineMs: pageDeadlineMs });
  if (!client) return { outcome: "unverified" };
  const listed = await withAppErrors(
    () => client.profiles.list({ profileGroupId: started.groupId }),
    "connect:verify",
  );
  const profile = listed.data.find(
    (p) =>
      p.id === input.profileId &&
      p.platform === "tiktok" &&
      p.profile_group_id === started.groupId &&
      p.status === "active",
  );
  if (!profile) return { outcome: "unverified" };
  // The verified profile goes into the mirror at once; the refresh then marks the one it replaced.
  await upsertMirrorProfile(
    ctx,
    { postproxyId: started.groupId, name: null },
    toMirrorProfile(profile),
  );
  await refreshProfileMirror(ctx, { force: true });
  return { outcome: "connected" };
}
