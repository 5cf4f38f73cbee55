import "server-only";
// getApiKey in api-keys.ts reads and decrypts alike: each secret has its own table, column and
// encryption context, and a generic "read a secret" helper would blur which one a caller gets.
import { and, eq, gt, inArray, isNotNull, isNull, lte, ne, or } from "drizzle-orm";
import { alertSettings, postTargets, profiles } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { decryptSecret, encryptSecret } from "@/lib/security/encryption";
import { requireRole, type WorkspaceCtx } from "./context";
import { raiseAlertIn } from "./alerts";
import { targetProfileJoin } from "./profiles";

function slackUrlContext(workspaceId: string) {
  return `workspace:${workspaceId}:alert-webhook`;
}

/** What Settings shows: whether a Slack URL is set and its host (never the URL: it is a secret). */
export async function getAlertWebhookView(ctx: WorkspaceCtx): Promise<{ host: string | null }> {
  requireRole(ctx, "viewer");
  const [row] = await ctx.db
    .select({ host: alertSettings.slackUrlHost })
    .from(alertSettings)
    .where(eq(alertSettings.workspaceId, ctx.workspaceId));
  return { host: row?.host ?? null };
}

/** Sets (or with "" removes) the workspace's Slack-compatible webhook; owners only. */
export async function saveAlertWebhook(
  ctx: WorkspaceCtx,
  url: string,
  encryptionKey = getEnv().encryptionKey,
) {
  requireRole(ctx, "owner");
  const values = url
    ? {
        slackUrlCiphertext: encryptSecret(url, encryptionKey, slackUrlContext(ctx.workspaceId)),
        slackUrlHost: new URL(url).host,
        updatedAt: new Date(),
      }
    : { slackUrlCiphertext: null, slackUrlHost: null, updatedAt: new Date() };
  await ctx.db
    .insert(alertSettings)
    .values({ workspaceId: ctx.workspaceId, ...values })
    .onConflictDoUpdate({ target: alertSettings.workspaceId, set: values });
}

/** Server-side only (the send); no page ever receives it. */
export async function getAlertWebhookUrl(
  ctx: WorkspaceCtx,
  encryptionKey = getEnv().encryptionKey,
): Promise<string | null> {
  requireRole(ctx, "viewer");
  const [row] = await ctx.db
    .select({ ciphertext: alertSettings.slackUrlCiphertext })
    .from(alertSettings)
    .where(eq(alertSettings.workspaceId, ctx.workspaceId));
  if (!row?.ciphertext) return null;
  return decryptSecret(row.ciphertext, encryptionKey, slackUrlContext(ctx.workspaceId));
}

const hourMs = 60 * 60 * 1000;

/**
 * The profiles of posts due within 24 hours, read from the profile mirror: each target whose
 * profile is expired, inactive or gone from Postproxy raises an alert 24 h ahead and again within
 * the last hour (each once: the dedupe key names the kind and the due time).
 */
export async function checkDueProfiles(ctx: WorkspaceCtx, now: Date): Promise<number> {
  requireRole(ctx, "editor");
  const rows = await ctx.db
    .select({
      id: postTargets.id,
      scheduledAt: postTargets.scheduledAt,
      profileStatus: profiles.status,
      removedAt: profiles.removedAt,
      mirrored: profiles.id,
    })
    .from(postTargets)
    .leftJoin(profiles, targetProfileJoin())
    .where(
      and(
        eq(postTargets.workspaceId, ctx.workspaceId),
        inArray(postTargets.status, ["scheduled", "pending"]),
        isNotNull(postTargets.scheduledAt),
        gt(postTargets.scheduledAt, now),
        lte(postTargets.scheduledAt, new Date(now.getTime() + 24 * hourMs)),
        or(isNull(profiles.id), isNotNull(profiles.removedAt), ne(profiles.status, "active")),
      ),
    );
  let raised = 0;
  for (const r of rows) {
    const due = r.scheduledAt!;
    const kind =
      due.getTime() - now.getTime() <= hourMs ? "profile_unhealthy_1h" : "profile_unhealthy_24h";
    const profileStatus = !r.mirrored || r.removedAt ? "disconnected" : r.profileStatus;
    const isNew = await raiseAlertIn(ctx.db, ctx.workspaceId, {
      kind,
      targetId: r.id,
      dedupeKey: `${kind}:${r.id}:${due.toISOString()}`,
      profileStatus,
    });
    if (isNew) raised += 1;
  }
  return raised;
}
