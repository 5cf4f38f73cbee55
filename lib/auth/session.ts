import "server-only";
import { cache } from "react";
import { decode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import type { SessionUser, UserCtx, WorkspaceCtx } from "@/lib/data/context";
import {
  readSessionRecord,
  type SessionRecord,
  type WorkspaceSummary,
} from "@/lib/data/workspaces";
import { getEnv } from "@/lib/env";
import { requestPathHeader, signInRedirectFor } from "@/lib/routing/sign-in-redirect";
import { sessionCookieName } from "./session-cookie";

/**
 * The session cookie's token, decoded here rather than through getServerSession: a page needs only
 * its user id and session version, and next-auth's jwt callback would read the database again.
 */
async function readSessionToken(): Promise<{ sub: string; sv: number } | null> {
  const store = await cookies();
  const name = sessionCookieName();
  // next-auth splits a token over 4 kB into name.0, name.1, …
  const value =
    store.get(name)?.value ??
    store
      .getAll()
      .filter((c) => c.name.startsWith(`${name}.`))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)))
      .map((c) => c.value)
      .join("");
  if (!value) return null;
  const token = await decode({ token: value, secret: getEnv().NEXTAUTH_SECRET }).catch(() => null);
  if (!token?.sub || typeof token.sv !== "number") return null;
  return { sub: token.sub, sv: token.sv };
}

/**
 * The signed-in user with their workspaces, re-read from the database once per request (one
 * round trip): a deleted account or a removed member loses access at once, and a session whose
 * version is no longer the user's (signed out everywhere, password changed) is none.
 */
const readSession = cache(async (): Promise<SessionRecord | null> => {
  const token = await readSessionToken();
  if (!token) return null;
  const record = await readSessionRecord(await getDb(), token.sub);
  if (!record || record.sessionVersion !== token.sv) return null;
  return record;
});

export const getSessionUser = cache(
  async (): Promise<SessionUser | null> => (await readSession())?.user ?? null,
);

export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(await signInTargetForThisPage());
  return user;
}

/** Sign-in carrying the page being opened, so an expired or revoked session loses no deep link. */
async function signInTargetForThisPage(): Promise<string> {
  const path = (await headers()).get(requestPathHeader);
  if (!path?.startsWith("/")) return "/sign-in";
  const url = new URL(path, "http://postdeck.invalid");
  return signInRedirectFor(url.pathname, url.search, false) ?? "/sign-in";
}

/** For pages that act for the user outside any workspace (creating one, for example). */
export async function requireUserCtx(): Promise<UserCtx> {
  const user = await requireUser();
  return { db: await getDb(), user };
}

/** For pages: the active workspace of the signed-in user, or a redirect to where they can get one. */
export const requireWorkspace = cache(async (): Promise<WorkspaceCtx> => {
  return (await requireWorkspaceShell()).ctx;
});

/** The dashboard shell's needs: the active workspace and the user's workspaces, one query. */
export const requireWorkspaceShell = cache(
  async (): Promise<{
    ctx: WorkspaceCtx;
    workspaces: WorkspaceSummary[];
    settings: NonNullable<SessionRecord["settings"]>;
  }> => {
    const record = await readSession();
    if (!record) redirect(await signInTargetForThisPage());
    if (!record.ctx || !record.settings) redirect("/welcome");
    return { ctx: record.ctx, workspaces: record.workspaces, settings: record.settings };
  },
);

/**
 * For pages: the active workspace with its timezone and TikTok audit status, read in the same
 * round trip as the session (a page showing times needs no query of its own for the zone).
 */
export async function requireWorkspaceWithSettings() {
  const { ctx, settings } = await requireWorkspaceShell();
  return { ctx, ...settings };
}
