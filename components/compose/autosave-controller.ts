import type { ActionResult } from "@/lib/errors";

export type AutosaveStatus = "idle" | "saving" | "saved" | "retrying" | "failed";
export type DraftSaveResult = ActionResult<{ postId: string; savedAt: string }>;

export type AutosaveOptions<V> = {
  /** The draft action; receives the current values with the post's id once it has one. */
  save: (values: V & { postId?: string }) => Promise<DraftSaveResult>;
  read: () => V;
  onStatus: (status: AutosaveStatus, message?: string) => void;
  onSaved: (saved: { postId: string; savedAt: string; isFirst: boolean; isDirty: boolean }) => void;
  postId?: string;
  delayMs?: number;
  retryDelaysMs?: readonly number[];
};

/** Failures a retry cannot fix: the user must act (or the post left the drafts). */
const finalCodes = new Set(["invalid_input", "conflict", "forbidden", "not_found", "unauthorized"]);

/**
 * Debounced, serialized draft saves: one request at a time, the latest values always end up
 * saved, network or server failures retried with backoff. Free of React so it can be tested.
 */
export class AutosaveController<V> {
  postId?: string;
  private version = 0;
  private savedVersion = 0;
  private inFlight: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retries = 0;
  private isPaused = false;
  private readonly delayMs: number;
  private readonly retryDelaysMs: readonly number[];

  constructor(private readonly options: AutosaveOptions<V>) {
    this.postId = options.postId;
    this.delayMs = options.delayMs ?? 1000;
    this.retryDelaysMs = options.retryDelaysMs ?? [2000, 5000, 10_000, 30_000];
  }

  get isDirty(): boolean {
    return this.version !== this.savedVersion;
  }

  /** Something was changed since this composer opened (a post being worked on, not just looked at). */
  get hasChanges(): boolean {
    return this.version > 0;
  }

  /** Resolves once the save on the wire (if any) has landed and been reported. */
  settled(): Promise<void> {
    return this.inFlight ?? Promise.resolve();
  }

  /** Something changed: save it after a pause in typing. */
  change() {
    this.version += 1;
    if (this.isPaused) return;
    // Said at once, so the user never wonders whether typing is being kept.
    this.options.onStatus("saving");
    this.schedule(this.delayMs);
  }

  /** Save now (tab hidden, page leaving, before a submit); resolves with the post's id. */
  async flush(): Promise<string | undefined> {
    await this.run();
    return this.postId;
  }

  /** While a submit is under way nothing is saved beside it. */
  pause() {
    this.isPaused = true;
    this.clearTimer();
  }

  resume() {
    this.isPaused = false;
    if (this.isDirty) this.schedule(this.delayMs);
  }

  dispose() {
    this.isPaused = true;
    this.clearTimer();
  }

  private schedule(ms: number) {
    this.clearTimer();
    this.timer = setTimeout(() => void this.run(), ms);
  }

  private clearTimer() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async run(): Promise<void> {
    this.clearTimer();
    while (this.inFlight) await this.inFlight;
    if (!this.isDirty) return;
    const version = this.version;
    this.options.onStatus("saving");
    this.inFlight = this.saveOnce(version).finally(() => {
      this.inFlight = null;
    });
    await this.inFlight;
  }

  private async saveOnce(version: number) {
    let result: DraftSaveResult;
    try {
      result = await this.options.save({ ...this.options.read(), postId: this.postId });
    } catch {
      return this.retry();
    }
    if (!result.ok) {
      if (finalCodes.has(result.code)) return this.options.onStatus("failed", result.message);
      return this.retry();
    }
    const isFirst = !this.postId;
    this.postId = result.data.postId;
    this.savedVersion = Math.max(this.savedVersion, version);
    this.retries = 0;
    this.options.onSaved({ ...result.data, isFirst, isDirty: this.isDirty });
    if (this.isDirty) {
      this.options.onStatus("saving");
      if (!this.isPaused) this.schedule(this.delayMs);
    } else {
      this.options.onStatus("saved");
    }
  }

  private retry() {
    this.options.onStatus("retrying");
    const delay = this.retryDelaysMs[Math.min(this.retries, this.retryDelaysMs.length - 1)];
    this.retries += 1;
    if (!this.isPaused) this.schedule(delay);
  }
}
