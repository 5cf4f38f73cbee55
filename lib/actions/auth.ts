"use server";

// Every action here is a createAction entry (name, schema, access, handler) like those of the other
// lib/actions files, so the duplicate report pairs them; each stays written out so that the role an
// action needs and what it revalidates read at the action itself, not inside a shared builder.

import { headers } from "next/headers";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { hashPassword } from "@/lib/auth/password";
import { acceptInviteInTx } from "@/lib/data/invites";
import { enforceRateLimit } from "@/lib/data/rate-limits";
import { createUser } from "@/lib/data/users";
import { getEnv } from "@/lib/env";
import { signUpSchema } from "@/lib/validation/auth";
import { createAction } from "./create-action";

export const signUpAction = createAction({
  name: "signUp",
  schema: signUpSchema,
  access: "public",
  handler: async (input, { db }) => {
    // Counted in the database before the (deliberately slow) hash, so it holds across app servers.
    await enforceRateLimit(
      db,
      {
        scope: "sign-up:ip",
        key: clientIpFrom(await headers()),
        limit: getEnv().SIGN_UP_LIMIT_PER_HOUR,
        windowMs: 60 * 60 * 1000,
      },
      (wait) => `Too many accounts were created from your network. Try again in ${wait}.`,
    );
    const passwordHash = await hashPassword(input.password);
    // With an invite the account joins that workspace instead of getting an empty one of its own;
    // a bad invite rolls the whole sign-up back so nothing half-made is left.
    const user = await createUser(
      db,
      { email: input.email, name: input.name, passwordHash, timezone: input.timezone },
      {
        withWorkspace: !input.inviteToken,
        onCreated: input.inviteToken
          ? async (tx, created) => {
              await acceptInviteInTx(tx, created, input.inviteToken!);
            }
          : undefined,
      },
    );
    return { email: user.email };
  },
});
