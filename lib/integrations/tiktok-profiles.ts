import "server-only";
import { createHash } from "node:crypto";
import { getApiKey } from "@/lib/data/api-keys";
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
 * The last good list per workspace and key, so a submit right after the compose page loaded does
 * not wait on Postproxy again. A profile that expired meanwhile is still refused by TikTok at
 * publish, and that failure is shown on the post.
 */
const recent = new Map<string, { at: number; profiles: ComposeProfile[] }>();
const recentMax = 1_000;

async function cacheKey(ctx: WorkspaceCtx): Promise<string | null> {
  const apiKey = await getApiKey(ctx);
  if (!apiKey) return null;
  return `${ctx.workspaceId}:${createHash("sha256").update(apiKey).digest("hex").slice(0, 16)}`;
}

/**
 * The workspace's TikTok profiles, read from Postproxy within a page's deadline; the compose page
 * shows them and the submit action checks the chosen ids against them. `maxAgeMs` accepts a list
 * read that recently (the submit action passes one; pages read afresh).
 */
export async function listComposeProfiles(
  ctx: WorkspaceCtx,
  options: { deadlineMs?: number; maxAgeMs?: number } = {},
): Promise<ComposeProfiles> {
  const key = await cacheKey(ctx);
  if (!key) return { profiles: [], error: null, hasKey: false };
  const cached = recent.get(key);
  if (cached && options.maxAgeMs && Date.now() - cached.at <= options.maxAgeMs)
    return { profiles: cached.profiles, error: null, hasKey: true };
  const fresh = await readComposeProfiles(ctx, options);
  if (!fresh.error && fresh.hasKey) {
    if (recent.size >= recentMax) recent.delete(recent.keys().next().value!);
    recent.set(key, { at: Date.now(), profiles: fresh.profiles });
  }
  return fresh;
}

async function readComposeProfiles(
  ctx: WorkspaceCtx,
  options: { deadlineMs?: number },
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
