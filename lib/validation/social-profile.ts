/**
 * A profile as every page shows it (Profiles, composer, Home, posts, stats): read from Postdeck's
 * mirror of Postproxy, never from Postproxy during a render. Client-safe.
 */
export type Profile = {
  /** Postproxy's profile id (what targets and Postproxy calls name). */
  id: string;
  name: string;
  username: string | null;
  avatarUrl: string | null;
  platform: string;
  /** A status Postproxy adds later is shown as inactive: nothing to post to. */
  status: ProfileStatus;
  groupId: string;
  groupName: string;
  expiresAt: string | null;
  postCount: number | null;
  /** The last Postproxy answer that included this profile (ISO), or null. */
  lastSuccessAt: string | null;
};

export const profileStatuses = ["active", "expired", "inactive"] as const;
export type ProfileStatus = (typeof profileStatuses)[number];

export function toProfileStatus(status: string): ProfileStatus {
  return (profileStatuses as readonly string[]).includes(status)
    ? (status as ProfileStatus)
    : "inactive";
}

/** A profile expiring within this long is flagged before it breaks scheduled posts. */
export const expiringSoonMs = 7 * 24 * 3600_000;

export type ProfileHealth = "ok" | "expiring" | "expired" | "inactive";

export function profileHealth(
  profile: Pick<Profile, "status" | "expiresAt">,
  now: number = Date.now(),
): ProfileHealth {
  if (profile.status === "expired") return "expired";
  if (profile.status !== "active") return "inactive";
  if (profile.expiresAt) {
    const left = Date.parse(profile.expiresAt) - now;
    if (left <= 0) return "expired";
    if (left <= expiringSoonMs) return "expiring";
  }
  return "ok";
}

export const platformLabels: Record<string, string> = {
  tiktok: "TikTok",
  instagram: "Instagram",
  facebook: "Facebook",
  youtube: "YouTube",
};
