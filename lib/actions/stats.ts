"use server";

// Every action here is a createAction entry (name, schema, access, handler) like those of the other
// lib/actions files, so the duplicate report pairs them; each stays written out so that the role an
// action needs and what it revalidates read at the action itself, not inside a shared builder.

import { syncStats } from "@/lib/integrations/stats-sync";
import { workspaceOnlySchema } from "@/lib/validation/workspace";
import { createAction } from "./create-action";

/** A chart's background refresh: reads what is due (older than an hour) from Postproxy. */
const refresh = createAction({
  name: "refreshStats",
  schema: workspaceOnlySchema,
  access: "viewer",
  handler: async (_input, ctx) => {
    const result = await syncStats(ctx);
    return {
      snapshots: result.snapshots,
      errors: result.errors.length,
      busy: result.busy ?? false,
    };
  },
});

export async function refreshStatsAction(input: { workspaceId: string }) {
  return refresh(input);
}
