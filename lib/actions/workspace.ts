"use server";

import { removeApiKey, saveApiKey } from "@/lib/data/api-keys";
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
    const { last4 } = await saveApiKey(ctx, apiKey);
    revalidateAfter("apiKey");
    return { last4 };
  },
});

export const removeApiKeyAction = createAction({
  name: "removeApiKey",
  schema: workspaceOnlySchema,
  access: "owner",
  handler: async (_input, ctx) => {
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
