import { getSessionUser, requireUserCtx } from "@/lib/auth/session";
import { listPostsPage } from "@/lib/data/posts-list";
import { resolveWorkspaceCtx } from "@/lib/data/workspaces";
import { readPostsQuery } from "@/lib/validation/posts-query";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/**
 * "Load more" of the posts list: the next keyset page of one tab and its filters (the same
 * schema the page reads its URL with). Any member may read; a filter that does not fit is a 400.
 */
export async function GET(req: Request) {
  if (!(await getSessionUser()))
    return json({ error: "unauthorized", message: "Your session has ended. Sign in again." }, 401);
  const { db, user } = await requireUserCtx();
  const params = new URL(req.url).searchParams;
  const ctx = await resolveWorkspaceCtx(db, user, params.get("workspaceId") ?? undefined);
  if (!ctx)
    return json({ error: "not_found", message: "You are not a member of this workspace." }, 404);
  const { query, problems } = readPostsQuery(params);
  if (Object.keys(problems).length)
    return json({ error: "invalid_input", message: Object.values(problems)[0], problems }, 400);
  const cursor = params.get("cursor") || undefined;
  return json(await listPostsPage(ctx, query, { cursor }));
}
