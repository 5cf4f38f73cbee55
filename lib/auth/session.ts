import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import type { SessionUser, UserCtx, WorkspaceCtx } from "@/lib/data/context";
import { findUserForSession } from "@/lib/data/users";
import { resolveWorkspaceCtx } from "@/lib/data/workspaces";
import { requestPathHeader, signInRedirectFor } from "@/lib/routing/sign-in-redirect";
import { getAuthOptions } from "./options";

/**
 * The signed-in user, re-read from the database so a deleted account loses access at once, and a
 * session whose version is no longer the user's (signed out everywhere, password changed) is none.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(getAuthOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  const version = (session as { sessionVersion?: unknown } | null)?.sessionVersion;
  if (!id || typeof version !== "number") return null;
  const found = await findUserForSession(await getDb(), id);
  if (!found || found.sessionVersion !== version) return null;
  return found.user;
});

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
  const user = await requireUser();
  const ctx = await resolveWorkspaceCtx(await getDb(), user);
  if (!ctx) redirect("/welcome");
  return ctx;
});
