import "server-only";
import type { NullableRow } from "./columns";
import { randomBytes } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { posts, postTargets, webhookDeliveries, webhookEndpoints } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { decryptSecret, encryptSecret } from "@/lib/security/encryption";
import { requireRole, type WorkspaceCtx } from "./context";
import {
  readLockedTarget,
  rowsOf,
  writeLockedTargetChange,
  type LockedTarget,
  type TargetChange,
} from "./posts-status";

const secretContext = (workspaceId: string) => `workspace:${workspaceId}:webhook`;

/** A receiver URL id: 32 random bytes, so another workspace's (or anyone's) cannot be guessed. */
const newUrlId = () => randomBytes(32).toString("base64url");

export type WebhookEndpoint = {
  workspaceId: string;
  urlId: string;
  postproxyWebhookId: string | null;
  secret: string | null;
  previousSecret: string | null;
  previousSecretUntil: Date | null;
  apiKeyFingerprint: string | null;
  url: string | null;
  events: string[];
  enabled: boolean;
};

const columns = {
  workspaceId: webhookEndpoints.workspaceId,
  urlId: webhookEndpoints.urlId,
  postproxyWebhookId: webhookEndpoints.postproxyWebhookId,
  secretCiphertext: webhookEndpoints.secretCiphertext,
  previousSecretCiphertext: webhookEndpoints.previousSecretCiphertext,
  previousSecretUntil: webhookEndpoints.previousSecretUntil,
  apiKeyFingerprint: webhookEndpoints.apiKeyFingerprint,
  url: webhookEndpoints.url,
  events: webhookEndpoints.events,
  enabled: webhookEndpoints.enabled,
};

function open(row: NullableRow<typeof columns>): WebhookEndpoint {
  const key = getEnv().encryptionKey;
  const ctx = secretContext(row.workspaceId!);
  const decrypt = (c: string | null) => {
    if (!c) return null;
    try {
      return decryptSecret(c, key, ctx);
    } catch {
      // An unreadable secret is a lost one: the sync re-creates the registration.
      return null;
    }
  };
  return {
    workspaceId: row.workspaceId!,
    urlId: row.urlId!,
    postproxyWebhookId: row.postproxyWebhookId,
    secret: decrypt(row.secretCiphertext),
    previousSecret: decrypt(row.previousSecretCiphertext),
    previousSecretUntil: row.previousSecretUntil,
    apiKeyFingerprint: row.apiKeyFingerprint,
    url: row.url,
    events: row.events ?? [],
    enabled: row.enabled ?? true,
  };
}

/**
 * The receiver a delivery's URL names. Not scoped by workspace: the URL id is what selects the
 * workspace, and nothing is done for it until the delivery's signature checks out.
 */
export async function findWebhookEndpointByUrlId(
  db: Db,
  urlId: string,
): Promise<WebhookEndpoint | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(urlId)) return null;
  const [row] = await db
    .select(columns)
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.urlId, urlId));
  return row ? open(row) : null;
}

/** How long the receiver reuses an endpoint it read (only for signatures that verify with it). */
export const endpointReuseMs = 5_000;
const recentEndpoints = new Map<string, { db: Db; endpoint: WebhookEndpoint; until: number }>();

/**
 * The endpoint as read within the last {@link endpointReuseMs} on this handle (a burst of
 * deliveries reads it once), or null. The receiver reads the row again whenever a signature does
 * not verify with the reused one, so a new secret is never refused.
 */
export function recentWebhookEndpoint(db: Db, urlId: string, now: number): WebhookEndpoint | null {
  const hit = recentEndpoints.get(urlId);
  return hit && hit.db === db && hit.until > now ? hit.endpoint : null;
}

export function rememberWebhookEndpoint(db: Db, endpoint: WebhookEndpoint, now: number) {
  if (recentEndpoints.size > 1000) recentEndpoints.clear();
  recentEndpoints.set(endpoint.urlId, { db, endpoint, until: now + endpointReuseMs });
}

export async function getWebhookEndpoint(ctx: WorkspaceCtx): Promise<WebhookEndpoint | null> {
  requireRole(ctx, "viewer");
  const [row] = await ctx.db
    .select(columns)
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.workspaceId, ctx.workspaceId));
  return row ? open(row) : null;
}

/** The workspace's receiver row, made with a fresh URL id the first time. */
export async function ensureWebhookEndpoint(ctx: WorkspaceCtx): Promise<WebhookEndpoint> {
  requireRole(ctx, "editor");
  await ctx.db
    .insert(webhookEndpoints)
    .values({ workspaceId: ctx.workspaceId, urlId: newUrlId() })
    .onConflictDoNothing();
  return (await getWebhookEndpoint(ctx))!;
}

/**
 * Records a registration made at Postproxy. The secret it replaces stays valid for `graceMs` so
 * deliveries signed just before the switch still verify.
 */
export async function saveWebhookRegistration(
  ctx: WorkspaceCtx,
  input: {
    postproxyWebhookId: string | null;
    secret: string | null;
    apiKeyFingerprint: string | null;
    url: string | null;
    events: string[];
    graceMs: number;
    now: Date;
  },
) {
  requireRole(ctx, "editor");
  const current = await getWebhookEndpoint(ctx);
  const key = getEnv().encryptionKey;
  const enc = (s: string | null) =>
    s ? encryptSecret(s, key, secretContext(ctx.workspaceId)) : null;
  const previous = current?.secret && current.secret !== input.secret ? current.secret : null;
  await ctx.db
    .update(webhookEndpoints)
    .set({
      postproxyWebhookId: input.postproxyWebhookId,
      secretCiphertext: enc(input.secret),
      ...(previous
        ? {
            previousSecretCiphertext: enc(previous),
            previousSecretUntil: new Date(input.now.getTime() + input.graceMs),
          }
        : {}),
      apiKeyFingerprint: input.apiKeyFingerprint,
      url: input.url,
      events: input.events,
      enabled: true,
      checkedAt: input.now,
      updatedAt: input.now,
    })
    .where(eq(webhookEndpoints.workspaceId, ctx.workspaceId));
}

/**
 * Records a verified delivery before it is applied. `isNew` false: the event id was seen before
 * (Postproxy redelivers); `pending` true when that earlier copy was never applied.
 */
export async function recordWebhookDelivery(
  ctx: WorkspaceCtx,
  input: { eventId: string; type: string; payload: Record<string, unknown> },
): Promise<{ id: string; isNew: boolean; pending: boolean }> {
  requireRole(ctx, "editor");
  const [row] = await ctx.db
    .insert(webhookDeliveries)
    .values({ workspaceId: ctx.workspaceId, ...input })
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id });
  if (row) return { id: row.id, isNew: true, pending: true };
  const [seen] = await ctx.db
    .select({
      id: webhookDeliveries.id,
      appliedAt: webhookDeliveries.appliedAt,
      waitingFor: webhookDeliveries.waitingFor,
    })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.workspaceId, ctx.workspaceId),
        eq(webhookDeliveries.eventId, input.eventId),
      ),
    );
  return { id: seen.id, isNew: false, pending: !seen.appliedAt && !seen.waitingFor };
}

/** What the receiver does with a status event's target, decided by the status core under the lock. */
export type DeliveryDecision = { change: TargetChange } | { outcome: string };

/**
 * A verified status event, recorded and applied in one transaction: the delivery row (its event
 * id makes a redelivery a no-op) and the post's lock in one statement, the target as it is under
 * that lock in a second, then `decide` (the status core) and the change's writes with the
 * delivery's outcome in a third. An event whose target is not recorded yet is kept waiting.
 * A redelivery of an event already applied (or kept) writes nothing: `duplicate`.
 */
export async function recordAndApplyStatusEvent(
  ctx: WorkspaceCtx,
  input: {
    eventId: string;
    type: string;
    payload: Record<string, unknown>;
    postproxyPostId: string;
    now: Date;
  },
  decide: (target: LockedTarget) => DeliveryDecision,
): Promise<
  { duplicate: true } | { duplicate: false; outcome: string; waitingFor?: string; alerted: boolean }
> {
  requireRole(ctx, "editor");
  const at = input.now.toISOString();
  return ctx.db.transaction(async (tx) => {
    const [first] = rowsOf<{ delivery_id: string | null; target_id: string | null }>(
      await tx.execute(sql`
        with delivery as (
          insert into ${webhookDeliveries} (workspace_id, event_id, type, payload)
          values (${ctx.workspaceId}, ${input.eventId}, ${input.type},
                  ${JSON.stringify(input.payload)}::text::jsonb)
          on conflict do nothing
          returning id),
        target as (
          select id, post_id from ${postTargets}
          where workspace_id = ${ctx.workspaceId} and postproxy_post_id = ${input.postproxyPostId}
          limit 1),
        post_lock as (
          select id from ${posts}
          where id = (select post_id from target) and workspace_id = ${ctx.workspaceId}
          for update)
        select (select id from delivery) as delivery_id,
               (select id from target) as target_id,
               (select id from post_lock) as locked_post_id`),
    );
    let deliveryId = first.delivery_id;
    if (!deliveryId) {
      // Seen before: applied or kept already (a duplicate), or recorded by an apply that failed.
      const [seen] = rowsOf<{ id: string; applied_at: unknown; waiting_for: string | null }>(
        await tx.execute(sql`
          select id, applied_at, waiting_for from ${webhookDeliveries}
          where workspace_id = ${ctx.workspaceId} and event_id = ${input.eventId}`),
      );
      if (!seen || seen.applied_at || seen.waiting_for) return { duplicate: true } as const;
      deliveryId = seen.id;
    }
    const finish = (outcome: string, waitingFor: string | null) => sql`
      update ${webhookDeliveries}
      set outcome = ${outcome}, waiting_for = ${waitingFor},
          applied_at = ${waitingFor ? null : at}::timestamptz
      where id = ${deliveryId} and workspace_id = ${ctx.workspaceId}`;
    const target = first.target_id ? await readLockedTarget(tx, ctx, first.target_id) : null;
    if (!target) {
      await tx.execute(finish("waiting", input.postproxyPostId));
      return {
        duplicate: false,
        outcome: "waiting",
        waitingFor: input.postproxyPostId,
        alerted: false,
      } as const;
    }
    const decision = decide(target);
    if ("outcome" in decision) {
      await tx.execute(finish(decision.outcome, null));
      return { duplicate: false, outcome: decision.outcome, alerted: false } as const;
    }
    const written = await writeLockedTargetChange(
      tx,
      ctx,
      target,
      decision.change,
      (moved) => sql`delivery_row as (
        update ${webhookDeliveries}
        set outcome = case when ${moved} then 'applied' else 'unchanged' end,
            waiting_for = null, applied_at = ${at}::timestamptz
        where id = ${deliveryId} and workspace_id = ${ctx.workspaceId})`,
    );
    return {
      duplicate: false,
      outcome: written.moved ? "applied" : "unchanged",
      alerted: written.alerted,
    } as const;
  });
}

/** Marks a delivery applied (or kept waiting for the target Postproxy knows as `waitingFor`). */
export async function finishWebhookDelivery(
  ctx: WorkspaceCtx,
  id: string,
  result: { outcome: string; waitingFor?: string | null; now: Date },
) {
  requireRole(ctx, "editor");
  await ctx.db
    .update(webhookDeliveries)
    .set({
      outcome: result.outcome,
      waitingFor: result.waitingFor ?? null,
      appliedAt: result.waitingFor ? null : result.now,
    })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.workspaceId, ctx.workspaceId)));
}

/** Deliveries kept for Postproxy posts whose targets were not recorded yet, oldest first. */
export async function listWaitingDeliveries(ctx: WorkspaceCtx, postproxyPostIds?: string[]) {
  requireRole(ctx, "editor");
  if (postproxyPostIds && postproxyPostIds.length === 0) return [];
  return ctx.db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      type: webhookDeliveries.type,
      payload: webhookDeliveries.payload,
      waitingFor: webhookDeliveries.waitingFor,
    })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.workspaceId, ctx.workspaceId),
        isNull(webhookDeliveries.appliedAt),
        postproxyPostIds
          ? inArray(webhookDeliveries.waitingFor, postproxyPostIds)
          : isNull(webhookDeliveries.appliedAt),
      ),
    )
    .orderBy(webhookDeliveries.createdAt)
    .limit(500);
}

/** The receiver URL Postproxy is given, or null when the app has no public address. */
export function webhookReceiverUrl(urlId: string): string | null {
  const base = getEnv().PUBLIC_BASE_URL;
  return base ? `${base.replace(/\/$/, "")}/api/webhooks/postproxy/${urlId}` : null;
}
