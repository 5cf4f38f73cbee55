import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { WorkspaceCtx } from "@/lib/data/context";
import type { Db } from "@/lib/db/client";
import type { MediaStorage } from "@/lib/media/server/storage";
import { testDatabase } from "@/lib/test/integration";
import { TestSandbox } from "@/sandbox/test-support/harness";

/**
 * What a publishing or action test file runs against: the file's database, media stored in a
 * temporary folder, and its own sandbox. Filled by setUpPublishingEnv before the file's own beforeAll.
 */
export const env = {} as { db: Db; storage: MediaStorage; sandbox: TestSandbox };

/**
 * Starts the file's storage and sandbox before its tests and ends them after. The app reaches them
 * when the file mocks its modules with these factories (vi.mock is hoisted, so each file names them):
 *   vi.mock("@/lib/media/server/storage", async (orig) => (await import(<this>)).storageModule(orig));
 *   vi.mock("@/lib/integrations/postproxy", async (orig) => (await import(<this>)).postproxyModule(orig));
 */
export function setUpPublishingEnv(label: string) {
  let dir: string | undefined;
  beforeAll(async () => {
    env.db = (await testDatabase()).db;
    dir = await mkdtemp(path.join(tmpdir(), `postdeck-${label}-`));
    const { createFileStorage } = await import("@/lib/media/server/storage");
    env.storage = await createFileStorage(dir);
    env.sandbox = await TestSandbox.start({ timeScale: 1000, log: false });
  });
  afterAll(async () => {
    await env.sandbox?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return env;
}

type Original = <T>() => Promise<T>;

/** The storage module with getMediaStorage answering the file's storage. */
export async function storageModule(orig: Original) {
  return { ...(await orig<object>()), getMediaStorage: async () => env.storage };
}

/** The Postproxy integration with each workspace's client pointed at the file's sandbox. */
export async function postproxyModule(orig: Original) {
  return {
    ...(await orig<object>()),
    getWorkspacePostproxy: async (ctx: WorkspaceCtx) =>
      (await import("./setup")).fastClient(env.sandbox, ctx),
  };
}
