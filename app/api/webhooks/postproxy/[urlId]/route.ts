import { maxWebhookBodyBytes, receiveWebhook } from "@/lib/publishing/webhooks";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ urlId: string }> };

// no-transform: Next's compression leaves these few bytes as they are (gzip cost more CPU than
// the rest of the answer).
const json = (body: unknown, status: number) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store, no-transform" } });

/** Reads at most `limit` + 1 bytes, so an oversized body is refused without being held. */
async function readCapped(req: Request, limit: number): Promise<Uint8Array | null> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    // A copy: the stream may hand out views of a buffer it reuses for the next chunk.
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

/** Postproxy's deliveries for one workspace (the URL id selects it). POST only: others 405. */
export async function POST(req: Request, { params }: Params) {
  const body = await readCapped(req, maxWebhookBodyBytes);
  if (!body) return json({ error: "too_large", message: "The delivery exceeds 256 kB." }, 413);
  const result = await receiveWebhook({
    urlId: (await params).urlId,
    body,
    signature: req.headers.get("x-postproxy-signature"),
  });
  return json(result.body, result.status);
}
