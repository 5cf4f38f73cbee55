import "server-only";
import type { WorkspaceCtx } from "@/lib/data/context";
import { AppError } from "@/lib/errors";
import type { DraftInput } from "@/lib/validation/post";

export type SubmitOptions = { now?: () => Date };

/** Validates the post again on the server and sends one Postproxy post per profile. */
export async function submitPost(
  _ctx: WorkspaceCtx,
  _input: DraftInput,
  _options: SubmitOptions = {},
): Promise<{ postId: string }> {
  throw new AppError("internal", "Publishing lands in the next commit of posts-backend.");
}

/** Resends one failed target with its own Idempotency-Key (a retry never posts twice). */
export async function retryTarget(
  _ctx: WorkspaceCtx,
  _input: { postId: string; targetId: string },
): Promise<{ status: string }> {
  throw new AppError("internal", "Publishing lands in the next commit of posts-backend.");
}
