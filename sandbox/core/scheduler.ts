import type { Job } from "../lifecycle/jobs";
import type { Store } from "../store/store";
import type { ScheduledJob } from "../store/types";
import type { Clock } from "./clock";
import { newId } from "./ids";

const MAX_TIMEOUT_MS = 2_147_483_647;

type RunJob = (job: Job) => Promise<void>;

/**
 * One ordered queue of jobs on the sandbox clock. Jobs run one at a time, so handlers never
 * race each other; a real timer wakes the queue, and `advance` replays due jobs at their own
 * timestamps.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;
  private runJob: RunJob = async () => {};

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly onError: (error: unknown, job: Job) => void,
  ) {}

  setRunner(runJob: RunJob): void {
    this.runJob = runJob;
  }

  get size(): number {
    return this.store.state.jobs.length;
  }

  schedule(job: Job, delayMs: number): void {
    this.scheduleAt(job, this.clock.now() + Math.max(0, delayMs));
  }

  scheduleAt(job: Job, dueAt: number): void {
    const state = this.store.state;
    state.jobSeq += 1;
    state.jobs.push({ id: newId("job_"), seq: state.jobSeq, dueAt, job });
    this.store.markDirty();
    this.arm();
  }

  cancel(predicate: (job: Job) => boolean): void {
    const before = this.store.state.jobs.length;
    this.store.state.jobs = this.store.state.jobs.filter((j) => !predicate(j.job));
    if (this.store.state.jobs.length !== before) this.store.markDirty();
    this.arm();
  }

  /** Moves the clock forward, running every job that falls due on the way. */
  advance(ms: number): Promise<void> {
    const target = this.clock.now() + ms;
    return this.enqueue(async () => {
      await this.runDue(target, true);
      this.clock.moveTo(target);
    });
  }

  /** Waits for the queue to settle (jobs due now included). */
  flush(): Promise<void> {
    return this.enqueue(() => this.runDue(this.clock.now(), false));
  }

  /** Runs `task` between jobs, never while one is running (used by reset). */
  exclusive(task: () => Promise<void> | void): Promise<void> {
    return this.enqueue(async () => {
      await task();
    });
  }

  start(): void {
    this.stopped = false;
    this.arm();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.chain;
  }

  arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.stopped) return;
    const next = this.nextJob();
    if (!next) return;
    const delay = Math.min(MAX_TIMEOUT_MS, Math.max(0, next.dueAt - this.clock.now()));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.chain.then(task);
    this.chain = run.catch(() => {});
    return run.finally(() => this.arm());
  }

  private async runDue(until: number, moveClock: boolean): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const limit = moveClock ? until : this.clock.now();
      const next = this.nextJob();
      if (!next || next.dueAt > limit) return;
      this.store.state.jobs = this.store.state.jobs.filter((j) => j.id !== next.id);
      if (moveClock) this.clock.moveTo(next.dueAt);
      try {
        await this.runJob(next.job);
      } catch (error) {
        this.onError(error, next.job);
      }
      this.store.markDirty();
    }
  }

  private nextJob(): ScheduledJob | undefined {
    let best: ScheduledJob | undefined;
    for (const job of this.store.state.jobs) {
      if (!best || job.dueAt < best.dueAt || (job.dueAt === best.dueAt && job.seq < best.seq)) {
        best = job;
      }
    }
    return best;
  }
}
