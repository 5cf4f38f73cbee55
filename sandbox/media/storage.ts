import { mkdir, mkdtemp, rename, rm, copyFile, unlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { newId } from "../core/ids";

/**
 * Where bytes live. Uploads stream into `uploads/` and move to `files/` when a post claims
 * them. With a state file the directory sits next to it so media survive restarts; without
 * one everything is a temp dir removed on close.
 */
export class MediaStorage {
  private constructor(
    readonly root: string,
    private readonly persistent: boolean,
  ) {}

  static async create(stateFile: string | null): Promise<MediaStorage> {
    const root = stateFile
      ? `${path.resolve(stateFile)}.media`
      : await mkdtemp(path.join(tmpdir(), "postproxy-sandbox-"));
    const storage = new MediaStorage(root, stateFile !== null);
    await rm(storage.uploadsDir, { recursive: true, force: true });
    await mkdir(storage.uploadsDir, { recursive: true });
    await mkdir(storage.filesDir, { recursive: true });
    return storage;
  }

  get uploadsDir(): string {
    return path.join(this.root, "uploads");
  }

  get filesDir(): string {
    return path.join(this.root, "files");
  }

  newUploadPath(): string {
    return path.join(this.uploadsDir, newId("up_", 16));
  }

  filePath(fileName: string): string {
    // File names are generated ids; basename() keeps a tampered state file inside the dir.
    return path.join(this.filesDir, path.basename(fileName));
  }

  /** Moves an uploaded temp file into the media store and returns its stored name. */
  async claim(uploadPath: string, mediaId: string): Promise<string> {
    const target = this.filePath(mediaId);
    try {
      await rename(uploadPath, target);
    } catch {
      await copyFile(uploadPath, target);
      await unlink(uploadPath);
    }
    return mediaId;
  }

  async removeFile(fileName: string): Promise<void> {
    await rm(this.filePath(fileName), { force: true });
  }

  async clearFiles(): Promise<void> {
    await rm(this.filesDir, { recursive: true, force: true });
    await mkdir(this.filesDir, { recursive: true });
  }

  async close(): Promise<void> {
    if (this.persistent) {
      await rm(this.uploadsDir, { recursive: true, force: true });
    } else {
      await rm(this.root, { recursive: true, force: true });
    }
  }
}
