import type { SandboxContext } from "../core/context";
import { newId } from "../core/ids";

export const WEBHOOK_EVENTS = [
  "post.processed",
  "post.imported",
  "platform_post.published",
  "platform_post.failed",
  "platform_post.failed_waiting_for_retry",
  "platform_post.insights",
  "profile.connected",
  "profile.disconnected",
  "profile.stats",
  "media.failed",
  "comment.created",
  "comment.failed",
  "comment.failed_waiting_for_retry",
  "profile_comment.created",
  "profile_comment.failed",
  "profile_comment.failed_waiting_for_retry",
  "message.received",
  "message.sent",
  "message.delivered",
  "message.read",
  "message.edited",
  "message.deleted",
  "message.failed_waiting_for_retry",
  "message.failed",
  "reaction.received",
  "referral.received",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/**
 * Builds the event once (so every retry sends identical bytes) and queues one delivery per
 * subscribed, enabled webhook.
 */
export function emitEvent(
  ctx: SandboxContext,
  type: WebhookEventType,
  object: Record<string, unknown>,
): void {
  const flat = ctx.config.webhookEnvelope === "flat";
  const id = newId(flat ? "evt_" : "whevt_", 16);
  const createdAt = ctx.clock.iso();
  const envelope = flat
    ? { id, type, created_at: createdAt, data: object }
    : { id, object: "event", type, created_at: createdAt, data: { object } };
  const body = JSON.stringify(envelope);
  for (const webhook of ctx.store.state.webhooks) {
    if (!webhook.enabled) continue;
    if (!webhook.events.includes("*") && !webhook.events.includes(type)) continue;
    ctx.scheduler.schedule(
      {
        kind: "webhook.attempt",
        webhookId: webhook.id,
        eventId: id,
        eventType: type,
        body,
        attempt: 1,
      },
      0,
    );
  }
  ctx.log(`event ${type} ${id}`);
}
