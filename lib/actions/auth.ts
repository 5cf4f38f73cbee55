"use server";

import { hashPassword } from "@/lib/auth/password";
import { acceptInviteInTx } from "@/lib/data/invites";
import { createUser } from "@/lib/data/users";
import { signUpSchema } from "@/lib/validation/auth";
import { createAction } from "./create-action";

const signUp = createAction({
  name: "signUp",
  schema: signUpSchema,
  access: "public",
  handler: async (input, { db }) => {
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

export async function signUpAction(input: FormData) {
  return signUp(input);
}
