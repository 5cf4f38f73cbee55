import type { Profile } from "@/lib/validation/social-profile";

/** The composer's profiles are the one `Profile` view type (name kept for its many users). */
export type ComposeProfile = Profile;

/** Expired or inactive profiles cannot be picked; they link to reconnecting instead. */
export function isPickableProfile(profile: Pick<ComposeProfile, "status">): boolean {
  return profile.status === "active";
}

/** Profiles by group, groups and profiles in name order. */
export function groupComposeProfiles(
  profiles: readonly ComposeProfile[],
): { groupId: string; groupName: string; profiles: ComposeProfile[] }[] {
  const groups = new Map<
    string,
    { groupId: string; groupName: string; profiles: ComposeProfile[] }
  >();
  for (const profile of profiles) {
    const group = groups.get(profile.groupId) ?? {
      groupId: profile.groupId,
      groupName: profile.groupName,
      profiles: [],
    };
    group.profiles.push(profile);
    groups.set(profile.groupId, group);
  }
  const byName = (a: string, b: string) => a.localeCompare(b);
  return [...groups.values()]
    .map((g) => ({ ...g, profiles: g.profiles.sort((a, b) => byName(a.name, b.name)) }))
    .sort((a, b) => byName(a.groupName, b.groupName));
}
