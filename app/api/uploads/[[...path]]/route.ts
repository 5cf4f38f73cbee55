import { getMediaRoutes } from "@/lib/media/server/app";

// tus (resumable uploads). Bodies are streamed to the store, never buffered: keep any future
// proxy.ts matcher away from this route.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const handle = async (req: Request) => (await getMediaRoutes()).uploads(req);

export const GET = handle;
export const HEAD = handle;
export const POST = handle;
export const PATCH = handle;
export const DELETE = handle;
export const OPTIONS = handle;
