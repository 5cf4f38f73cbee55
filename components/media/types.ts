// The card's data type lives with the client-safe schemas so post views can carry it too.
export type { MediaCardData } from "@/lib/validation/media";

/** An upload the server has not received whole; picking the same file again resumes it. */
export type UnfinishedUpload = { id: string; name: string; size: number; createdAt: string };
