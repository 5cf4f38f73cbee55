import "server-only";
import type { WorkspaceCtx } from "@/lib/data/context";
import type { WebhookEvent } from "@/lib/postproxy";

/** A handler for an event the status core does not apply itself (profiles, stats, insights). */
export type WebhookHandler = (ctx: WorkspaceCtx, event: WebhookEvent) => Promise<string>;

/**
 * Where events other than post statuses go, by type. The profile mirror and the stats refresh
 * plug their handlers in here; an event with no handler is recorded and acknowledged (its
 * outcome says "unhandled"), so Postproxy does not retry it.
 */
export const webhookHandlers: Partial<Record<string, WebhookHandler>> = {};

export async function dispatchWebhookEvent(
  ctx: WorkspaceCtx,
  event: WebhookEvent,
): Promise<string> {
  const type = event.type === "unknown" ? event.originalType : event.type;
  const handler = webhookHandlers[type];
  return handler ? handler(ctx, event) : "unhandled";
}
