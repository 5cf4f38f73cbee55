import { sql } from "drizzle-orm";
import {
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { alertKinds } from "@/lib/validation/alerts";
import { workspaceRef, userRef, workspaceKey } from "./accounts";
import { createdAt } from "./enums";
import { posts, postTargets } from "./posts";

// Tables list their columns whole, as drizzle-kit reads them: alike runs across tables stay.

const tz = () => timestamp({ withTimezone: true });

export const alertKindEnum = pgEnum("alert_kind", alertKinds);

/**
 * One alert: the in-app notification and the outbox of its email and Slack sends. Written in the
 * same transaction as the change that raised it; `dedupeKey` is unique per workspace, so a replayed
 * webhook or a second sync raising the same event adds nothing.
 */
export const alerts = pgTable(
  "alerts",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    postId: uuid()
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    targetId: uuid().references(() => postTargets.id, { onDelete: "cascade" }),
    kind: alertKindEnum().notNull(),
    dedupeKey: text().notNull(),
    profileName: text().notNull(),
    headline: text().notNull(),
    detail: text().notNull(),
    whoActs: text().notNull(),
    fix: text().notNull(),
    createdAt: createdAt(),
    /** Outbox: null while a send is owed (or being tried); set once delivered or not owed. */
    emailDoneAt: tz(),
    slackDoneAt: tz(),
    attempts: integer().notNull().default(0),
    /** When the drain may take it next (a claim pushes it forward; a failure backs off). */
    nextAttemptAt: tz().notNull().defaultNow(),
    lastError: text(),
  },
  (t) => [
    uniqueIndex("alerts_workspace_dedupe_idx").on(t.workspaceId, t.dedupeKey),
    index("alerts_workspace_created_idx").on(t.workspaceId, t.createdAt),
    index("alerts_post_idx").on(t.postId),
    index("alerts_target_idx").on(t.targetId),
    index("alerts_outbox_idx")
      .on(t.nextAttemptAt)
      .where(sql`email_done_at is null or slack_done_at is null`),
  ],
);

/** Who has read which alert (read state is per member). */
export const alertReads = pgTable(
  "alert_reads",
  {
    alertId: uuid()
      .notNull()
      .references(() => alerts.id, { onDelete: "cascade" }),
    userId: userRef(),
    readAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.alertId, t.userId] }),
    index("alert_reads_user_idx").on(t.userId),
  ],
);

/** A workspace's Slack-compatible incoming webhook, encrypted like the Postproxy key. */
export const alertSettings = pgTable("alert_settings", {
  workspaceId: workspaceKey(),
  slackUrlCiphertext: text(),
  /** The URL's host, shown in Settings so the owner knows which one is set. */
  slackUrlHost: text(),
  updatedAt: createdAt(),
});

/** Members who turned email alerts off for themselves in one workspace. */
export const alertEmailOptOuts = pgTable(
  "alert_email_opt_outs",
  {
    workspaceId: workspaceRef(),
    userId: userRef(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId] }),
    index("alert_email_opt_outs_user_idx").on(t.userId),
  ],
);
