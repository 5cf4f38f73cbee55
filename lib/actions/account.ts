"use server";

import { clearSessionCookie, renewSessionCookie } from "@/lib/auth/session-cookie";
import { bumpSessionVersion, changePassword } from "@/lib/data/users";
import { changePasswordSchema, signOutEverywhereSchema } from "@/lib/validation/account";
import { createAction } from "./create-action";

/** Ends every session of the signed-in user, this one included. */
export const signOutEverywhereAction = createAction({
  name: "signOutEverywhere",
  schema: signOutEverywhereSchema,
  access: "user",
  handler: async (_input, ctx) => {
    await bumpSessionVersion(ctx.db, ctx.user.id);
    await clearSessionCookie();
    return { signedOut: true };
  },
});

/** Changes the password after checking the current one; other sessions end, this one stays. */
export const changePasswordAction = createAction({
  name: "changePassword",
  schema: changePasswordSchema,
  access: "user",
  handler: async (input, ctx) => {
    const { sessionVersion } = await changePassword(ctx, input);
    // Every other session ends with the version bump; this one is re-issued with the new version.
    await renewSessionCookie(sessionVersion);
    return { changed: true };
  },
});
