import { withWorkspaceRoute } from "@/lib/auth/route";
import { listAlerts } from "@/lib/data/alerts";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The bell's list: the member's alerts of the last 90 days and the unread count. */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = withWorkspaceRoute("alerts", {
  GET: { access: "viewer", handler: async (_req, ctx) => listAlerts(ctx) },
});
