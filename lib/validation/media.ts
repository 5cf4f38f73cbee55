import { z } from "zod";
import { idSchema } from "./workspace";

/** What a stored file is, decided from its bytes after the upload (declared kind before that). */
export const mediaKinds = ["video", "image", "other"] as const;
export type MediaKind = (typeof mediaKinds)[number];

/** uploading → ready (probed, TikTok may or may not take it) | rejected (not a video or photo). */
export const mediaStatuses = ["uploading", "ready", "rejected"] as const;
export type MediaStatus = (typeof mediaStatuses)[number];

/**
 * How a post uses a file. The posts issue writes these rows; `scheduled` and `publishing` block
 * deleting the file, as does any target of the post Postproxy is not done with (media-usage.ts).
 */
export const mediaUsageStatuses = ["draft", "scheduled", "publishing", "published"] as const;
export type MediaUsageStatus = (typeof mediaUsageStatuses)[number];
export const blockingUsageStatuses = ["scheduled", "publishing"] as const;

export const mediaIdSchema = z.object({ workspaceId: idSchema, mediaId: idSchema });
export type MediaIdInput = z.infer<typeof mediaIdSchema>;

/** What the browser sends as tus metadata when it creates an upload. */
export const uploadMetadataSchema = z.object({
  workspaceId: idSchema,
  filename: z.string().trim().min(1, "The file needs a name.").max(1000),
  // Browsers send an empty type for files they do not know; tus turns an empty value into null.
  filetype: z
    .string()
    .max(200)
    .nullish()
    .transform((v) => v?.trim() ?? ""),
});
export type UploadMetadata = z.infer<typeof uploadMetadataSchema>;

/** What probing a stored file says about it; the row keeps it, the library shows it. */
export type MediaFacts = {
  kind: MediaKind;
  mime: string | null;
  container: string | null;
  durationSec: number | null;
  width: number | null;
  height: number | null;
  frameRate: number | null;
};

/** A library file as the browser gets it (dates as ISO strings). */
export type MediaCardData = Omit<MediaFacts, "container"> & {
  id: string;
  name: string;
  status: MediaStatus;
  size: number;
  rejectReason: string | null;
  hasThumbnail: boolean;
  convertedFromName: string | null;
  createdAt: string;
  uploadedByName: string | null;
};
