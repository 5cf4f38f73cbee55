import { isUuid } from "@/lib/validation/uuid";
import { getSessionUser, requireUserCtx } from "@/lib/auth/session";
import { getPostView } from "@/lib/data/posts";
import { resolveWorkspaceCtx } from "@/lib/data/workspaces";
import { isAppError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { syncPostTargets } from "@/lib/publishing/sync";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

/** Polled every few seconds: refresh a second time no sooner than this after the last sync. */
const syncIntervalMs = 2_000;

const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

const notFound = () =>
  json({ error: "not_found", message: "This post does not exist in this workspace." }, 404);

/**
 * The post page's status poll: the post as PostView, after a throttled status sync with Postproxy.
 * Any member may read (viewers too); another workspace's post answers exactly like a missing one.
 */
export async function GET(req: Request, { params }: Params) {
  if (!(await getSessionUser()))
    return json({ error: "unauthorized", message: "Your session has ended. Sign in again." }, 401);
  const { db, user } = await requireUserCtx();
  const postId = (await params).id;
  const requested = new URL(req.url).searchParams.get("workspaceId") ?? undefined;
  const ctx = await resolveWorkspaceCtx(db, user, requested);
  if (!ctx || !isUuid(postId)) return notFound();
  try {
    await syncPostTargets(ctx, postId, { minIntervalMs: syncIntervalMs });
  } catch (error) {
    // The statuses already stored are still worth showing; the next poll syncs again.
    if (!(isAppError(error) && error.code === "not_found")) logError("api:posts:sync", error);
  }
  try {
    return json(await getPostView(ctx, postId));
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") return notFound();
    throw error;
  }
}
