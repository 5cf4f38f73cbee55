import "server-only";

type GitHubEmail = { email?: unknown; primary?: unknown; verified?: unknown };

/** GitHub's primary address, only if GitHub has verified it. */
export function githubPrimaryVerifiedEmail(emails: unknown): string | null {
  if (!Array.isArray(emails)) return null;
  const primary = (emails as GitHubEmail[]).find((e) => e?.primary === true);
  return primary?.verified === true && typeof primary.email === "string" ? primary.email : null;
}

/**
 * GitHub's user endpoint does not say whether its email is verified, so the profile is completed
 * from /user/emails: its email becomes the verified primary address (or none), marked verified.
 */
export async function fetchGitHubProfile({
  client,
  tokens,
}: {
  client: { userinfo: (accessToken: string) => Promise<Record<string, unknown>> };
  tokens: { access_token?: string };
}): Promise<Record<string, unknown>> {
  const accessToken = tokens.access_token ?? "";
  const profile = await client.userinfo(accessToken);
  const response = await fetch("https://api.github.com/user/emails", {
    headers: {
      Authorization: `Bearer ${accessToken}`,
      Accept: "application/vnd.github+json",
      "User-Agent": "Postdeck",
    },
    signal: AbortSignal.timeout(10_000),
  });
  const email = response.ok ? githubPrimaryVerifiedEmail(await response.json()) : null;
  return { ...profile, email, email_verified: email !== null };
}

/**
 * The email an OAuth provider vouches for, or null. Google says so in the ID token
 * (`email_verified`); for GitHub, fetchGitHubProfile sets it from the verified primary address.
 * Providers not listed here are never trusted with an email.
 */
export function verifiedEmailOf(provider: string, profile: unknown): string | null {
  const p = (profile ?? {}) as { email?: unknown; email_verified?: unknown };
  if (typeof p.email !== "string" || !p.email.includes("@")) return null;
  const verified =
    provider === "google"
      ? p.email_verified === true || p.email_verified === "true"
      : provider === "github"
        ? p.email_verified === true
        : false;
  return verified ? p.email.trim().toLowerCase() : null;
}
