// Route segment config and the method exports repeat in every route file: Next reads them
// statically from each file, so they cannot come from a shared module.
import { getMediaRoutes } from "@/lib/media/server/app";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

/** A workspace member (or a signed link) reads the file, with HTTP range requests. */
export async function GET(req: Request, { params }: Params) {
  return (await getMediaRoutes()).media(req, (await params).id);
}

export async function HEAD(req: Request, { params }: Params) {
  return (await getMediaRoutes()).media(req, (await params).id);
}
