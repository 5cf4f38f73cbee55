import { rm } from "node:fs/promises";
import { TIKTOK_LIMITS } from "../tiktok/limits";
import type { MediaRecord } from "../store/types";
import { DownloadError, downloadToFile } from "./download";
import { probeFile } from "./probe";
import type { MediaStorage } from "./storage";

/**
 * Fetching and probing start as soon as a post is accepted (as Postproxy starts downloading
 * right away); the lifecycle's media step later waits for the outcome and judges it.
 */
export class MediaIngest {
  private running = new Map<string, Promise<void>>();

  constructor(
    private readonly storage: MediaStorage,
    private readonly signal: AbortSignal,
  ) {}

  isDone(media: MediaRecord): boolean {
    return media.asset !== null || media.probe !== null || media.ingestError !== null;
  }

  start(media: MediaRecord): Promise<void> {
    if (this.isDone(media)) return Promise.resolve();
    const existing = this.running.get(media.id);
    if (existing) return existing;
    const run = this.run(media).finally(() => this.running.delete(media.id));
    this.running.set(media.id, run);
    return run;
  }

  /** Resolves true when every item finished within `timeoutMs`. */
  async waitAll(items: MediaRecord[], timeoutMs: number): Promise<boolean> {
    const all = Promise.all(items.map((m) => this.start(m))).then(() => true);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([all, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.running.values()]);
  }

  private async run(media: MediaRecord): Promise<void> {
    try {
      if (!media.fileName) {
        if (!media.sourceUrl) throw new DownloadError("Media has neither a file nor a URL");
        const target = this.storage.filePath(media.id);
        await downloadToFile(media.sourceUrl, target, TIKTOK_LIMITS.videoMaxBytes, this.signal);
        media.fileName = media.id;
      }
      media.probe = await probeFile(this.storage.filePath(media.fileName));
      if (media.probe.mime) media.contentType = media.probe.mime;
    } catch (error) {
      if (this.signal.aborted) return;
      media.ingestError =
        error instanceof DownloadError ? error.message : "Could not read the media file";
      if (media.fileName && !media.probe) {
        await rm(this.storage.filePath(media.fileName), { force: true });
        media.fileName = null;
      }
    }
  }
}
