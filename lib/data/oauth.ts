import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { oauthAccounts, users } from "@/lib/db/schema";
import type { SessionUser } from "./context";
import { createUser, findUserForSignIn } from "./users";

export type OAuthSignIn = {
  provider: string;
  providerAccountId: string;
  /** Only an address the provider asserts is verified; null when it does not. */
  verifiedEmail: string | null;
  name: string;
};

// A provider's display name is outside input: no control characters, and the length of ours.
const cleanName = (name: string) =>
  name
    .replace(/[\u0000-\u001F\u007F-\u009F]/g, "")
    .trim()
    .slice(0, 80);

type LinkedUser = SessionUser & { sessionVersion: number };

async function findLinkedUser(db: Db, provider: string, providerAccountId: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      sessionVersion: users.sessionVersion,
    })
    .from(oauthAccounts)
    .innerJoin(users, eq(users.id, oauthAccounts.userId))
    .where(
      and(
        eq(oauthAccounts.provider, provider),
        eq(oauthAccounts.providerAccountId, providerAccountId),
      ),
    );
  return row ?? null;
}

/**
 * The Postdeck user for an OAuth sign-in. The provider's account id decides first: once linked, it
 * signs in to that user whatever its email says today. An unlinked account links to an existing
 * user (a password account, say) or creates one only by an email the provider has verified, so
 * nobody can claim someone else's account by putting their address on a provider profile.
 * Returns null when there is no link and no verified email.
 */
export async function linkOAuthUser(db: Db, input: OAuthSignIn): Promise<LinkedUser | null> {
  const linked = await findLinkedUser(db, input.provider, input.providerAccountId);
  if (linked) return linked;
  if (!input.verifiedEmail) return null;
  const existing = await findUserForSignIn(db, input.verifiedEmail);
  const userId =
    existing?.id ??
    (
      await createUser(
        db,
        {
          email: input.verifiedEmail,
          name: cleanName(input.name) || input.verifiedEmail.split("@")[0],
          passwordHash: null,
        },
        { withWorkspace: true },
      )
    ).id;
  await db
    .insert(oauthAccounts)
    .values({ userId, provider: input.provider, providerAccountId: input.providerAccountId })
    .onConflictDoNothing();
  // Re-read through the link: if a concurrent sign-in linked this account first, its user wins.
  return findLinkedUser(db, input.provider, input.providerAccountId);
}
