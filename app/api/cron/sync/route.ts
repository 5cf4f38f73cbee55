import { timingSafeEqual } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { runSync } from "@/lib/publishing/cron";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** `Authorization: Bearer <CRON_SECRET>`, compared in constant time; no secret set, no access. */
function isAuthorized(req: Request): boolean {
  const secret = getEnv().CRON_SECRET;
  const header = req.headers.get("authorization") ?? "";
  if (!secret || !header.startsWith("Bearer ")) return false;
  const given = Buffer.from(header.slice("Bearer ".length));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The status sync (README "Status sync"): every unfinished or unknown target, missing TikTok
 * links, the webhook registration, the unfinished uploads' cleanup. Called by a cron job (the
 * demo every 30 s); several servers never run it at once. Other methods answer 405 (Next.js).
 */
export async function POST(req: Request) {
  if (!isAuthorized(req))
    return json(
      { error: "unauthorized", message: "A valid CRON_SECRET bearer token is required." },
      401,
    );
  const result = await runSync(await getDb());
  return json(result.ran ? { ran: true, workspaces: result.workspaces } : result);
}
