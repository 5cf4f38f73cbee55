import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { oauthAccounts } from "@/lib/db/schema";
import type { SessionUser } from "./context";
import { createUser, findUserForSignIn } from "./users";

export async function linkOAuthUser(
  db: Db,
  input: { provider: string; providerAccountId: string; email: string; name: string },
): Promise<SessionUser> {
  const [linked] = await db
    .select({ userId: oauthAccounts.userId })
    .from(oauthAccounts)
    .where(
      and(
        eq(oauthAccounts.provider, input.provider),
        eq(oauthAccounts.providerAccountId, input.providerAccountId),
      ),
    );
  const existing = await findUserForSignIn(db, input.email);
  if (linked && existing && existing.id === linked.userId) return existing;
  const user =
    existing ??
    (await createUser(
      db,
      { email: input.email, name: input.name, passwordHash: null },
      { withWorkspace: true },
    ));
  if (!linked) {
    await db
      .insert(oauthAccounts)
      .values({
        userId: user.id,
        provider: input.provider,
        providerAccountId: input.providerAccountId,
      })
      .onConflictDoNothing();
  }
  return { id: user.id, email: user.email, name: user.name };
}
