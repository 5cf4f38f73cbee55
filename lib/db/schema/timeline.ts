import { index, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { postEventSources } from "@/lib/validation/post-view";
import { targetStatusEnum, createdAt } from "./enums";
import { users, workspaceRef } from "./accounts";
import { posts, postTargets } from "./posts";

// Tables list their columns whole, as drizzle-kit reads them: alike runs across tables stay.

export const postEventSourceEnum = pgEnum("post_event_source", postEventSources);

/**
 * A post's timeline: every status change and every action on it, written by the status core.
 * Also what the post page shows under "History", oldest first.
 */
export const postEvents = pgTable(
  "post_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    postId: uuid()
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    targetId: uuid().references(() => postTargets.id, { onDelete: "set null" }),
    /** What happened: `status`, `submitted`, `replayed`, `not_found`, `key_changed`, … */
    kind: text().notNull(),
    fromStatus: targetStatusEnum(),
    toStatus: targetStatusEnum(),
    source: postEventSourceEnum().notNull(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    detail: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("post_events_post_idx").on(t.workspaceId, t.postId, t.createdAt)],
);
