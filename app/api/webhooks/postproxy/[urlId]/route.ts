import { readLimitedBody } from "@/lib/auth/request-body";
import { maxWebhookBodyBytes, receiveWebhook } from "@/lib/publishing/webhooks";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ urlId: string }> };

// no-transform: Next's compression leaves these few bytes as they are (gzip cost more CPU than
// the rest of the answer).
const json = (body: unknown, status: number) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store, no-transform" } });

/** Postproxy's deliveries for one workspace (the URL id selects it). POST only: others 405. */
export async function POST(req: Request, { params }: Params) {
  const body = await readLimitedBody(req, maxWebhookBodyBytes);
  if (!body) return json({ error: "too_large", message: "The delivery exceeds 256 kB." }, 413);
  const result = await receiveWebhook({
    urlId: (await params).urlId,
    body,
    signature: req.headers.get("x-postproxy-signature"),
  });
  return json(result.body, result.status);
}
