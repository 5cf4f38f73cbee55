import "server-only";
import { eq } from "drizzle-orm";
import { workspaces } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import {
  apiKeyFingerprint,
  decryptSecret,
  encryptSecret,
  postproxyKeyContext,
} from "@/lib/security/encryption";
import type { AuditStatus } from "@/lib/validation/enums";
import { requireRole, type WorkspaceCtx } from "./context";

/** Stores the key encrypted; only its last 4 characters are kept readable, for display. */
export async function saveApiKey(
  ctx: WorkspaceCtx,
  apiKey: string,
  encryptionKey = getEnv().encryptionKey,
) {
  requireRole(ctx, "owner");
  const updated = await ctx.db
    .update(workspaces)
    .set({
      postproxyKeyCiphertext: encryptSecret(
        apiKey,
        encryptionKey,
        postproxyKeyContext(ctx.workspaceId),
      ),
      postproxyKeyLast4: apiKey.slice(-4),
      postproxyKeyUpdatedAt: new Date(),
    })
    .where(eq(workspaces.id, ctx.workspaceId))
    .returning({ last4: workspaces.postproxyKeyLast4 });
  if (updated.length === 0) throw new AppError("not_found", "Workspace not found.");
  return { last4: updated[0].last4! };
}

export async function removeApiKey(ctx: WorkspaceCtx) {
  requireRole(ctx, "owner");
  await ctx.db
    .update(workspaces)
    .set({ postproxyKeyCiphertext: null, postproxyKeyLast4: null, postproxyKeyUpdatedAt: null })
    .where(eq(workspaces.id, ctx.workspaceId));
}

/** Server-side use only (Postproxy calls). Any member may cause a read call; none sees the key. */
export async function getApiKey(
  ctx: WorkspaceCtx,
  encryptionKey = getEnv().encryptionKey,
): Promise<string | null> {
  requireRole(ctx, "viewer");
  const [row] = await ctx.db
    .select({ ciphertext: workspaces.postproxyKeyCiphertext })
    .from(workspaces)
    .where(eq(workspaces.id, ctx.workspaceId));
  if (!row?.ciphertext) return null;
  return decryptSecret(row.ciphertext, encryptionKey, postproxyKeyContext(ctx.workspaceId));
}

/** What publishing needs of the workspace, in one read: its key and TikTok app audit status. */
export async function getPublishingSettings(
  ctx: WorkspaceCtx,
  encryptionKey = getEnv().encryptionKey,
): Promise<{ apiKey: string | null; apiKeyFingerprint: string | null; auditStatus: AuditStatus }> {
  requireRole(ctx, "viewer");
  const [row] = await ctx.db
    .select({
      ciphertext: workspaces.postproxyKeyCiphertext,
      auditStatus: workspaces.tiktokAuditStatus,
    })
    .from(workspaces)
    .where(eq(workspaces.id, ctx.workspaceId));
  if (!row) throw new AppError("not_found", "Workspace not found.");
  const apiKey = row.ciphertext
    ? decryptSecret(row.ciphertext, encryptionKey, postproxyKeyContext(ctx.workspaceId))
    : null;
  return {
    apiKey,
    apiKeyFingerprint: apiKey ? apiKeyFingerprint(apiKey) : null,
    auditStatus: row.auditStatus,
  };
}
