import "server-only";
import { and, eq } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { encryptSecret, postproxyKeyContext } from "@/lib/security/encryption";
import type { Db } from "./client";
import { memberships, users, workspaces } from "./schema";

export const demoLogin = { email: "demo@postdeck.dev", password: "postdeck-demo" } as const;

/**
 * The demo user and workspace, holding the sandbox's key. Safe to run on every start: an
 * existing demo account keeps its data and only gets the current sandbox key.
 */
export async function seedDemo(db: Db, options: { apiKey: string; encryptionKey: Buffer }) {
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, demoLogin.email));
  const userId =
    existing?.id ??
    (
      await db
        .insert(users)
        .values({
          email: demoLogin.email,
          name: "Demo Manager",
          passwordHash: await hashPassword(demoLogin.password),
        })
        .returning({ id: users.id })
    )[0].id;

  const [owned] = await db
    .select({ id: workspaces.id })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.userId, userId), eq(workspaces.name, "Demo Agency")));
  const workspaceId =
    owned?.id ??
    (
      await db
        .insert(workspaces)
        .values({ name: "Demo Agency", timezone: "America/New_York" })
        .returning({ id: workspaces.id })
    )[0].id;
  if (!owned) {
    await db.insert(memberships).values({ workspaceId, userId, role: "owner" });
    await db.update(users).set({ lastWorkspaceId: workspaceId }).where(eq(users.id, userId));
  }

  await db
    .update(workspaces)
    .set({
      postproxyKeyCiphertext: encryptSecret(
        options.apiKey,
        options.encryptionKey,
        postproxyKeyContext(workspaceId),
      ),
      postproxyKeyLast4: options.apiKey.slice(-4),
      postproxyKeyUpdatedAt: new Date(),
    })
    .where(eq(workspaces.id, workspaceId));
  return { userId, workspaceId };
}
