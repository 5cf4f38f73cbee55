import { index, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { users, workspaces } from "./accounts";
import { createdAt } from "./enums";
import { posts, postTargets } from "./posts";

export const postEventSources = ["user", "submit", "webhook", "sync", "system"] as const;
export type PostEventSource = (typeof postEventSources)[number];
export const postEventSourceEnum = pgEnum("post_event_source", postEventSources);

/**
 * A post's timeline: every status change and every action, oldest first when read. `kind` names
 * what happened ("edited", "edit_refused", "cancelled", "cancel_refused", "status", "retried");
 * `detail` carries what the page shows about it (changed fields, Postproxy's reason).
 */
export const postEvents = pgTable(
  "post_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    postId: uuid()
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    targetId: uuid().references(() => postTargets.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    fromStatus: text(),
    toStatus: text(),
    source: postEventSourceEnum().notNull(),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    detail: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("post_events_post_created_idx").on(t.workspaceId, t.postId, t.createdAt)],
);
