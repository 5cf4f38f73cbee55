import "server-only";
import { importOutsidePosts } from "@/lib/integrations/post-import";
import { refreshProfileMirror } from "@/lib/integrations/profile-mirror";
import { syncStats } from "@/lib/integrations/stats-sync";
import { randomUUID } from "node:crypto";
import { openSystemWorkspaceCtx, type WorkspaceCtx } from "@/lib/data/context";
import {
  listWorkspacesWithKey,
  releaseJobLease,
  renewJobLease,
  takeJobLease,
} from "@/lib/data/job-leases";
import type { Db } from "@/lib/db/client";
import { logError } from "@/lib/log";
import { cleanupMedia } from "@/lib/media/server/cleanup";
import { getMediaStorage } from "@/lib/media/server/storage";
import { checkDueProfilesStep, drainAlerts } from "./alerts";
import { syncWorkspaceTargets, type SyncDeps } from "./sync";
import { ensureWebhookRegistration } from "./webhook-registration";
import { applyWaitingEvents } from "./webhooks";

/**
 * One step of the sync, run for each workspace with a key, in order. The status sync is the
 * first; the webhook registration check, the profile mirror and stats refresh plug in here
 * (`syncSteps`), each failing on its own without stopping the others.
 */
export type SyncStep = {
  name: string;
  run: (ctx: WorkspaceCtx, deps: SyncDeps) => Promise<unknown>;
};

export const syncSteps: SyncStep[] = [
  { name: "targets", run: (ctx, deps) => syncWorkspaceTargets(ctx, {}, deps) },
  { name: "webhook", run: (ctx, deps) => ensureWebhookRegistration(ctx, deps) },
  // Events whose apply failed (a 5xx Postproxy may not retry for hours) are applied again.
  { name: "webhook-events", run: (ctx) => applyWaitingEvents(ctx) },
  // The profile mirror when stale (Home, the composer and alerts read each profile's health there),
  // then the stats snapshots that are due (hourly for fresh posts and profiles, daily after).
  { name: "profiles", run: (ctx) => refreshProfileMirror(ctx) },
  // Posts the account made outside Postdeck, into the posts list and the stats (read-only).
  { name: "import", run: (ctx) => importOutsidePosts(ctx) },
  { name: "stats", run: (ctx) => syncStats(ctx) },
  // Issue 14 §4: the profiles of posts due within 24 h (read from the mirror refreshed above)
  // raise expiry alerts; then the alert outbox is drained (email, Slack), retried with backoff.
  { name: "due-profiles", run: (ctx) => checkDueProfilesStep(ctx) },
  { name: "alerts", run: (ctx) => drainAlerts(ctx) },
];

/** Steps run once per sync, not per workspace (e.g. the media cleanup). */
export type GlobalSyncStep = { name: string; run: (db: Db) => Promise<unknown> };
export const globalSyncSteps: GlobalSyncStep[] = [
  {
    name: "media-cleanup",
    run: async (db) => cleanupMedia({ db, storage: await getMediaStorage() }),
  },
];

/**
 * The sync's lease is short and renewed while a run goes on: a server that dies mid-run frees the
 * sync for the next run (on any server) within `leaseMs`, however long runs may take.
 */
const leaseMs = 30 * 1000;
const renewEveryMs = 10 * 1000;

export type SyncRun =
  | { ran: false; reason: "busy" }
  | { ran: true; workspaces: number; results: Record<string, Record<string, unknown>> };

/**
 * The sync route's work: under the job lease (several app servers never run it twice at once),
 * every workspace with a key goes through `steps` as a system context.
 */
export async function runSync(
  db: Db,
  options: {
    steps?: SyncStep[];
    globalSteps?: GlobalSyncStep[];
    deps?: SyncDeps;
    now?: () => Date;
  } = {},
): Promise<SyncRun> {
  const now = options.now ?? (() => new Date());
  const holder = randomUUID();
  if (!(await takeJobLease(db, { name: "sync", holder, ms: leaseMs, now: now() })))
    return { ran: false, reason: "busy" };
  const renewal = setInterval(() => {
    renewJobLease(db, { name: "sync", holder, ms: leaseMs, now: new Date() }).catch((error) =>
      logError("sync:lease", error),
    );
  }, renewEveryMs);
  try {
    const ids = await listWorkspacesWithKey(db);
    const results: Record<string, Record<string, unknown>> = {};
    for (const id of ids) {
      const ctx = await openSystemWorkspaceCtx(db, id, "sync");
      if (!ctx) continue;
      results[id] = {};
      for (const step of options.steps ?? syncSteps) {
        try {
          results[id][step.name] = await step.run(ctx, options.deps ?? {});
        } catch (error) {
          results[id][step.name] = { error: logError(`sync:${step.name}`, error) };
        }
      }
    }
    for (const step of options.globalSteps ?? globalSyncSteps) {
      try {
        await step.run(db);
      } catch (error) {
        logError(`sync:${step.name}`, error);
      }
    }
    return { ran: true, workspaces: ids.length, results };
  } finally {
    clearInterval(renewal);
    await releaseJobLease(db, { name: "sync", holder });
  }
}
