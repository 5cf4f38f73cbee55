import { getMediaRoutes } from "@/lib/media/server/app";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export async function GET(req: Request, { params }: Params) {
  return (await getMediaRoutes()).thumbnail(req, (await params).id);
}

/** The browser sends the poster frame it captured from a video. */
export async function PUT(req: Request, { params }: Params) {
  return (await getMediaRoutes()).putPoster(req, (await params).id);
}
