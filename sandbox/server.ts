import { setMaxListeners } from "node:events";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { createAdaptorServer } from "@hono/node-server";
import { buildApp } from "./app";
import {
  DEFAULT_API_KEY,
  DEFAULT_TIME_SCALE,
  type SandboxConfig,
  type SandboxOptions,
} from "./config";
import { Clock } from "./core/clock";
import type { SandboxContext } from "./core/context";
import { Scheduler } from "./core/scheduler";
import { applyFaultInput, Faults } from "./faults/faults";
import { createJobRunner } from "./lifecycle/handlers";
import { MediaIngest } from "./media/ingest";
import { MediaStorage } from "./media/storage";
import { resetSandbox, type ResetOptions } from "./seed/reset";
import { Persistence } from "./store/persistence";
import { Store } from "./store/store";

export type { SandboxOptions } from "./config";

export interface SandboxHandle {
  url: string;
  port: number;
  apiKey: string;
  close(): Promise<void>;
}

/** Starts an isolated sandbox; every instance has its own state, clock, timers and temp dir. */
export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const shutdown = new AbortController();
  // Every download, webhook call and hanging request listens for shutdown.
  setMaxListeners(0, shutdown.signal);
  const config: SandboxConfig = {
    apiKey: options.apiKey ?? DEFAULT_API_KEY,
    timeScale: options.timeScale ?? DEFAULT_TIME_SCALE,
    stateFile: options.stateFile ?? null,
    seed: options.seed ?? true,
    log: options.log ?? false,
    webhookEnvelope: options.webhookEnvelope ?? "object",
    allowHttpWebhooks: options.allowHttpWebhooks ?? false,
    publicUrl: "",
  };
  if (!(config.timeScale > 0)) throw new Error("timeScale must be a positive number");
  const log = config.log ? (message: string) => console.log(`[sandbox] ${message}`) : () => {};
  const clock = new Clock();
  const store = new Store();
  const storage = await MediaStorage.create(config.stateFile);
  const scheduler = new Scheduler(store, clock, (error, job) =>
    console.error(`[sandbox] job ${job.kind} failed:`, error),
  );
  const ctx: SandboxContext = {
    config,
    store,
    clock,
    scheduler,
    faults: new Faults(),
    idempotencyInFlight: new Set(),
    storage,
    ingest: new MediaIngest(storage, shutdown.signal),
    shutdown: shutdown.signal,
    log,
  };
  scheduler.setRunner(createJobRunner(ctx));

  const reset: ResetOptions = { seed: config.seed, faults: options.faults };
  const loaded = config.stateFile ? await Persistence.load(config.stateFile) : null;
  if (loaded) {
    store.replace(loaded);
    clock.offsetMs = loaded.clockOffsetMs;
    if (options.faults) applyFaultInput(ctx.faults.state, options.faults);
  } else {
    await resetSandbox(ctx, reset);
  }
  const persistence = config.stateFile ? new Persistence(config.stateFile, store, clock) : null;
  if (persistence) store.onChange(() => persistence.schedule());

  const app = buildApp(ctx, reset);
  const server = createAdaptorServer({ fetch: app.fetch, overrideGlobalObjects: false }) as Server;
  const port = await listen(server, options.port ?? 0, options.hostname ?? "127.0.0.1");
  const url = `http://127.0.0.1:${port}`;
  config.publicUrl = (options.publicUrl ?? url).replace(/\/+$/, "");
  scheduler.start();
  await persistence?.flush();

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      shutdown.abort();
      await scheduler.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await ctx.ingest.close();
      await persistence?.close();
      await storage.close();
    })();
    return closing;
  };
  return { url, port, apiKey: config.apiKey, close };
}

function listen(server: Server, port: number, hostname: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
