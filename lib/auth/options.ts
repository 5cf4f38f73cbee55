import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { linkOAuthUser } from "@/lib/data/oauth";
import { clientIpFrom } from "./client-ip";
import { authenticate } from "./sign-in";

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
    providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
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
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: buildProviders(),
    callbacks: {
      async signIn({ user, account }) {
        if (!account || account.provider === "credentials") return true;
        // OAuth: only a verified email from the provider links to (or creates) a Postdeck user.
        if (!user.email) return "/sign-in?error=OAuthEmail";
        const linked = await linkOAuthUser(await getDb(), {
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email: user.email,
          name: user.name ?? user.email.split("@")[0],
        });
        user.id = linked.id;
        return true;
      },
      async jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
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
