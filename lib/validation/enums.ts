export const workspaceRoles = ["owner", "editor", "viewer"] as const;
export type WorkspaceRole = (typeof workspaceRoles)[number];

export const inviteRoles = ["editor", "viewer"] as const;
export type InviteRole = (typeof inviteRoles)[number];

export const auditStatuses = ["audited", "unaudited", "unknown"] as const;
export type AuditStatus = (typeof auditStatuses)[number];

const roleRank: Record<WorkspaceRole, number> = { viewer: 0, editor: 1, owner: 2 };

export function hasRole(actual: WorkspaceRole, required: WorkspaceRole): boolean {
  return roleRank[actual] >= roleRank[required];
}

/** TikTok's `privacy_status` values, as Postproxy takes them under `platforms.tiktok`. */
// Also in lib/postproxy/schemas.ts: forms are client-safe, the Postproxy client is server-only.
export const tiktokPrivacyStatuses = [
  "PUBLIC_TO_EVERYONE",
  "MUTUAL_FOLLOW_FRIENDS",
  "FOLLOWER_OF_CREATOR",
  "SELF_ONLY",
] as const;
export type TikTokPrivacy = (typeof tiktokPrivacyStatuses)[number];

/** What the composer does on submit: publish now, schedule, or keep the post as a draft. */
export const postModes = ["now", "schedule", "draft"] as const;
export type PostMode = (typeof postModes)[number];

/** One profile's copy of a post, as Postproxy reports it. */
export const targetStatuses = [
  "pending",
  "sending",
  /** A create whose answer never came: Postproxy may or may not hold the post. */
  "unknown",
  "scheduled",
  /** Scheduled, and still not published 10 minutes after its time. */
  "delayed",
  "processing",
  "published",
  "failed",
  "cancelled",
] as const;
export type TargetStatus = (typeof targetStatuses)[number];
