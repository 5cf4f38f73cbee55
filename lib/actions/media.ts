"use server";

import { revalidatePath } from "next/cache";
import { deleteMedia } from "@/lib/data/media";
import { convertMediaToJpeg } from "@/lib/media/server/convert";
import { getMediaStorage, thumbnailKey } from "@/lib/media/server/storage";
import { mediaIdSchema, type MediaIdInput } from "@/lib/validation/media";
import { createAction } from "./create-action";

const remove = createAction({
  name: "deleteMedia",
  schema: mediaIdSchema,
  access: "editor",
  handler: async ({ mediaId }, ctx) => {
    const { id } = await deleteMedia(ctx, mediaId);
    const storage = await getMediaStorage();
    await storage.remove(id);
    await storage.remove(thumbnailKey(id));
    revalidatePath("/media");
    return { id };
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
export async function convertMediaToJpegAction(input: MediaIdInput) {
  return convert(input);
}
