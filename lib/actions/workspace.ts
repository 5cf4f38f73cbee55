"use server";

// Every action here is a createAction entry (name, schema, access, handler) like those of the other
// lib/actions files, so the duplicate report pairs them; each stays written out so that the role an
// action needs and what it revalidates read at the action itself, not inside a shared builder.

import { after } from "next/server";
import { importOutsidePosts } from "@/lib/integrations/post-import";
import { refreshProfileMirror } from "@/lib/integrations/profile-mirror";
import { getApiKey, removeApiKey, saveApiKey } from "@/lib/data/api-keys";
import { getWorkspacePostproxy } from "@/lib/integrations/postproxy";
import { logError } from "@/lib/log";
import {
  replaceWebhookRegistration,
  unregisterWebhook,
} from "@/lib/publishing/webhook-registration";
import { createWorkspace, switchWorkspace, updateWorkspaceSettings } from "@/lib/data/workspaces";
import { verifyPostproxyKey } from "@/lib/integrations/postproxy";
import {
  apiKeySchema,
  createWorkspaceSchema,
  workspaceOnlySchema,
  workspaceSettingsSchema,
} from "@/lib/validation/workspace";
import { createAction } from "./create-action";
import { revalidateAfter } from "./revalidate";

export const updateWorkspaceSettingsAction = createAction({
  name: "updateWorkspaceSettings",
  schema: workspaceSettingsSchema,
  access: "owner",
  handler: async ({ workspaceId: _id, ...input }, ctx) => {
    await updateWorkspaceSettings(ctx, input);
    revalidateAfter("shell");
    return { saved: true };
  },
});

export const saveApiKeyAction = createAction({
  name: "saveApiKey",
  schema: apiKeySchema,
  access: "owner",
  handler: async ({ apiKey }, ctx) => {
    await verifyPostproxyKey(apiKey);
    const previousKey = await getApiKey(ctx);
    const { last4 } = await saveApiKey(ctx, apiKey);
    await replaceWebhookRegistration(ctx, previousKey).catch((error) =>
      // The key is saved; the sync route registers the receiver when this failed.
      logError("action:saveApiKey:webhook", error),
    );
    revalidateAfter("apiKey");
    // After the answer: the new key's profiles, then the posts it made outside Postdeck.
    // Outside a request (a script calling the action) the sync route's import step does it.
    try {
      after(async () => {
        try {
          await refreshProfileMirror(ctx, { force: true });
          await importOutsidePosts(ctx);
        } catch (error) {
          logError("action:saveApiKey:import", error);
        }
      });
    } catch {
      // No request scope: nothing to defer to.
    }
    return { last4 };
  },
});

export const removeApiKeyAction = createAction({
  name: "removeApiKey",
  schema: workspaceOnlySchema,
  access: "owner",
  handler: async (_input, ctx) => {
    const previousKey = await getApiKey(ctx);
    if (previousKey)
      await unregisterWebhook(ctx, await getWorkspacePostproxy(ctx, { apiKey: previousKey })).catch(
        (error) => logError("action:removeApiKey:webhook", error),
      );
    await removeApiKey(ctx);
    revalidateAfter("apiKey");
    return { removed: true };
  },
});

export const switchWorkspaceAction = createAction({
  name: "switchWorkspace",
  schema: workspaceOnlySchema,
  access: "user",
  handler: async ({ workspaceId }, ctx) => {
    await switchWorkspace(ctx, workspaceId);
    revalidateAfter("shell");
    return { workspaceId };
  },
});

export const createWorkspaceAction = createAction({
  name: "createWorkspace",
  schema: createWorkspaceSchema,
  access: "user",
  handler: async ({ name }, ctx) => {
    const workspace = await createWorkspace(ctx, name);
    revalidateAfter("shell");
    return workspace;
  },
});
