import { isPostId } from "@/components/posts/post-id";
import { getSessionUser, requireUserCtx } from "@/lib/auth/session";
import { resolveWorkspaceCtx } from "@/lib/data/workspaces";
import { isAppError } from "@/lib/errors";
import { getPostManageView } from "@/lib/publishing/manage";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

const notFound = () =>
  json({ error: "not_found", message: "This post does not exist in this workspace." }, 404);

/**
 * The post page's management data: per profile what Postproxy has (caption, time, settings), what
 * can still be changed, and the timeline. Any member may read; another workspace's post is a 404.
 */
export async function GET(req: Request, { params }: Params) {
  if (!(await getSessionUser()))
    return json({ error: "unauthorized", message: "Your session has ended. Sign in again." }, 401);
  const { db, user } = await requireUserCtx();
  const postId = (await params).id;
  const requested = new URL(req.url).searchParams.get("workspaceId") ?? undefined;
  const ctx = await resolveWorkspaceCtx(db, user, requested);
  if (!ctx || !isPostId(postId)) return notFound();
  try {
    return json(await getPostManageView(ctx, postId));
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") return notFound();
    throw error;
  }
}
