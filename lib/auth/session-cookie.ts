import "server-only";
import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { getEnv } from "@/lib/env";
import { getAuthOptions, sessionMaxAgeSeconds } from "./options";

/** The session cookie as next-auth names and sets it (see next-auth's defaultCookies). */
function sessionCookie() {
  const options = getAuthOptions();
  const configured = options.cookies?.sessionToken;
  if (configured) return { name: configured.name, options: configured.options };
  const secure = options.useSecureCookies ?? !!getEnv().NEXTAUTH_URL?.startsWith("https://");
  return {
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}

export function sessionCookieName(): string {
  return sessionCookie().name;
}

/**
 * Re-issues the current session with a new session version, from a server action: after a
 * password change every other session ends, this one carries on.
 */
export async function renewSessionCookie(sessionVersion: number) {
  const store = await cookies();
  const { name, options } = sessionCookie();
  const current = store.get(name)?.value;
  const secret = getEnv().NEXTAUTH_SECRET;
  const token = current ? await decode({ token: current, secret }) : null;
  if (!token?.sub) return;
  const value = await encode({
    token: { ...token, sv: sessionVersion },
    secret,
    maxAge: sessionMaxAgeSeconds,
  });
  store.set(name, value, {
    ...options,
    expires: new Date(Date.now() + sessionMaxAgeSeconds * 1000),
  });
}

/** Drops the current session cookie (its token is already refused once the version is bumped). */
export async function clearSessionCookie() {
  const store = await cookies();
  const { name, options } = sessionCookie();
  store.set(name, "", { ...options, maxAge: 0 });
}
