import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { WorkspaceCtx } from "@/lib/data/context";
import { completeUpload, createUploadRecord, type ProbedFacts } from "@/lib/data/media-uploads";
import { saveApiKey } from "@/lib/data/api-keys";
import { getApiKey } from "@/lib/data/api-keys";
import type { Db } from "@/lib/db/client";
import { ingestUpload } from "@/lib/media/server/ingest";
import type { MediaStorage } from "@/lib/media/server/storage";
import { createPostproxyClient } from "@/lib/postproxy";
import type { TestSandbox } from "@/sandbox/test-support/harness";
import { defaultTikTokSettings } from "@/lib/tiktok/params";
import type { ComposePostFormValues } from "@/lib/validation/post";

export const fixtures = path.resolve("e2e/fixtures/media");

/** A client like the app's, with timeouts and backoff short enough for tests. */
export async function fastClient(
  sandbox: TestSandbox,
  ctx: WorkspaceCtx,
  options: { deadlineMs?: number; timeoutMs?: number } = {},
) {
  const apiKey = await getApiKey(ctx);
  if (!apiKey) return null;
  return createPostproxyClient({
    baseUrl: sandbox.url,
    apiKey,
    timeoutMs: options.timeoutMs ?? 400,
    deadlineMs: options.deadlineMs ?? 8_000,
    maxRetries: 4,
    retry: { baseDelayMs: 5, maxDelayMs: 40, maxRetryAfterMs: 3_000 },
  });
}

/** Saves the sandbox's key and reads its profiles into the mirror, as the app's refresh does. */
export async function connectSandbox(ctx: WorkspaceCtx, sandbox: TestSandbox) {
  await saveApiKey(ctx, sandbox.handle.apiKey);
  const { refreshProfileMirror } = await import("@/lib/integrations/profile-mirror");
  const result = await refreshProfileMirror(ctx, { force: true });
  if (result.status !== "refreshed")
    throw new Error(`The profile mirror was not filled: ${JSON.stringify(result)}`);
}

/** Stores a fixture file and probes it as an upload would. */
export async function storeFixture(
  ctx: WorkspaceCtx,
  db: Db,
  storage: MediaStorage,
  file: string,
  name = file,
): Promise<string> {
  const bytes = await readFile(path.join(fixtures, file));
  const id = randomUUID();
  await createUploadRecord(ctx, {
    id,
    name,
    declaredType: "",
    kind: /\.(mp4|mov|avi|webm)$/.test(name) ? "video" : "image",
    size: bytes.length,
  });
  await storage.put(id, bytes, "application/octet-stream");
  await ingestUpload({ db, storage }, id);
  return id;
}

/** A library row with given probed facts (no bytes): enough for checks that refuse before sending. */
export async function mediaRow(
  ctx: WorkspaceCtx,
  db: Db,
  facts: Partial<ProbedFacts> & { kind: ProbedFacts["kind"]; size?: number; name?: string },
): Promise<string> {
  const id = randomUUID();
  const size = facts.size ?? 100_000;
  await createUploadRecord(ctx, {
    id,
    name: facts.name ?? `${facts.kind}.bin`,
    declaredType: "",
    kind: facts.kind,
    size,
  });
  await completeUpload(db, id, {
    kind: facts.kind,
    mime: facts.mime ?? (facts.kind === "video" ? "video/mp4" : "image/jpeg"),
    container: facts.container ?? null,
    durationSec: facts.durationSec ?? (facts.kind === "video" ? 12 : null),
    width: facts.width ?? (facts.kind === "video" ? 1080 : 1080),
    height: facts.height ?? (facts.kind === "video" ? 1920 : 1350),
    frameRate: facts.frameRate ?? (facts.kind === "video" ? 30 : null),
    size,
    rejectReason: null,
  });
  return id;
}

/** A complete, valid video post for one profile; override what a test changes. */
export function videoPost(
  ctx: WorkspaceCtx,
  mediaId: string,
  overrides: Partial<ComposePostFormValues> = {},
): ComposePostFormValues {
  return {
    workspaceId: ctx.workspaceId,
    profileIds: ["prof_acme_tiktok"],
    media: [{ id: mediaId, kind: "video" }],
    caption: "Launch day #coffee",
    ...defaultTikTokSettings,
    privacy: "SELF_ONLY",
    allowComments: true,
    schedule: { mode: "now", timeZone: "UTC" },
    ...overrides,
  };
}

export async function sandboxPostCount(sandbox: TestSandbox): Promise<number> {
  const res = await sandbox.get("/__sandbox/state", { key: null });
  return res.body.counts.posts as number;
}
