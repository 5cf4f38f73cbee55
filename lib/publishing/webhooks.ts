import "server-only";
import { issueSystemWorkspaceCtx, type WorkspaceCtx } from "@/lib/data/context";
import { openJobDb } from "@/lib/data/job-leases";
import {
  findTargetByPostproxyId,
  writeTargetChange,
  type StoredTarget,
} from "@/lib/data/posts-status";
import {
  finishWebhookDelivery,
  findWebhookEndpointByUrlId,
  listWaitingDeliveries,
  recentWebhookEndpoint,
  recordAndApplyStatusEvent,
  recordWebhookDelivery,
  rememberWebhookEndpoint,
  type DeliveryDecision,
  type WebhookEndpoint,
} from "@/lib/data/webhooks";
import type { Db } from "@/lib/db/client";
import {
  parseWebhookEvent,
  verifyWebhookSignature,
  WebhookEventError,
  type WebhookEvent,
} from "@/lib/postproxy";
import { logError } from "@/lib/log";
import { postIdOfEvent, targetFromEvent } from "./outcome";
import { drainAlertsSoon } from "./alerts";
import { decideTargetReport } from "./sync";
import { dispatchWebhookEvent } from "./webhook-dispatch";

/** Larger deliveries are refused unread (Postproxy's events are a few kB). */
export const maxWebhookBodyBytes = 256 * 1024;
/** A signature older (or further ahead) than this is a replay: refused. */
export const webhookToleranceSeconds = 300;

export type WebhookAnswer = { status: number; body: Record<string, unknown> };

const answer = (status: number, body: Record<string, unknown>): WebhookAnswer => ({ status, body });

/**
 * Applies one recorded event: a status event through the status core (kept waiting when its
 * target is not recorded yet: the create's answer is still on its way), anything else through
 * the dispatch map. Returns the outcome to record, or `waitingFor`.
 */
export async function applyWebhookEvent(
  ctx: WorkspaceCtx,
  event: WebhookEvent,
  now: Date,
): Promise<{ outcome: string; waitingFor?: string }> {
  const postproxyPostId = postIdOfEvent(event);
  if (!postproxyPostId) return { outcome: await dispatchWebhookEvent(ctx, event) };
  const target = await findTargetByPostproxyId(ctx, postproxyPostId);
  if (!target) return { outcome: "waiting", waitingFor: postproxyPostId };
  const decision = judgeStatusEvent(event, target, now);
  if ("outcome" in decision) return decision;
  return { outcome: (await writeTargetChange(ctx, decision.change)) ? "applied" : "unchanged" };
}

/** What a status event does to its target, as the status core judges it. */
function judgeStatusEvent(
  event: WebhookEvent,
  target: Pick<
    StoredTarget,
    "id" | "postId" | "profileName" | "status" | "postproxyPostId" | "platformUrl"
  >,
  now: Date,
): DeliveryDecision {
  const patch = targetFromEvent(event, target.profileName, now);
  if (!patch) return { outcome: "ignored" };
  const change = decideTargetReport(target, patch, {
    source: "webhook",
    detail: { eventId: event.id, type: event.type },
    now,
  });
  return change ? { change } : { outcome: "unchanged" };
}

/**
 * Applies the events kept for Postproxy posts whose targets are now recorded (`postproxyPostIds`
 * given), or every unapplied one (the sync's retry of failed applies).
 */
export async function applyWaitingEvents(
  ctx: WorkspaceCtx,
  postproxyPostIds?: string[],
  now = new Date(),
): Promise<number> {
  const waiting = await listWaitingDeliveries(ctx, postproxyPostIds);
  let applied = 0;
  for (const row of waiting) {
    let event: WebhookEvent;
    try {
      event = parseWebhookEvent(row.payload);
    } catch {
      await finishWebhookDelivery(ctx, row.id, { outcome: "unreadable", now });
      continue;
    }
    const result = await applyWebhookEvent(ctx, event, now);
    if (result.waitingFor && row.waitingFor === result.waitingFor) continue;
    await finishWebhookDelivery(ctx, row.id, { ...result, now });
    if (!result.waitingFor) applied += 1;
  }
  return applied;
}

/** The signature checked with the receiver's secret, or its previous one within the grace window. */
function verifyWithEndpoint(
  endpoint: WebhookEndpoint,
  body: Uint8Array,
  signature: string | null,
  now: Date,
): ReturnType<typeof verifyWebhookSignature> {
  const secrets = [endpoint.secret];
  if (endpoint.previousSecretUntil && endpoint.previousSecretUntil.getTime() > now.getTime())
    secrets.push(endpoint.previousSecret);
  let verdict: ReturnType<typeof verifyWebhookSignature> = { ok: false, reason: "missing" };
  for (const secret of secrets) {
    if (!secret) continue;
    verdict = verifyWebhookSignature(body, signature, secret, {
      toleranceSeconds: webhookToleranceSeconds,
      now,
    });
    if (verdict.ok || verdict.reason === "stale") break;
  }
  return verdict;
}

/**
 * A delivery to `/api/webhooks/postproxy/<urlId>`: the URL id selects the workspace's secret; the
 * signature (current secret, or the previous one within its grace window) and its timestamp are
 * checked before anything is read; the event is recorded (its id makes a redelivery a no-op),
 * then applied. 401 bad signature, 400 stale or unreadable, 413 too large, 5xx when applying
 * failed (Postproxy retries).
 */
export async function receiveWebhook(input: {
  urlId: string;
  body: Uint8Array;
  signature: string | null;
  now?: Date;
  db?: Db;
  /** Sends the alerts an applied event raised right away (default: without waiting for it). */
  onApplied?: (ctx: WorkspaceCtx) => Promise<unknown> | void;
}): Promise<WebhookAnswer> {
  const now = input.now ?? new Date();
  if (input.body.byteLength > maxWebhookBodyBytes)
    return answer(413, { error: "too_large", message: "The delivery exceeds 256 kB." });
  const db = input.db ?? (await openJobDb());
  // A burst of deliveries reads the receiver's row once; a signature that does not verify with
  // the reused row is checked again against a fresh read (a secret replaced meanwhile).
  const reused = recentWebhookEndpoint(db, input.urlId, now.getTime());
  let verdict = reused ? verifyWithEndpoint(reused, input.body, input.signature, now) : null;
  let endpoint = reused;
  if (!verdict?.ok) {
    endpoint = await findWebhookEndpointByUrlId(db, input.urlId);
    if (!endpoint) return answer(404, { error: "not_found", message: "No such receiver." });
    verdict = verifyWithEndpoint(endpoint, input.body, input.signature, now);
    if (verdict.ok) rememberWebhookEndpoint(db, endpoint, now.getTime());
  }
  if (!endpoint) return answer(404, { error: "not_found", message: "No such receiver." });
  if (!verdict.ok && verdict.reason === "stale")
    return answer(400, { error: "stale", message: "The signature's timestamp is too old." });
  if (!verdict.ok)
    return answer(401, { error: "unauthorized", message: "The signature does not match." });
  let payload: Record<string, unknown>;
  let event: WebhookEvent;
  try {
    payload = JSON.parse(Buffer.from(input.body).toString("utf8"));
    event = parseWebhookEvent(payload);
  } catch (error) {
    const message = error instanceof WebhookEventError ? error.message : "The body is not JSON.";
    return answer(400, { error: "invalid", message });
  }
  // The endpoint row's foreign key guarantees its workspace: no second read.
  const ctx = issueSystemWorkspaceCtx(db, endpoint.workspaceId, "webhook");
  const type = event.type === "unknown" ? event.originalType : event.type;
  const drain = input.onApplied ?? drainAlertsSoon;
  const postproxyPostId = postIdOfEvent(event);
  if (postproxyPostId) {
    // A status event: recorded and applied in one transaction (three statements).
    try {
      const result = await recordAndApplyStatusEvent(
        ctx,
        { eventId: event.id, type, payload, postproxyPostId, now },
        (target) => judgeStatusEvent(event, target, now),
      );
      if (result.duplicate) return answer(200, { received: true, duplicate: true });
      if (result.alerted) await drain(ctx);
      return answer(200, { received: true, outcome: result.outcome });
    } catch (error) {
      const id = logError("webhook:apply", error, { type });
      // Recorded unapplied when the database still answers, so the sync applies it later.
      await recordWebhookDelivery(ctx, { eventId: event.id, type, payload }).catch(() => {});
      return answer(500, { error: "internal", message: `Applying the event failed (${id}).` });
    }
  }
  const recorded = await recordWebhookDelivery(ctx, { eventId: event.id, type, payload });
  if (!recorded.pending) return answer(200, { received: true, duplicate: true });
  try {
    const result = await applyWebhookEvent(ctx, event, now);
    await finishWebhookDelivery(ctx, recorded.id, { ...result, now });
    if (result.outcome === "applied") await drain(ctx);
    return answer(200, { received: true, outcome: result.outcome });
  } catch (error) {
    const id = logError("webhook:apply", error, { type });
    return answer(500, { error: "internal", message: `Applying the event failed (${id}).` });
  }
}
