import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { WorkspaceRole } from "@/lib/validation/enums";
import {
  mediaFiles,
  memberships,
  posts,
  profileGroups,
  profiles,
  workspaces,
} from "@/lib/db/schema";
import type { ProfileStatus } from "@/lib/validation/social-profile";
import { defaultTikTokSettings } from "@/lib/tiktok/params";
import type { SessionUser, WorkspaceCtx } from "@/lib/data/context";
import { createUser } from "@/lib/data/users";
import { resolveWorkspaceCtx } from "@/lib/data/workspaces";

/** A user; like a sign-up, with a workspace of their own unless they joined through an invite. */
export async function makeUser(
  db: Db,
  name = "Test User",
  options = { withWorkspace: true },
): Promise<SessionUser> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${randomBytes(4).toString("hex")}@example.com`;
  return createUser(db, { email, name, passwordHash: null }, options);
}

/** An owner with their own workspace (in `timezone` when given, else the sign-up's default). */
export async function makeOwner(
  db: Db,
  name = "Owner",
  options: { timezone?: string } = {},
): Promise<WorkspaceCtx> {
  const user = await makeUser(db, name);
  const ctx = await resolveWorkspaceCtx(db, user);
  if (!ctx) throw new Error("owner has no workspace");
  if (options.timezone)
    await db
      .update(workspaces)
      .set({ timezone: options.timezone })
      .where(eq(workspaces.id, ctx.workspaceId));
  return ctx;
}

/**
 * A user added to `ctx`'s workspace with a role, returned as a context acting in it. By default the
 * user also owns a workspace of their own; `invitedOnly` makes one who signed up through the invite.
 */
export async function addMember(
  ctx: WorkspaceCtx,
  role: WorkspaceRole,
  name = `${role} user`,
  options: { invitedOnly?: boolean } = {},
) {
  const user = await makeUser(ctx.db, name, { withWorkspace: !options.invitedOnly });
  const [row] = await ctx.db
    .insert(memberships)
    .values({ workspaceId: ctx.workspaceId, userId: user.id, role })
    .returning({ id: memberships.id });
  const memberCtx = await resolveWorkspaceCtx(ctx.db, user, ctx.workspaceId);
  if (!memberCtx) throw new Error("membership was not created");
  return { ctx: memberCtx, membershipId: row.id, user };
}

/** An empty draft post of `ctx`'s workspace, for tests that need a post id to attach media to. */
export async function makeDraftPost(ctx: WorkspaceCtx): Promise<string> {
  const [row] = await ctx.db
    .insert(posts)
    .values({
      workspaceId: ctx.workspaceId,
      createdById: ctx.user.id,
      settings: { ...defaultTikTokSettings },
    })
    .returning({ id: posts.id });
  return row.id;
}

/** A ready library photo row of `ctx`'s workspace (no bytes stored); `row` overrides any column. */
export async function insertMediaFile(
  ctx: WorkspaceCtx,
  row: Partial<typeof mediaFiles.$inferInsert> & { name: string },
): Promise<string> {
  const id = randomUUID();
  await ctx.db.insert(mediaFiles).values({
    id,
    workspaceId: ctx.workspaceId,
    uploadedById: ctx.user.id,
    status: "ready",
    kind: "image",
    size: 1000,
    mime: "image/jpeg",
    width: 1080,
    height: 1920,
    ...row,
  });
  return id;
}

/**
 * A profile group of `ctx`'s workspace in the Postproxy mirror with TikTok profiles in it, as a
 * refresh leaves them: `profiles` maps Postproxy ids to names and statuses.
 */
export async function insertMirroredGroup(
  ctx: WorkspaceCtx,
  postproxyGroupId: string,
  profilesById: Record<string, { name: string; status: ProfileStatus }>,
) {
  const [group] = await ctx.db
    .insert(profileGroups)
    .values({
      workspaceId: ctx.workspaceId,
      postproxyId: postproxyGroupId,
      name: postproxyGroupId,
      syncedAt: new Date(),
    })
    .returning({ id: profileGroups.id });
  await ctx.db.insert(profiles).values(
    Object.entries(profilesById).map(([postproxyId, { name, status }]) => ({
      workspaceId: ctx.workspaceId,
      groupId: group.id,
      postproxyId,
      platform: "tiktok",
      name,
      status,
      syncedAt: new Date(),
    })),
  );
  return group.id;
}
