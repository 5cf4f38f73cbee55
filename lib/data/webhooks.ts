import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { decryptSecret, encryptSecret } from "@/lib/security/encryption";
import { requireRole, type WorkspaceCtx } from "./context";

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

function open(row: {
  [K in keyof typeof columns]: (typeof columns)[K]["_"]["data"] | null;
}): WebhookEndpoint {
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
