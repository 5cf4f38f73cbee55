import "server-only";
import type { WorkspaceCtx } from "@/lib/data/context";
import { applyProfileEvent, type ProfileEvent } from "@/lib/integrations/profile-mirror";
import { ingestStatsEvent, type StatsEvent } from "@/lib/integrations/stats-sync";
import type { WebhookEvent } from "@/lib/postproxy";

/** A handler for an event the status core does not apply itself (profiles, stats, insights). */
export type WebhookHandler = (ctx: WorkspaceCtx, event: WebhookEvent) => Promise<string>;

/**
 * Where events other than post statuses go, by type. The profile mirror and the stats refresh
 * plug their handlers in here; an event with no handler is recorded and acknowledged (its
 * outcome says "unhandled"), so Postproxy does not retry it.
 */
const toProfileMirror: WebhookHandler = async (ctx, event) => {
  // The parsed envelope carries the profile as Postproxy sent it; the mirror reads what it needs.
  await applyProfileEvent(ctx, event as unknown as ProfileEvent);
  return "applied";
};
const toStats: WebhookHandler = async (ctx, event) => {
  const stored = await ingestStatsEvent(ctx, event as unknown as StatsEvent);
  return `stored ${stored}`;
};

export const webhookHandlers: Partial<Record<string, WebhookHandler>> = {
  "profile.connected": toProfileMirror,
  "profile.disconnected": toProfileMirror,
  "profile.stats": toStats,
  "platform_post.insights": toStats,
};

export async function dispatchWebhookEvent(
  ctx: WorkspaceCtx,
  event: WebhookEvent,
): Promise<string> {
  const type = event.type === "unknown" ? event.originalType : event.type;
  const handler = webhookHandlers[type];
  return handler ? handler(ctx, event) : "unhandled";
}
