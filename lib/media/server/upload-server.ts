import "server-only";
import { randomUUID } from "node:crypto";
import { Server } from "@tus/server";
import type { Db } from "@/lib/db/client";
import { openWorkspaceCtx, type SessionUser } from "@/lib/data/context";
import { findMediaForMember } from "@/lib/data/media";
import { createUploadRecord, deleteMediaRows } from "@/lib/data/media-uploads";
import { logError } from "@/lib/log";
import {
  declaredKindOf,
  tiktokMediaLimits,
  uploadLimitFor,
  uploadTooLargeMessage,
} from "@/lib/tiktok";
import { uploadMetadataSchema } from "@/lib/validation/media";
import { ingestUpload } from "./ingest";
import { createPgUploadLocker } from "./upload-locker";
import type { MediaStorage } from "./storage";

export const uploadPath = "/api/uploads";

type Deps = {
  db: Db;
  storage: MediaStorage;
  /** The signed-in user of a request (the session cookie in the app, a header in tests). */
  getUser: (req: Request) => Promise<SessionUser | null>;
  ffmpegPath?: string;
};

/** tus hooks refuse a request by throwing this shape; the body reaches the browser. */
const refuse = (status_code: number, message: string) => ({ status_code, body: `${message}\n` });

const uploadIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The upload id of a request, read once and handed to both tus and the code that authorizes and
 * deletes by it: exactly one server-made uuid segment after the tus path, nothing else.
 */
export function uploadIdOf(req: Request): string | null {
  const { pathname } = new URL(req.url);
  const id = pathname.startsWith(`${uploadPath}/`) ? pathname.slice(uploadPath.length + 1) : "";
  return uploadIdPattern.test(id) ? id : null;
}

/** A display name only: it never becomes a path (the storage key is a server-made uuid). */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 200);
  return clean && clean !== "." && clean !== ".." ? clean : "untitled";
}

/**
 * The tus endpoint. Upload state lives in the store (offsets) and the database (owner, workspace,
 * status, and the lease of whoever writes it now), so any app server can continue any upload.
 */
export function createUploadHandler(deps: Deps) {
  const users = new WeakMap<Request, SessionUser>();
  const ids = new WeakMap<Request, string>();
  const userOf = (req: Request) => {
    const user = users.get(req);
    if (!user) throw refuse(401, "Sign in again to upload.");
    return user;
  };

  const server = new Server({
    path: uploadPath,
    datastore: deps.storage.datastore,
    relativeLocation: true,
    respectForwardedHeaders: false,
    // A lease row in the database, not tus's in-process lock: two servers never write one upload.
    locker: createPgUploadLocker(deps.db),
    // Creation checks the declared length against the limit of its kind (onUploadCreate, with a
    // message naming it); afterwards no upload can grow past the largest limit or its declared size.
    maxSize: (req) => (req.method === "POST" ? 0 : tiktokMediaLimits.videoMaxBytes),
    namingFunction: () => randomUUID(),
    getFileIdFromRequest: (req) => ids.get(req as Request),
    async onUploadCreate(req, upload) {
      const user = userOf(req as Request);
      if (upload.sizeIsDeferred || upload.size === undefined)
        throw refuse(400, "Uploads must declare their size.");
      const meta = uploadMetadataSchema.safeParse(upload.metadata ?? {});
      if (!meta.success) throw refuse(400, "The upload is missing its workspace or file name.");
      const ctx = await openWorkspaceCtx(deps.db, user, meta.data.workspaceId);
      if (!ctx) throw refuse(404, "Workspace not found.");
      if (ctx.role === "viewer")
        throw refuse(
          403,
          "Viewers can see media but not upload it. Ask an owner to make you an editor.",
        );
      const kind = declaredKindOf(meta.data.filetype, meta.data.filename);
      if (upload.size > uploadLimitFor(kind))
        throw refuse(413, uploadTooLargeMessage(kind, upload.size));
      if (upload.size === 0) throw refuse(400, "This file is empty.");
      await createUploadRecord(ctx, {
        id: upload.id,
        name: cleanFileName(meta.data.filename),
        declaredType: meta.data.filetype.slice(0, 100),
        kind,
        size: upload.size,
      });
      return { metadata: { workspaceId: ctx.workspaceId, kind } };
    },
    async onIncomingRequest(req, id) {
      if (req.method === "POST") return;
      const user = userOf(req as Request);
      const media = await findMediaForMember(deps.db, user.id, id);
      if (!media) throw refuse(404, "Upload not found.");
      if (req.method !== "HEAD" && req.method !== "GET" && media.role === "viewer")
        throw refuse(403, "Viewers cannot change uploads.");
      if ((req.method === "PATCH" || req.method === "DELETE") && media.status !== "uploading")
        throw refuse(409, "This upload has already finished; delete the file from the library.");
    },
    async onUploadFinish(_req, upload) {
      try {
        const result = await ingestUpload(deps, upload.id);
        return result.reason
          ? { headers: { "Media-Rejected": encodeURIComponent(result.reason) } }
          : {};
      } catch (error) {
        const id = logError("media:ingest", error, { mediaId: upload.id });
        throw refuse(500, `The file arrived but could not be read (error ${id}).`);
      }
    },
    onResponseError(_req, error) {
      if ("status_code" in error) return undefined;
      const id = logError("media:upload", error);
      return { status_code: 500, body: `Upload failed on our side (error ${id}).\n` };
    },
  });

  // Must stay an arrow function: handleWeb reads `this`.
  return async (req: Request): Promise<Response> => {
    // Files are read through /api/media/<id> (probed type, ranges); never through tus's GET.
    if (req.method === "GET")
      return new Response("Read files from /api/media/<id>.\n", { status: 405 });
    if (req.method !== "OPTIONS") {
      const user = await deps.getUser(req);
      if (!user) return new Response("Sign in again to upload.\n", { status: 401 });
      users.set(req, user);
    }
    const id = req.method === "POST" || req.method === "OPTIONS" ? null : uploadIdOf(req);
    if (id) ids.set(req, id);
    else if (req.method !== "POST" && req.method !== "OPTIONS")
      return new Response("Upload not found.\n", { status: 404 });
    const response = await server.handleWeb(req);
    if (id && req.method === "DELETE" && response.status === 204) {
      // A cancelled upload leaves nothing behind: the store removed the bytes, this the row.
      await deleteMediaRows(deps.db, [id]);
    }
    return response;
  };
}
