import { isUuid } from "@/lib/validation/uuid";
import { getSessionUser, requireUserCtx } from "@/lib/auth/session";
import { getPostView } from "@/lib/data/posts";
import { resolveWorkspaceCtx } from "@/lib/data/workspaces";
import { isAppError } from "@/lib/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

const notFound = () =>
  json({ error: "not_found", message: "This post does not exist in this workspace." }, 404);

/**
 * The post page's status poll: the post as stored, a read and nothing else (statuses arrive by
 * webhook and by the sync route). Any member may read; another workspace's post answers exactly
 * like a missing one.
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
    return json(await getPostView(ctx, postId));
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") return notFound();
    throw error;
  }
}
