"use server";

import { revalidatePath } from "next/cache";
import { acceptInvite, createInvite, revokeInvite } from "@/lib/data/invites";
import { changeMemberRole, removeMember } from "@/lib/data/members";
import {
  acceptInviteSchema,
  changeRoleSchema,
  createInviteSchema,
  removeMemberSchema,
  revokeInviteSchema,
} from "@/lib/validation/workspace";
import { createAction } from "./create-action";

const create = createAction({
  name: "createInvite",
  schema: createInviteSchema,
  access: "owner",
  handler: async ({ role }, ctx) => {
    const invite = await createInvite(ctx, role);
    revalidatePath("/settings/members");
    return { token: invite.token, role: invite.role, expiresAt: invite.expiresAt.toISOString() };
  },
});

const revoke = createAction({
  name: "revokeInvite",
  schema: revokeInviteSchema,
  access: "owner",
  handler: async ({ inviteId }, ctx) => {
    await revokeInvite(ctx, inviteId);
    revalidatePath("/settings/members");
    return { revoked: true };
  },
});

const changeRole = createAction({
  name: "changeMemberRole",
  schema: changeRoleSchema,
  access: "owner",
  handler: async ({ membershipId, role }, ctx) => {
    await changeMemberRole(ctx, { membershipId, role });
    revalidatePath("/", "layout");
    return { role };
  },
});

const remove = createAction({
  name: "removeMember",
  schema: removeMemberSchema,
  access: "owner",
  handler: async ({ membershipId }, ctx) => {
    await removeMember(ctx, { membershipId });
    revalidatePath("/", "layout");
    return { removed: true };
  },
});

const accept = createAction({
  name: "acceptInvite",
  schema: acceptInviteSchema,
  access: "user",
  handler: async ({ token }, ctx) => {
    const joined = await acceptInvite(ctx.db, ctx.user, token);
    revalidatePath("/", "layout");
    return joined;
  },
});

export async function createInviteAction(input: FormData) {
  return create(input);
}
export async function revokeInviteAction(input: FormData) {
  return revoke(input);
}
export async function changeMemberRoleAction(input: FormData) {
  return changeRole(input);
}
export async function removeMemberAction(input: FormData) {
  return remove(input);
}
export async function acceptInviteAction(input: FormData) {
  return accept(input);
}
