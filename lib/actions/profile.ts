"use server";

import { revalidatePath } from "next/cache";
import { verifyPassword } from "@/lib/auth/password";
import { getPasswordHash, updateAccountEmail, updateAccountName } from "@/lib/data/account";
import { leaveWorkspace } from "@/lib/data/members";
import { consumeRateLimit, describeWait } from "@/lib/data/rate-limits";
import { AppError } from "@/lib/errors";
import {
  changeEmailSchema,
  leaveWorkspaceSchema,
  updateNameSchema,
} from "@/lib/validation/profile";
import { createAction } from "./create-action";

const updateName = createAction({
  name: "updateName",
  schema: updateNameSchema,
  access: "user",
  handler: async ({ name }, ctx) => {
    await updateAccountName(ctx, name);
    revalidatePath("/", "layout");
    return { name };
  },
});

export async function updateNameAction(input: FormData) {
  return updateName(input);
}

const changeEmail = createAction({
  name: "changeEmail",
  schema: changeEmailSchema,
  access: "user",
  handler: async ({ email, currentPassword }, ctx) => {
    // Guessing the password through this form is limited like sign-in.
    const limit = await consumeRateLimit(ctx.db, {
      scope: "change-email:user",
      key: ctx.user.id,
      limit: 5,
      windowMs: 15 * 60 * 1000,
    });
    if (!limit.ok)
      throw new AppError(
        "rate_limited",
        `Too many attempts. Try again in ${describeWait(limit.retryAfterSeconds)}.`,
      );
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
    revalidatePath("/", "layout");
    return { email };
  },
});

export async function changeEmailAction(input: FormData) {
  return changeEmail(input);
}

const leave = createAction({
  name: "leaveWorkspace",
  schema: leaveWorkspaceSchema,
  access: "viewer",
  handler: async (_input, ctx) => {
    await leaveWorkspace(ctx);
    revalidatePath("/", "layout");
    return { left: true };
  },
});

export async function leaveWorkspaceAction(input: FormData) {
  return leave(input);
}
