"use server";

import { deleteMedia } from "@/lib/data/media";
import { convertMediaToJpeg } from "@/lib/media/server/convert";
import { getMediaStorage, thumbnailKey } from "@/lib/media/server/storage";
import { mediaIdSchema } from "@/lib/validation/media";
import { createAction } from "./create-action";
import { revalidateAfter } from "./revalidate";

export const deleteMediaAction = createAction({
  name: "deleteMedia",
  schema: mediaIdSchema,
  access: "editor",
  handler: async ({ mediaId }, ctx) => {
    const { id } = await deleteMedia(ctx, mediaId);
    const storage = await getMediaStorage();
    await storage.remove(id);
    await storage.remove(thumbnailKey(id));
    revalidateAfter("media");
    return { id };
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
