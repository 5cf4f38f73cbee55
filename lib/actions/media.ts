"use server";

import { revalidatePath } from "next/cache";
import { deleteMedia, deleteMediaFiles } from "@/lib/data/media-usage";
import { convertMediaToJpeg } from "@/lib/media/server/convert";
import { getMediaStorage, thumbnailKey } from "@/lib/media/server/storage";
import { mediaIdSchema, type MediaIdInput } from "@/lib/validation/media";
import { deleteMediaFilesSchema, type DeleteMediaFilesInput } from "@/lib/validation/media-library";
import { createAction } from "./create-action";

async function removeStored(ids: string[]) {
  const storage = await getMediaStorage();
  for (const id of ids) {
    await storage.remove(id);
    await storage.remove(thumbnailKey(id));
  }
}

const remove = createAction({
  name: "deleteMedia",
  schema: mediaIdSchema,
  access: "editor",
  handler: async ({ mediaId }, ctx) => {
    const { id } = await deleteMedia(ctx, mediaId);
    await removeStored([id]);
    revalidatePath("/media");
    return { id };
  },
});

const removeMany = createAction({
  name: "deleteMediaFiles",
  schema: deleteMediaFilesSchema,
  access: "editor",
  handler: async ({ mediaIds, confirmDrafts }, ctx) => {
    const outcome = await deleteMediaFiles(ctx, { mediaIds, confirmDrafts });
    await removeStored(outcome.deleted.map((d) => d.id));
    if (outcome.deleted.length > 0) revalidatePath("/media");
    return outcome;
  },
});

const convert = createAction({
  name: "convertMediaToJpeg",
  schema: mediaIdSchema,
  access: "editor",
  handler: async ({ mediaId }, ctx) => {
    const created = await convertMediaToJpeg(ctx, await getMediaStorage(), mediaId);
    revalidatePath("/media");
    return created;
  },
});

export async function deleteMediaAction(input: MediaIdInput) {
  return remove(input);
}
/** Several files at once: refused ones come back with the reason; drafts' files ask first. */
export async function deleteMediaFilesAction(input: DeleteMediaFilesInput) {
  return removeMany(input);
}
export async function convertMediaToJpegAction(input: MediaIdInput) {
  return convert(input);
}
