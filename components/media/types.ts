import type { MediaKind, MediaStatus } from "@/lib/validation/media";

/** A library file as the browser gets it (dates as ISO strings). */
export type MediaCardData = {
  id: string;
  name: string;
  status: MediaStatus;
  kind: MediaKind;
  size: number;
  mime: string | null;
  durationSec: number | null;
  width: number | null;
  height: number | null;
  frameRate: number | null;
  rejectReason: string | null;
  hasThumbnail: boolean;
  convertedFromName: string | null;
  createdAt: string;
  uploadedByName: string | null;
};

/** An upload the server has not received whole; picking the same file again resumes it. */
export type UnfinishedUpload = { id: string; name: string; size: number; createdAt: string };
