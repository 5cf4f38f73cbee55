import { isCronAuthorized, openJobDb } from "@/lib/data/job-leases";
import { runSync } from "@/lib/publishing/cron";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/**
 * The status sync (README "Status sync"): every unfinished or unknown target, missing TikTok
 * links, the webhook registration, the unfinished uploads' cleanup. Called by a cron job (the
 * demo every 30 s); several servers never run it at once. Other methods answer 405 (Next.js).
 */
export async function POST(req: Request) {
  if (!isCronAuthorized(req.headers.get("authorization")))
    return json(
      { error: "unauthorized", message: "A valid CRON_SECRET bearer token is required." },
      401,
    );
  const result = await runSync(await openJobDb());
  return json(result.ran ? { ran: true, workspaces: result.workspaces } : result);
}
