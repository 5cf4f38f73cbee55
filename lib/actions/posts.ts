"use server";

import { revalidatePath } from "next/cache";
import { deleteDraft, saveDraft } from "@/lib/data/posts";
import { recordTargetChange } from "@/lib/data/posts-edits";
import { retryTarget, submitPost } from "@/lib/publishing/submit";
import { draftSchema, type ComposePostFormValues, type DraftInput } from "@/lib/validation/post";
import {
  postIdSchema,
  targetIdSchema,
  type PostIdInput,
  type TargetIdInput,
} from "@/lib/validation/post-view";
import { createAction } from "./create-action";

const save = createAction({
  name: "saveDraft",
  schema: draftSchema,
  access: "editor",
  handler: async (input, ctx) => saveDraft(ctx, input),
});

// The lenient draft schema checks the shape; submitPost applies composePostSchema with the
// workspace's audit status and the facts of the database (media kinds, profiles).
const submit = createAction({
  name: "submitPost",
  schema: draftSchema,
  access: "editor",
  handler: async (input, ctx) => {
    const result = await submitPost(ctx, input);
    revalidatePath("/posts");
    return result;
  },
});

const retry = createAction({
  name: "retryTarget",
  schema: targetIdSchema,
  access: "editor",
  handler: async ({ postId, targetId }, ctx) => {
    const result = await retryTarget(ctx, { postId, targetId });
    await recordTargetChange(
      ctx,
      { postId, targetId },
      { kind: "retried", fromStatus: "failed", toStatus: result.status },
      "user",
    );
    revalidatePath(`/posts/${postId}`);
    return result;
  },
});

const remove = createAction({
  name: "deleteDraft",
  schema: postIdSchema,
  access: "editor",
  handler: async ({ postId }, ctx) => {
    const result = await deleteDraft(ctx, postId);
    revalidatePath("/posts");
    return result;
  },
});

/** Autosave: creates the draft when `postId` is absent; `conflict` once it was submitted. */
export async function saveDraftAction(values: DraftInput | ComposePostFormValues) {
  return save(values);
}

/** Mode "draft" saves; otherwise validates again and sends one Postproxy post per profile. */
export async function submitPostAction(values: ComposePostFormValues) {
  return submit(values);
}

export async function retryTargetAction(input: TargetIdInput) {
  return retry(input);
}

export async function deleteDraftAction(input: PostIdInput) {
  return remove(input);
}
