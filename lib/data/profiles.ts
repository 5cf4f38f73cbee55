import "server-only";
// Drizzle select skeletons (select, from, where and(workspaceId, …)) repeat across lib/data:
// each query names its own columns and workspace scope (STYLE.md); a shared builder hides both.
import type { NullableRow } from "./columns";
import {
  and,
  asc,
  count,
  eq,
  gt,
  inArray,
  isNull,
  lt,
  notInArray,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import {
  postTargets,
  profileGroups,
  profileMirrorStates,
  profiles,
  workspaces,
} from "@/lib/db/schema";
import { toProfileStatus, type Profile } from "@/lib/validation/social-profile";
import { ctxWithDb, requireRole, type WorkspaceCtx } from "./context";

/** A profile as Postproxy lists it, in the mirror's terms. */
export type MirrorProfileInput = {
  postproxyId: string;
  platform: string;
  name: string;
  username: string | null;
  avatarUrl: string | null;
  status: string;
  expiresAt: string | null;
  postCount: number | null;
};

export type MirrorGroupInput = {
  postproxyId: string;
  name: string;
  profiles: MirrorProfileInput[];
};

export type MirrorState = {
  hasKey: boolean;
  /** The mirror was read with the current key (a newer key makes the old list void). */
  isLoaded: boolean;
  refreshedAt: string | null;
  lastError: string | null;
  isStale: boolean;
};

export type ProfileGroupView = { id: string; name: string; profiles: Profile[] };

/** The mirror is refreshed in the background once it is older than this. */
/** A post target's profile in the mirror: same workspace, Postproxy's profile id (and `extra`). */
export function targetProfileJoin(...extra: SQL[]) {
  return and(
    eq(profiles.workspaceId, postTargets.workspaceId),
    eq(profiles.postproxyId, postTargets.profileId),
    ...extra,
  );
}

export const mirrorMaxAgeMs = 5 * 60_000;
/** A refresh claimed this recently is running (or died); others do not start another. */
const claimTtlMs = 60_000;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const profileColumns = {
  id: profiles.postproxyId,
  name: profiles.name,
  username: profiles.username,
  avatarUrl: profiles.avatarUrl,
  platform: profiles.platform,
  status: profiles.status,
  groupId: profileGroups.postproxyId,
  groupName: profileGroups.name,
  expiresAt: profiles.expiresAt,
  postCount: profiles.postCount,
  lastSuccessAt: profiles.lastSuccessAt,
};

type ProfileRow = NullableRow<typeof profileColumns>;

function toView(r: ProfileRow): Profile {
  return {
    id: r.id!,
    name: r.name!,
    username: r.username ?? null,
    avatarUrl: r.avatarUrl ?? null,
    platform: r.platform!,
    status: toProfileStatus(r.status!),
    groupId: r.groupId!,
    groupName: r.groupName!,
    expiresAt: iso(r.expiresAt as Date | null),
    postCount: (r.postCount as number | null) ?? null,
    lastSuccessAt: iso(r.lastSuccessAt as Date | null),
  };
}

export async function getMirrorState(ctx: WorkspaceCtx, now = new Date()): Promise<MirrorState> {
  requireRole(ctx, "viewer");
  const [row] = await ctx.db
    .select(mirrorStateColumns)
    .from(workspaces)
    .leftJoin(profileMirrorStates, eq(profileMirrorStates.workspaceId, workspaces.id))
    .where(eq(workspaces.id, ctx.workspaceId));
  return toMirrorState(row, now);
}

/** What getMirrorState reads, for a query that joins the mirror state into a wider read. */
export const mirrorStateColumns = {
  hasKey: sql<boolean>`${workspaces.postproxyKeyCiphertext} is not null`,
  keyUpdatedAt: workspaces.postproxyKeyUpdatedAt,
  refreshedAt: profileMirrorStates.refreshedAt,
  lastError: profileMirrorStates.lastError,
};

type MirrorStateRow = {
  hasKey: boolean;
  keyUpdatedAt: Date | null;
  refreshedAt: Date | null;
  lastError: string | null;
};

export function toMirrorState(row: MirrorStateRow | undefined, now = new Date()): MirrorState {
  if (!row?.hasKey)
    return { hasKey: false, isLoaded: false, refreshedAt: null, lastError: null, isStale: false };
  const isLoaded = !!row.refreshedAt && (!row.keyUpdatedAt || row.refreshedAt >= row.keyUpdatedAt);
  return {
    hasKey: true,
    isLoaded,
    refreshedAt: iso(row.refreshedAt),
    lastError: row.lastError,
    isStale: !isLoaded || now.getTime() - row.refreshedAt!.getTime() > mirrorMaxAgeMs,
  };
}

/** The workspace's current profiles (not removed), groups and names in order. */
export async function listProfiles(
  ctx: WorkspaceCtx,
  filter: { platform?: string; ids?: string[] } = {},
): Promise<Profile[]> {
  requireRole(ctx, "viewer");
  if (filter.ids && filter.ids.length === 0) return [];
  const rows = await ctx.db
    .select(profileColumns)
    .from(profiles)
    .innerJoin(profileGroups, eq(profileGroups.id, profiles.groupId))
    .where(
      and(
        eq(profiles.workspaceId, ctx.workspaceId),
        isNull(profiles.removedAt),
        filter.platform ? eq(profiles.platform, filter.platform) : undefined,
        filter.ids ? inArray(profiles.postproxyId, filter.ids) : undefined,
      ),
    )
    .orderBy(asc(profileGroups.name), asc(profiles.name));
  return rows.map(toView);
}

/** Groups with their profiles, for the Profiles page (a group without profiles is listed too). */
export async function listProfileGroups(ctx: WorkspaceCtx): Promise<ProfileGroupView[]> {
  requireRole(ctx, "viewer");
  const [groups, all] = await Promise.all([
    ctx.db
      .select({ id: profileGroups.postproxyId, name: profileGroups.name })
      .from(profileGroups)
      .where(and(eq(profileGroups.workspaceId, ctx.workspaceId), isNull(profileGroups.removedAt)))
      .orderBy(asc(profileGroups.name)),
    listProfiles(ctx),
  ]);
  return groups.map((g) => ({ ...g, profiles: all.filter((p) => p.groupId === g.id) }));
}

/** The mirror's internal id of a group, for rows that reference it (connections). */
export async function findGroupRowId(ctx: WorkspaceCtx, postproxyGroupId: string) {
  requireRole(ctx, "viewer");
  const [row] = await ctx.db
    .select({ id: profileGroups.id, name: profileGroups.name })
    .from(profileGroups)
    .where(
      and(
        eq(profileGroups.workspaceId, ctx.workspaceId),
        eq(profileGroups.postproxyId, postproxyGroupId),
        isNull(profileGroups.removedAt),
      ),
    );
  return row ?? null;
}

/**
 * Claims the workspace's refresh: true for exactly one of several concurrent callers, and only
 * when no refresh started within the last minute (`force` skips the age check, not the claim).
 */
export async function claimMirrorRefresh(
  ctx: WorkspaceCtx,
  options: { force?: boolean; now?: Date } = {},
): Promise<boolean> {
  requireRole(ctx, "viewer");
  const now = options.now ?? new Date();
  await ctx.db
    .insert(profileMirrorStates)
    .values({ workspaceId: ctx.workspaceId })
    .onConflictDoNothing();
  const claimed = await ctx.db
    .update(profileMirrorStates)
    .set({ attemptedAt: now })
    .where(
      and(
        eq(profileMirrorStates.workspaceId, ctx.workspaceId),
        or(
          isNull(profileMirrorStates.attemptedAt),
          lt(profileMirrorStates.attemptedAt, new Date(now.getTime() - claimTtlMs)),
        ),
        options.force
          ? undefined
          : or(
              isNull(profileMirrorStates.refreshedAt),
              lt(profileMirrorStates.refreshedAt, new Date(now.getTime() - mirrorMaxAgeMs)),
              sql`${profileMirrorStates.refreshedAt} < (select ${workspaces.postproxyKeyUpdatedAt} from ${workspaces} where ${workspaces.id} = ${ctx.workspaceId})`,
            ),
      ),
    )
    .returning({ workspaceId: profileMirrorStates.workspaceId });
  return claimed.length > 0;
}

export async function recordMirrorFailure(ctx: WorkspaceCtx, message: string) {
  requireRole(ctx, "viewer");
  await ctx.db
    .update(profileMirrorStates)
    .set({ lastError: message, attemptedAt: null })
    .where(eq(profileMirrorStates.workspaceId, ctx.workspaceId));
}

function profileValues(ctx: WorkspaceCtx, groupRowId: string, p: MirrorProfileInput, now: Date) {
  return {
    workspaceId: ctx.workspaceId,
    groupId: groupRowId,
    postproxyId: p.postproxyId,
    platform: p.platform,
    name: p.name,
    username: p.username,
    avatarUrl: p.avatarUrl,
    status: p.status,
    expiresAt: p.expiresAt ? new Date(p.expiresAt) : null,
    postCount: p.postCount,
    lastSuccessAt: now,
    removedAt: null,
    syncedAt: now,
  };
}

const profileUpdateSet = {
  groupId: sql`excluded.group_id`,
  platform: sql`excluded.platform`,
  name: sql`excluded.name`,
  username: sql`excluded.username`,
  avatarUrl: sql`excluded.avatar_url`,
  status: sql`excluded.status`,
  expiresAt: sql`excluded.expires_at`,
  postCount: sql`excluded.post_count`,
  lastSuccessAt: sql`excluded.last_success_at`,
  removedAt: sql`null`,
  syncedAt: sql`excluded.synced_at`,
};

async function upsertGroup(ctx: WorkspaceCtx, postproxyId: string, name: string, now: Date) {
  const [row] = await ctx.db
    .insert(profileGroups)
    .values({ workspaceId: ctx.workspaceId, postproxyId, name, syncedAt: now })
    .onConflictDoUpdate({
      target: [profileGroups.workspaceId, profileGroups.postproxyId],
      set: { name, removedAt: null, syncedAt: now },
    })
    .returning({ id: profileGroups.id });
  return row.id;
}

/**
 * Replaces the mirror with a complete read of Postproxy: groups and profiles it no longer lists
 * are marked removed (their posts and stats keep naming them).
 */
export async function saveProfileMirror(
  ctx: WorkspaceCtx,
  groups: MirrorGroupInput[],
  now = new Date(),
) {
  requireRole(ctx, "viewer");
  await ctx.db.transaction(async (tx) => {
    const t = ctxWithDb(ctx, tx);
    const seenProfiles: string[] = [];
    for (const group of groups) {
      const groupRowId = await upsertGroup(t, group.postproxyId, group.name, now);
      if (group.profiles.length === 0) continue;
      await tx
        .insert(profiles)
        .values(group.profiles.map((p) => profileValues(t, groupRowId, p, now)))
        .onConflictDoUpdate({
          target: [profiles.workspaceId, profiles.postproxyId],
          set: profileUpdateSet,
        });
      seenProfiles.push(...group.profiles.map((p) => p.postproxyId));
    }
    const groupIds = groups.map((g) => g.postproxyId);
    await tx
      .update(profileGroups)
      .set({ removedAt: now })
      .where(
        and(
          eq(profileGroups.workspaceId, ctx.workspaceId),
          isNull(profileGroups.removedAt),
          groupIds.length ? notInArray(profileGroups.postproxyId, groupIds) : undefined,
        ),
      );
    // Same rule as for groups just above, on another table: alike on purpose.
    await tx
      .update(profiles)
      .set({ removedAt: now })
      .where(
        and(
          eq(profiles.workspaceId, ctx.workspaceId),
          isNull(profiles.removedAt),
          seenProfiles.length ? notInArray(profiles.postproxyId, seenProfiles) : undefined,
        ),
      );
    await tx
      .insert(profileMirrorStates)
      .values({ workspaceId: ctx.workspaceId, refreshedAt: now })
      .onConflictDoUpdate({
        target: profileMirrorStates.workspaceId,
        set: { refreshedAt: now, attemptedAt: null, lastError: null },
      });
  });
}

/** One profile from a webhook or a single read: inserted or updated in its group. */
export async function upsertMirrorProfile(
  ctx: WorkspaceCtx,
  group: { postproxyId: string; name: string | null },
  profile: MirrorProfileInput,
  now = new Date(),
) {
  requireRole(ctx, "viewer");
  await ctx.db.transaction(async (tx) => {
    const t = ctxWithDb(ctx, tx);
    const existing = await findGroupRowId(t, group.postproxyId);
    const groupRowId =
      existing?.id ??
      (await upsertGroup(t, group.postproxyId, group.name ?? group.postproxyId, now));
    await tx
      .insert(profiles)
      .values(profileValues(t, groupRowId, profile, now))
      .onConflictDoUpdate({
        target: [profiles.workspaceId, profiles.postproxyId],
        set: profileUpdateSet,
      });
  });
}

/** A disconnected profile stays in the mirror, marked so, until Postproxy stops listing it. */
export async function setMirrorProfileStatus(
  ctx: WorkspaceCtx,
  postproxyId: string,
  status: string,
  now = new Date(),
) {
  requireRole(ctx, "viewer");
  await ctx.db
    .update(profiles)
    .set({ status, syncedAt: now })
    .where(and(eq(profiles.workspaceId, ctx.workspaceId), eq(profiles.postproxyId, postproxyId)));
}

/**
 * Scheduled posts per profile that will fail as things stand: the profile is not active, or its
 * access expires before the post goes out. Keyed by Postproxy profile id.
 */
export async function countScheduledAtRisk(
  ctx: WorkspaceCtx,
  now = new Date(),
): Promise<Map<string, number>> {
  requireRole(ctx, "viewer");
  const rows = await ctx.db
    .select({ profileId: postTargets.profileId, n: count() })
    .from(postTargets)
    .innerJoin(profiles, targetProfileJoin())
    .where(
      and(
        eq(postTargets.workspaceId, ctx.workspaceId),
        inArray(postTargets.status, ["pending", "sending", "scheduled"]),
        gt(postTargets.scheduledAt, now),
        or(
          sql`${profiles.status} <> 'active'`,
          sql`${profiles.expiresAt} <= ${postTargets.scheduledAt}`,
          sql`${profiles.removedAt} is not null`,
        ),
      ),
    )
    .groupBy(postTargets.profileId);
  return new Map(rows.map((r) => [r.profileId, Number(r.n)]));
}
