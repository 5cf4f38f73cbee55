"use server";

import { revalidatePath } from "next/cache";
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

const updateSettings = createAction({
  name: "updateWorkspaceSettings",
  schema: workspaceSettingsSchema,
  access: "owner",
  handler: async ({ workspaceId: _id, ...input }, ctx) => {
    await updateWorkspaceSettings(ctx, input);
    revalidatePath("/", "layout");
    return { saved: true };
  },
});

const saveKey = createAction({
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
    revalidatePath("/", "layout");
    return { last4 };
  },
});

const removeKey = createAction({
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
    revalidatePath("/", "layout");
    return { removed: true };
  },
});

const switchTo = createAction({
  name: "switchWorkspace",
  schema: workspaceOnlySchema,
  access: "user",
  handler: async ({ workspaceId }, ctx) => {
    await switchWorkspace(ctx, workspaceId);
    revalidatePath("/", "layout");
    return { workspaceId };
  },
});

const create = createAction({
  name: "createWorkspace",
  schema: createWorkspaceSchema,
  access: "user",
  handler: async ({ name }, ctx) => {
    const workspace = await createWorkspace(ctx, name);
    revalidatePath("/", "layout");
    return workspace;
  },
});

export async function updateWorkspaceSettingsAction(input: FormData) {
  return updateSettings(input);
}
export async function saveApiKeyAction(input: FormData) {
  return saveKey(input);
}
export async function removeApiKeyAction(input: FormData) {
  return removeKey(input);
}
export async function switchWorkspaceAction(input: FormData | { workspaceId: string }) {
  return switchTo(input);
}
export async function createWorkspaceAction(input: FormData) {
  return create(input);
}
