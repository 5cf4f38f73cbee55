import "server-only";

/**
 * Reads a request body up to `max` bytes; null when it is longer. At most `max` + 1 bytes are
 * read, so an oversized body is refused without being held (webhook deliveries, video posters).
 */
export async function readLimitedBody(req: Request, max: number): Promise<Buffer | null> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > max) return null;
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    // A copy: the stream may hand out views of a buffer it reuses for the next chunk.
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}
