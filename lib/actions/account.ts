"use server";

// Every action here is a createAction entry (name, schema, access, handler) like those of the other
// lib/actions files, so the duplicate report pairs them; each stays written out so that the role an
// action needs and what it revalidates read at the action itself, not inside a shared builder.

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
