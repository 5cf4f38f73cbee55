"use server";

// Every action here is a createAction entry (name, schema, access, handler) like those of the other
// lib/actions files, so the duplicate report pairs them; each stays written out so that the role an
// action needs and what it revalidates read at the action itself, not inside a shared builder.

import { deleteMedia, deleteMediaFiles } from "@/lib/data/media-usage";
import { convertMediaToJpeg } from "@/lib/media/server/convert";
import { getMediaStorage, thumbnailKey } from "@/lib/media/server/storage";
import { mediaIdSchema } from "@/lib/validation/media";
import { deleteMediaFilesSchema } from "@/lib/validation/media-library";
import { createAction } from "./create-action";
import { revalidateAfter } from "./revalidate";

async function removeStored(ids: string[]) {
  const storage = await getMediaStorage();
  for (const id of ids) {
    await storage.remove(id);
    await storage.remove(thumbnailKey(id));
  }
}

export const deleteMediaAction = createAction({
  name: "deleteMedia",
  schema: mediaIdSchema,
  access: "editor",
  handler: async ({ mediaId }, ctx) => {
    const { id } = await deleteMedia(ctx, mediaId);
    await removeStored([id]);
    revalidateAfter("media");
    return { id };
  },
});

/** Several files at once: refused ones come back with the reason; drafts' files ask first. */
export const deleteMediaFilesAction = createAction({
  name: "deleteMediaFiles",
  schema: deleteMediaFilesSchema,
  access: "editor",
  handler: async ({ mediaIds, confirmDrafts }, ctx) => {
    const outcome = await deleteMediaFiles(ctx, { mediaIds, confirmDrafts });
    await removeStored(outcome.deleted.map((d) => d.id));
    if (outcome.deleted.length > 0) revalidateAfter("media");
    return outcome;
  },
});

export const convertMediaToJpegAction = createAction({
  name: "convertMediaToJpeg",
  schema: mediaIdSchema,
  access: "editor",
  handler: async ({ mediaId }, ctx) => {
    const created = await convertMediaToJpeg(ctx, await getMediaStorage(), mediaId);
    revalidateAfter("media");
    return created;
  },
});

/**
 * The composer's conversion of a PNG or WebP it was just given. Nothing is revalidated: a refresh
 * of the composer's page while autosave writes `?post=` could remount the form mid-edit, and the
 * Media page reads the library afresh when opened.
 */
export const convertUploadToJpegAction = createAction({
  name: "convertUploadToJpeg",
  schema: mediaIdSchema,
  access: "editor",
  handler: async ({ mediaId }, ctx) => convertMediaToJpeg(ctx, await getMediaStorage(), mediaId),
});
