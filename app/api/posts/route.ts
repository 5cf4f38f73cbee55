import { postsPageSize, readStatusFilter, toListStatus } from "@/lib/validation/post-list";
import { getSessionUser, requireUserCtx } from "@/lib/auth/session";
import { listPosts } from "@/lib/data/posts";
import { resolveWorkspaceCtx } from "@/lib/data/workspaces";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** "Load more" of the posts list: the next keyset page of one status filter. Any member may read. */
export async function GET(req: Request) {
  if (!(await getSessionUser()))
    return json({ error: "unauthorized", message: "Your session has ended. Sign in again." }, 401);
  const { db, user } = await requireUserCtx();
  const query = new URL(req.url).searchParams;
  const ctx = await resolveWorkspaceCtx(db, user, query.get("workspaceId") ?? undefined);
  if (!ctx)
    return json({ error: "not_found", message: "You are not a member of this workspace." }, 404);
  const status = toListStatus(readStatusFilter(query.get("status") ?? undefined));
  const cursor = query.get("cursor") || undefined;
  return json(await listPosts(ctx, { status, limit: postsPageSize, cursor }));
}
