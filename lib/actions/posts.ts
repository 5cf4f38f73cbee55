"use server";

// Every action here is a createAction entry (name, schema, access, handler) like those of the other
// lib/actions files, so the duplicate report pairs them; each stays written out so that the role an
// action needs and what it revalidates read at the action itself, not inside a shared builder.

import { deleteDraft, saveDraft } from "@/lib/data/posts";
import { refuseIfImported } from "@/lib/data/post-imports";
import { duplicatePost } from "@/lib/data/posts-duplicate";
import { retryTarget, submitPost, type SubmitOutcome } from "@/lib/publishing/submit";
import { draftSchema } from "@/lib/validation/post";
import { postIdSchema, targetIdSchema } from "@/lib/validation/post-view";
import { createAction } from "./create-action";
import { revalidateAfter } from "./revalidate";

export type SubmitResult = SubmitOutcome;

/** Autosave: creates the draft when `postId` is absent; `conflict` once it was submitted. */
export const saveDraftAction = createAction({
  name: "saveDraft",
  schema: draftSchema,
  access: "editor",
  handler: async (input, ctx) => saveDraft(ctx, input),
});

/**
 * Mode "draft" saves; otherwise sends one Postproxy post per profile. The lenient draft schema
 * checks the shape; submitPost applies composePostSchema with the workspace's audit status and
 * the facts of the database (media kinds, profiles).
 */
export const submitPostAction = createAction({
  name: "submitPost",
  schema: draftSchema,
  access: "editor",
  handler: async (input, ctx): Promise<SubmitResult> => {
    // Saving a draft and sending a post are two paths that share the one writer of post rows.
    // Nothing is revalidated: the composer leaves for the post's page (or the drafts) at once, and
    // every page is dynamic, so the next one is rendered fresh anyway; a revalidation here would
    // make Next render the composer again into the action's answer (5 ms of CPU and 5 queries
    // per submission, measured by `npm run bench -- --only=submit`).
    return input.schedule?.mode === "draft"
      ? { ...(await saveDraft(ctx, input)), accepted: [], checking: [], notTaken: [] }
      : await submitPost(ctx, input);
  },
});

export const retryTargetAction = createAction({
  name: "retryTarget",
  schema: targetIdSchema,
  access: "editor",
  handler: async ({ postId, targetId }, ctx) => {
    await refuseIfImported(ctx, postId);
    const result = await retryTarget(ctx, { postId, targetId });
    revalidateAfter({ post: postId });
    return result;
  },
});

export const deleteDraftAction = createAction({
  name: "deleteDraft",
  schema: postIdSchema,
  access: "editor",
  handler: async ({ postId }, ctx) => {
    const result = await deleteDraft(ctx, postId);
    revalidateAfter("posts");
    return result;
  },
});

/** A new draft with the post's media, caption and settings; no profiles' schedule. */
export const duplicatePostAction = createAction({
  name: "duplicatePost",
  schema: postIdSchema,
  access: "editor",
  handler: async ({ postId }, ctx) => {
    const result = await duplicatePost(ctx, postId);
    revalidateAfter("posts");
    return result;
  },
});
