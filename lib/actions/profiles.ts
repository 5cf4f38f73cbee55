"use server";

// Every action here is a createAction entry (name, schema, access, handler) like those of the other
// lib/actions files, so the duplicate report pairs them; each stays written out so that the role an
// action needs and what it revalidates read at the action itself, not inside a shared builder.

import { revalidatePath } from "next/cache";
import {
  completeProfileConnection,
  startProfileConnection,
} from "@/lib/integrations/profile-connect";
import { refreshProfileMirror } from "@/lib/integrations/profile-mirror";
import { pageDeadlineMs } from "@/lib/integrations/postproxy";
import { publicUrl } from "@/lib/mail/mailer";
import { completeConnectionSchema, startConnectionSchema } from "@/lib/validation/profile-connect";
import { workspaceOnlySchema } from "@/lib/validation/workspace";
import { createAction } from "./create-action";

/**
 * Called in the background by pages whose mirror is stale: the page rendered from the database,
 * this refresh reads Postproxy and the page re-renders when something was refreshed.
 */
const refresh = createAction({
  name: "refreshProfiles",
  schema: workspaceOnlySchema,
  access: "viewer",
  handler: async (_input, ctx) => {
    // A page is waiting to re-render: the same 6 s a page gives Postproxy.
    const result = await refreshProfileMirror(ctx, { deadlineMs: pageDeadlineMs });
    return result.status === "failed"
      ? { refreshed: false, error: result.message }
      : { refreshed: result.status === "refreshed", error: null };
  },
});

export async function refreshProfilesAction(input: { workspaceId: string }) {
  return refresh(input);
}

const startConnection = createAction({
  name: "startProfileConnection",
  schema: startConnectionSchema,
  access: "editor",
  handler: async ({ groupId }, ctx) =>
    startProfileConnection(ctx, groupId, (state) =>
      publicUrl(
        `/profiles/connect?${new URLSearchParams({ workspace: ctx.workspaceId, state }).toString()}`,
      ),
    ),
});

/** The browser is about to leave for Postproxy's consent page; the action returns its URL. */
export async function startProfileConnectionAction(input: {
  workspaceId: string;
  groupId: string;
}) {
  return startConnection(input);
}

const completeConnection = createAction({
  name: "completeProfileConnection",
  schema: completeConnectionSchema,
  access: "editor",
  handler: async (input, ctx) => {
    const result = await completeProfileConnection(ctx, input);
    revalidatePath("/profiles");
    return result;
  },
});

export async function completeProfileConnectionAction(input: {
  workspaceId: string;
  state: string;
  profileId?: string;
  error?: string;
}) {
  return completeConnection(input);
}
