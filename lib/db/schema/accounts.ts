import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { auditStatusEnum, inviteRoleEnum, workspaceRoleEnum, createdAt } from "./enums";

// Tables list their columns whole, as drizzle-kit reads them: alike runs across tables stay.

/** A workspace id column: required, and the row goes when its workspace does. */
export function workspaceRef() {
  return uuid()
    .notNull()
    .references(() => workspaces.id, { onDelete: "cascade" });
}

/** The key of a one-row-per-workspace table: the row goes when its workspace does. */
export function workspaceKey() {
  return uuid()
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" });
}

/** A user id column: required, and the row goes when its user does. */
export function userRef() {
  return uuid()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });
}

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull().unique(),
    name: text().notNull(),
    passwordHash: text(),
    // Bumped by "Sign out everywhere" and password changes; sessions carrying an older one are refused.
    sessionVersion: integer().notNull().default(0),
    lastWorkspaceId: uuid().references((): AnyPgColumn => workspaces.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("users_last_workspace_idx").on(t.lastWorkspaceId)],
);

export const oauthAccounts = pgTable(
  "oauth_accounts",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: userRef(),
    provider: text().notNull(),
    providerAccountId: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("oauth_accounts_provider_account_idx").on(t.provider, t.providerAccountId),
    index("oauth_accounts_user_idx").on(t.userId),
  ],
);

export const workspaces = pgTable("workspaces", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  timezone: text().notNull().default("UTC"),
  tiktokAuditStatus: auditStatusEnum().notNull().default("unknown"),
  postproxyKeyCiphertext: text(),
  postproxyKeyLast4: text(),
  postproxyKeyUpdatedAt: timestamp({ withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: createdAt().$onUpdate(() => new Date()),
});

export const memberships = pgTable(
  "memberships",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    userId: userRef(),
    role: workspaceRoleEnum().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_workspace_user_idx").on(t.workspaceId, t.userId),
    index("memberships_user_idx").on(t.userId),
  ],
);

export const invites = pgTable(
  "invites",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    role: inviteRoleEnum().notNull(),
    tokenHash: text().notNull().unique(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    usedById: uuid().references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("invites_workspace_idx").on(t.workspaceId),
    index("invites_created_by_idx").on(t.createdById),
    index("invites_used_by_idx").on(t.usedById),
  ],
);

export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    ip: text().notNull(),
    success: boolean().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.email, t.createdAt),
    index("sign_in_attempts_ip_idx").on(t.ip, t.createdAt),
  ],
);

/** Any counted event a limit applies to (sign-ups per IP, reset requests per email, …). */
export const rateLimitHits = pgTable(
  "rate_limit_hits",
  {
    id: uuid().primaryKey().defaultRandom(),
    scope: text().notNull(),
    key: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("rate_limit_hits_scope_key_idx").on(t.scope, t.key, t.createdAt)],
);

/** One-time password reset links (emailed, or issued by an owner); only the token's hash is kept. */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: userRef(),
    tokenHash: text().notNull().unique(),
    issuedById: uuid().references(() => users.id, { onDelete: "set null" }),
    workspaceId: uuid().references(() => workspaces.id, { onDelete: "cascade" }),
    /** For an owner-issued link: the membership it was issued for (checked again at use). */
    membershipId: uuid().references(() => memberships.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("password_reset_tokens_user_idx").on(t.userId),
    index("password_reset_tokens_issued_by_idx").on(t.issuedById),
    index("password_reset_tokens_workspace_idx").on(t.workspaceId),
    index("password_reset_tokens_membership_idx").on(t.membershipId),
  ],
);
