import { isPostId } from "@/components/posts/post-id";
import { getSessionUser, requireUserCtx } from "@/lib/auth/session";
import { getPostSeries } from "@/lib/data/stats";
import { getWorkspaceSettings, resolveWorkspaceCtx } from "@/lib/data/workspaces";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** A post's stored stats per profile (reads only; refreshing is the refreshStats action's). */
export async function GET(req: Request, { params }: Params) {
  if (!(await getSessionUser()))
    return json({ error: "unauthorized", message: "Your session has ended. Sign in again." }, 401);
  const { db, user } = await requireUserCtx();
  const postId = (await params).id;
  const requested = new URL(req.url).searchParams.get("workspaceId") ?? undefined;
  const ctx = await resolveWorkspaceCtx(db, user, requested);
  if (!ctx || !isPostId(postId))
    return json(
      { error: "not_found", message: "This post does not exist in this workspace." },
      404,
    );
  const [targets, settings] = await Promise.all([
    getPostSeries(ctx, postId),
    getWorkspaceSettings(ctx),
  ]);
  return json({ timeZone: settings.timezone, targets });
}

export function POST() {
  return new Response(null, { status: 405, headers: { Allow: "GET" } });
}
