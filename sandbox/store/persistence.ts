import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Clock } from "../core/clock";
import type { Store } from "./store";
import type { SandboxState } from "./types";

const DEBOUNCE_MS = 250;

/** Saves the state JSON shortly after changes (debounced) and on close; atomic via rename. */
export class Persistence {
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  static async load(file: string): Promise<SandboxState | null> {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch {
      return null;
    }
    const state = JSON.parse(text) as Partial<SandboxState>;
    if (state.version !== 1 || !Array.isArray(state.posts) || !Array.isArray(state.jobs)) {
      throw new Error(`${file} is not a sandbox state file (version 1)`);
    }
    return state as SandboxState;
  }

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, DEBOUNCE_MS);
  }

  flush(): Promise<void> {
    const run = this.writing.then(() => this.write());
    this.writing = run.catch(() => {});
    return run;
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
  }

  private async write(): Promise<void> {
    this.store.state.clockOffsetMs = this.clock.offsetMs;
    const tmp = `${this.file}.${process.pid}.tmp`;
    await mkdir(path.dirname(path.resolve(this.file)), { recursive: true });
    await writeFile(tmp, JSON.stringify(this.store.state));
    await rename(tmp, this.file);
  }
}
