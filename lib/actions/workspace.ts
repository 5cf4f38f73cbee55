"use server";

import { revalidatePath } from "next/cache";
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
    const { last4 } = await saveApiKey(ctx, apiKey);
    revalidatePath("/", "layout");
    return { last4 };
  },
});

const removeKey = createAction({
  name: "removeApiKey",
  schema: workspaceOnlySchema,
  access: "owner",
  handler: async (_input, ctx) => {
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
