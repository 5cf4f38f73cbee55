import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { linkOAuthUser } from "@/lib/data/oauth";
import { getSessionVersion } from "@/lib/data/users";
import { logError } from "@/lib/log";
import { clientIpFrom } from "./client-ip";
import { fetchGitHubProfile, verifiedEmailOf } from "./oauth";
import { authenticate } from "./sign-in";

// Short sessions, renewed as they are used (each session read re-issues the token).
export const sessionMaxAgeSeconds = 7 * 24 * 60 * 60;
const sessionUpdateAgeSeconds = 24 * 60 * 60;

/**
 * A token is valid only while it carries the user's current session version; "Sign out
 * everywhere" and a password change bump it. A refused token loses its identity, so the next
 * session read re-issues it empty and every check sees a signed-out visitor.
 */
export async function checkSessionToken(token: JWT): Promise<JWT> {
  if (!token.sub) return token;
  const current = await getSessionVersion(await getDb(), token.sub);
  if (current === null || token.sv !== current) return {};
  return token;
}

function buildProviders(): NextAuthOptions["providers"] {
  const env = getEnv();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const ip = clientIpFrom(req?.headers as Record<string, string> | undefined);
        return authenticate(await getDb(), credentials, ip);
      },
    }),
  ];
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    providers.push(
      GitHubProvider({
        clientId: env.GITHUB_ID,
        clientSecret: env.GITHUB_SECRET,
        // Also asks GitHub which address is the verified primary one (see verifiedEmailOf).
        userinfo: { url: "https://api.github.com/user", request: fetchGitHubProfile },
      }),
    );
  }
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.push(
      GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET }),
    );
  }
  return providers;
}

let cached: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  cached ??= {
    secret: getEnv().NEXTAUTH_SECRET,
    // Secure (and __Secure-/__Host- prefixed) session cookies whenever the public URL is https.
    useSecureCookies: getEnv().isHttps,
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds, updateAge: sessionUpdateAgeSeconds },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: buildProviders(),
    logger: {
      error: (code, metadata) => {
        const error =
          metadata instanceof Error ? metadata : (metadata as { error?: unknown })?.error;
        logError(`next-auth:${code}`, error);
      },
      warn: (code) => console.warn(`[next-auth][warn] ${code}`),
      debug: () => {},
    },
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!account || account.provider === "credentials") return true;
        // OAuth: an account already linked signs in; otherwise only an email the provider says
        // is verified may link to (or create) a Postdeck user.
        const linked = await linkOAuthUser(await getDb(), {
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          verifiedEmail: verifiedEmailOf(account.provider, profile),
          name: user.name ?? profile?.name ?? "",
        });
        if (!linked) return "/sign-in?error=OAuthEmail";
        Object.assign(user, linked);
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
          return token;
        }
        return checkSessionToken(token);
      },
      async session({ session, token }) {
        if (!token.sub) return { expires: session.expires };
        if (session.user) (session.user as { id?: string }).id = token.sub;
        return Object.assign(session, { sessionVersion: token.sv });
      },
    },
  };
  return cached;
}

export function enabledOAuthProviders(): { id: string; name: string }[] {
  const env = getEnv();
  const list: { id: string; name: string }[] = [];
  if (env.GITHUB_ID && env.GITHUB_SECRET) list.push({ id: "github", name: "GitHub" });
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) list.push({ id: "google", name: "Google" });
  return list;
}
