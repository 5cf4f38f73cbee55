import "server-only";
import { getPublishingSettings } from "@/lib/data/api-keys";
import type { WorkspaceCtx } from "@/lib/data/context";
import {
  ensureWebhookEndpoint,
  getWebhookEndpoint,
  saveWebhookRegistration,
  webhookReceiverUrl,
} from "@/lib/data/webhooks";
import { getWorkspacePostproxy } from "@/lib/integrations/postproxy";
import { isPostproxyError, type PostproxyClient } from "@/lib/postproxy";

/** The events Postdeck registers for: statuses (applied), profiles and stats (dispatched). */
export const handledWebhookEvents = [
  "post.processed",
  "platform_post.published",
  "platform_post.failed",
  "platform_post.failed_waiting_for_retry",
  "platform_post.insights",
  "media.failed",
  "profile.connected",
  "profile.disconnected",
  "profile.stats",
];

/** How long deliveries signed with the secret of a replaced registration still verify. */
export const previousSecretGraceMs = 10 * 60 * 1000;

const sameEvents = (a: string[], b: string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

async function create(
  ctx: WorkspaceCtx,
  client: PostproxyClient,
  fingerprint: string | null,
  now: Date,
) {
  const endpoint = await ensureWebhookEndpoint(ctx);
  const url = webhookReceiverUrl(endpoint.urlId);
  if (!url) return { registered: false as const };
  const made = await client.webhooks.create({
    url,
    events: handledWebhookEvents,
    description: "Postdeck status updates",
  });
  await saveWebhookRegistration(ctx, {
    postproxyWebhookId: made.id,
    secret: made.secret ?? null,
    apiKeyFingerprint: fingerprint,
    url,
    events: handledWebhookEvents,
    graceMs: previousSecretGraceMs,
    now,
  });
  return { registered: true as const, id: made.id };
}

/**
 * Deletes the workspace's registration with the key that made it (`oldClient`): only Postdeck's
 * own registration id is ever deleted, never another party's.
 */
export async function unregisterWebhook(
  ctx: WorkspaceCtx,
  oldClient: PostproxyClient | null,
  now = new Date(),
) {
  const endpoint = await getWebhookEndpoint(ctx);
  if (!endpoint?.postproxyWebhookId) return;
  if (oldClient) {
    try {
      await oldClient.webhooks.delete(endpoint.postproxyWebhookId);
    } catch (error) {
      // Already gone (or the old key is revoked, so it can no longer deliver): forget it.
      if (!isPostproxyError(error)) throw error;
    }
  }
  await saveWebhookRegistration(ctx, {
    postproxyWebhookId: null,
    secret: endpoint.secret,
    apiKeyFingerprint: null,
    url: null,
    events: [],
    graceMs: previousSecretGraceMs,
    now,
  });
}

/**
 * After an owner saves a key: the registration made with the previous key is deleted with that
 * key, and one is made with the new key (when PUBLIC_BASE_URL is set). A failure here never
 * undoes the key: the sync route makes the registration right later.
 */
export async function replaceWebhookRegistration(
  ctx: WorkspaceCtx,
  previousKey: string | null,
  now = new Date(),
) {
  const oldClient = previousKey ? await getWorkspacePostproxy(ctx, { apiKey: previousKey }) : null;
  await unregisterWebhook(ctx, oldClient, now);
  const settings = await getPublishingSettings(ctx);
  const client = await getWorkspacePostproxy(ctx, { apiKey: settings.apiKey });
  if (client) await create(ctx, client, settings.apiKeyFingerprint, now);
}

/**
 * The sync route's check: the registration exists under the current key, with Postdeck's URL,
 * events and enabled; re-created when its secret is lost or Postproxy no longer has it.
 */
export async function ensureWebhookRegistration(
  ctx: WorkspaceCtx,
  deps: { client?: PostproxyClient | null; now?: () => Date } = {},
): Promise<string> {
  const now = deps.now?.() ?? new Date();
  const settings = await getPublishingSettings(ctx);
  const client =
    deps.client !== undefined
      ? deps.client
      : await getWorkspacePostproxy(ctx, { apiKey: settings.apiKey });
  if (!client) return "no_key";
  const endpoint = await ensureWebhookEndpoint(ctx);
  const url = webhookReceiverUrl(endpoint.urlId);
  if (!url) return "no_public_url";
  const isOtherKey = endpoint.apiKeyFingerprint !== settings.apiKeyFingerprint;
  if (!endpoint.postproxyWebhookId || isOtherKey) {
    await create(ctx, client, settings.apiKeyFingerprint, now);
    return "created";
  }
  if (!endpoint.secret) {
    await client.webhooks.delete(endpoint.postproxyWebhookId).catch(() => undefined);
    await create(ctx, client, settings.apiKeyFingerprint, now);
    return "recreated";
  }
  try {
    const current = await client.webhooks.get(endpoint.postproxyWebhookId);
    if (current.url === url && current.enabled && sameEvents(current.events, handledWebhookEvents))
      return "ok";
    await client.webhooks.update(endpoint.postproxyWebhookId, {
      url,
      events: handledWebhookEvents,
      enabled: true,
    });
    return "updated";
  } catch (error) {
    if (!isPostproxyError(error) || error.kind !== "not_found") throw error;
    await create(ctx, client, settings.apiKeyFingerprint, now);
    return "recreated";
  }
}
