/**
 * A TikTok profile as the composer shows it (PRODUCT.md §4.1), read from Postproxy on the server and
 * passed to the form as a prop. `name` is the TikTok nickname the post goes to.
 */
export type ComposeProfile = {
  id: string;
  name: string;
  avatarUrl: string | null;
  status: "active" | "expired" | "inactive";
  groupId: string;
  groupName: string;
};

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
