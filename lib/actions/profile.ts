"use server";

// Every action here is a createAction entry (name, schema, access, handler) like those of the other
// lib/actions files, so the duplicate report pairs them; each stays written out so that the role an
// action needs and what it revalidates read at the action itself, not inside a shared builder.

import { verifyPassword } from "@/lib/auth/password";
import { getPasswordHash, updateAccountEmail, updateAccountName } from "@/lib/data/account";
import { leaveWorkspace } from "@/lib/data/members";
import { enforceRateLimit } from "@/lib/data/rate-limits";
import { AppError } from "@/lib/errors";
import {
  changeEmailSchema,
  leaveWorkspaceSchema,
  updateNameSchema,
} from "@/lib/validation/profile";
import { createAction } from "./create-action";
import { revalidateAfter } from "./revalidate";

export const updateNameAction = createAction({
  name: "updateName",
  schema: updateNameSchema,
  access: "user",
  handler: async ({ name }, ctx) => {
    await updateAccountName(ctx, name);
    revalidateAfter("shell");
    return { name };
  },
});

export const changeEmailAction = createAction({
  name: "changeEmail",
  schema: changeEmailSchema,
  access: "user",
  handler: async ({ email, currentPassword }, ctx) => {
    // Guessing the password through this form is limited like sign-in.
    await enforceRateLimit(ctx.db, {
      scope: "change-email:user",
      key: ctx.user.id,
      limit: 5,
      windowMs: 15 * 60 * 1000,
    });
    const hash = await getPasswordHash(ctx);
    if (!hash)
      throw new AppError(
        "forbidden",
        "Your account signs in through GitHub or Google and has no password. Set one with “Forgot your password?” first.",
      );
    if (!(await verifyPassword(hash, currentPassword)))
      throw new AppError("invalid_input", "That is not your current password.", {
        currentPassword: ["That is not your current password."],
      });
    await updateAccountEmail(ctx, email);
    revalidateAfter("shell");
    return { email };
  },
});

export const leaveWorkspaceAction = createAction({
  name: "leaveWorkspace",
  schema: leaveWorkspaceSchema,
  access: "viewer",
  handler: async (_input, ctx) => {
    await leaveWorkspace(ctx);
    revalidateAfter("shell");
    return { left: true };
  },
});
