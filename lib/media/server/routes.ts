import "server-only";
import type { Db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/data/context";
import { findMediaById, findMediaForMember } from "@/lib/data/media";
import { markThumbnail } from "@/lib/data/media-uploads";
import { readLimitedBody } from "@/lib/auth/request-body";
import { bucketRedirect, mediaResponse, thumbnailResponse } from "./serve";
import { createMediaSigner } from "./signed-url";
import { thumbnailKey, type MediaStorage } from "./storage";
import { makeThumbnail, posterMaxBytes } from "./thumbnails";
import { createUploadHandler } from "./upload-server";

export type MediaRouteDeps = {
  db: Db;
  storage: MediaStorage;
  getUser: (req: Request) => Promise<SessionUser | null>;
  /** Key material for signed links (NEXTAUTH_SECRET in the app). */
  secret: string;
  ffmpegPath?: string;
};

const notFound = () => new Response("Not found", { status: 404 });
const unauthorized = () => new Response("Sign in to see this file.", { status: 401 });

/** The handlers behind app/api/uploads and app/api/media; each one authorizes on its own. */
export function createMediaRoutes(deps: MediaRouteDeps) {
  const signer = createMediaSigner(deps.secret);
  type Found =
    { error: Response } | { media: NonNullable<Awaited<ReturnType<typeof findMediaForMember>>> };
  const member = async (req: Request, id: string): Promise<Found> => {
    const user = await deps.getUser(req);
    if (!user) return { error: unauthorized() };
    const media = await findMediaForMember(deps.db, user.id, id);
    // Another workspace's file answers exactly like a missing one.
    return media ? { media } : { error: notFound() };
  };

  return {
    uploads: createUploadHandler(deps),

    async media(req: Request, id: string): Promise<Response> {
      const url = new URL(req.url);
      const expires = url.searchParams.get("expires");
      const signature = url.searchParams.get("signature");
      if (expires !== null || signature !== null) {
        if (!signer.verify(id, expires, signature))
          return new Response("Link expired or invalid", { status: 403 });
        const media = await findMediaById(deps.db, id);
        return media ? mediaResponse(req, media, deps.storage) : notFound();
      }
      const found = await member(req, id);
      if ("error" in found) return found.error;
      return (
        bucketRedirect(found.media, deps.storage) ?? mediaResponse(req, found.media, deps.storage)
      );
    },

    async thumbnail(req: Request, id: string): Promise<Response> {
      const found = await member(req, id);
      return "error" in found ? found.error : thumbnailResponse(found.media, deps.storage);
    },

    /** The poster frame the browser captured from the video while uploading it. */
    async putPoster(req: Request, id: string): Promise<Response> {
      const found = await member(req, id);
      if ("error" in found) return found.error;
      const { media } = found;
      if (media.role === "viewer")
        return new Response("Viewers cannot change files.", { status: 403 });
      if (media.kind !== "video")
        return new Response("Only videos take a poster frame.", { status: 409 });
      const body = await readLimitedBody(req, posterMaxBytes);
      if (!body) return new Response("The poster frame is too large.", { status: 413 });
      let thumbnail: Buffer;
      try {
        thumbnail = await makeThumbnail(body);
      } catch {
        return new Response("The poster frame is not an image.", { status: 400 });
      }
      await deps.storage.put(thumbnailKey(media.id), thumbnail, "image/jpeg");
      await markThumbnail(deps.db, media.id);
      return new Response(null, { status: 204 });
    },
  };
}
