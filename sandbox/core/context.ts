import type { SandboxConfig } from "../config";
import type { Faults } from "../faults/faults";
import type { MediaIngest } from "../media/ingest";
import type { MediaStorage } from "../media/storage";
import type { Store } from "../store/store";
import type { Clock } from "./clock";
import type { Scheduler } from "./scheduler";

/** Everything a route or job handler needs; built once per sandbox instance. */
export interface SandboxContext {
  config: SandboxConfig;
  store: Store;
  clock: Clock;
  scheduler: Scheduler;
  faults: Faults;
  /** Idempotency-Keys whose first request is still running (a retry meanwhile gets 409). */
  idempotencyInFlight: Set<string>;
  storage: MediaStorage;
  ingest: MediaIngest;
  /** Aborted by close(): cancels downloads, webhook calls and hanging requests. */
  shutdown: AbortSignal;
  log: (message: string) => void;
}
