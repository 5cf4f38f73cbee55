import { CADENCE } from "../config";
import type { SandboxContext } from "../core/context";
import { newId } from "../core/ids";
import { scheduleProfileStats } from "../lifecycle/handlers";
import type { ConnectSessionRecord, Platform, ProfileRecord } from "../store/types";
import { emitEvent } from "../webhooks/events";
import { profilePayload } from "../webhooks/payloads";

const DAY = 86_400_000;
// TikTok refresh tokens live 365 days; Postproxy reports that as expires_at.
const CONNECTION_LIFETIME = 365 * DAY;

export function createSession(
  ctx: SandboxContext,
  groupId: string,
  platform: Platform,
  redirectUrl: string,
): ConnectSessionRecord {
  const now = ctx.clock.now();
  const session: ConnectSessionRecord = {
    id: newId("cs_", 24),
    groupId,
    platform,
    redirectUrl,
    createdAt: now,
    expiresAt: now + CADENCE.connectSessionTtl,
    usedAt: null,
  };
  ctx.store.state.connectSessions = ctx.store.state.connectSessions.filter(
    (s) => s.expiresAt > now,
  );
  ctx.store.state.connectSessions.push(session);
  return session;
}

export function openSession(ctx: SandboxContext, id: string): ConnectSessionRecord | null {
  const session = ctx.store.state.connectSessions.find((s) => s.id === id);
  if (!session || session.usedAt !== null || session.expiresAt <= ctx.clock.now()) return null;
  return session;
}

export interface ApproveChoice {
  /** Reconnect this existing profile; otherwise a new account is connected. */
  profileId?: string;
  username?: string;
}

/**
 * A group keeps at most one active profile per network: reconnecting revives the chosen
 * profile, a new account replaces the active one (which becomes inactive).
 */
export function approveSession(
  ctx: SandboxContext,
  session: ConnectSessionRecord,
  choice: ApproveChoice,
): ProfileRecord {
  const now = ctx.clock.now();
  session.usedAt = now;
  const candidates = ctx.store
    .profilesOf(session.groupId)
    .filter((p) => p.platform === session.platform);
  const username = cleanUsername(choice.username);
  let profile = candidates.find((p) => p.id === choice.profileId);
  for (const other of candidates) {
    if (other === profile || other.status !== "active") continue;
    other.status = "inactive";
    other.disconnectedAt = now;
    emitEvent(ctx, "profile.disconnected", profilePayload(other, "disconnected"));
  }
  if (!profile) {
    const handle = username ?? `sandbox_${newId("", 6).toLowerCase()}`;
    profile = {
      id: newId("prof_"),
      groupId: session.groupId,
      platform: session.platform,
      name: `@${handle}`,
      username: handle,
      uid: newId("", 16),
      status: "active",
      expiresAt: null,
      disconnectedAt: null,
      createdAt: now,
      statsAnchor: now,
    };
    ctx.store.state.profiles.push(profile);
  } else if (username) {
    profile.username = username;
    profile.name = `@${username}`;
  }
  profile.status = "active";
  profile.expiresAt = now + CONNECTION_LIFETIME;
  profile.disconnectedAt = null;
  emitEvent(ctx, "profile.connected", profilePayload(profile, "active"));
  scheduleProfileStats(ctx, profile.id);
  return profile;
}

export function denySession(ctx: SandboxContext, session: ConnectSessionRecord): void {
  session.usedAt = ctx.clock.now();
}

export function redirectWith(redirectUrl: string, params: Record<string, string>): string {
  const url = new URL(redirectUrl);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

function cleanUsername(value: string | undefined): string | undefined {
  const cleaned = value
    ?.trim()
    .replace(/^@/, "")
    .replace(/[^\w.]/g, "");
  return cleaned ? cleaned.slice(0, 24) : undefined;
}
