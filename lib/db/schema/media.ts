import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { mediaKindEnum, mediaStatusEnum, mediaUsageStatusEnum, createdAt } from "./enums";
import { users, workspaceRef } from "./accounts";
import { posts } from "./posts";

// Tables list their columns whole, as drizzle-kit reads them: alike runs across tables stay.

/**
 * A file of a workspace's media library. The id is also the storage key (tus upload id), chosen by
 * the server; the user's file name is only a label. Facts are probed from the bytes after upload.
 */
export const mediaFiles = pgTable(
  "media_files",
  {
    id: uuid().primaryKey(),
    workspaceId: workspaceRef(),
    uploadedById: uuid().references(() => users.id, { onDelete: "set null" }),
    name: text().notNull(),
    declaredType: text().notNull().default(""),
    status: mediaStatusEnum().notNull().default("uploading"),
    kind: mediaKindEnum().notNull(),
    size: bigint({ mode: "number" }).notNull(),
    mime: text(),
    container: text(),
    durationSec: doublePrecision(),
    width: integer(),
    height: integer(),
    frameRate: doublePrecision(),
    rejectReason: text(),
    hasThumbnail: boolean().notNull().default(false),
    convertedFromId: uuid().references((): AnyPgColumn => mediaFiles.id, {
      onDelete: "set null",
    }),
    firstAttachedAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    // The library's three keyset orders (newest, name, size), each within a workspace.
    index("media_files_workspace_idx").on(t.workspaceId, t.createdAt, t.id),
    index("media_files_workspace_name_idx").on(t.workspaceId, sql`lower(${t.name})`, t.id),
    index("media_files_workspace_size_idx").on(t.workspaceId, t.size, t.id),
    index("media_files_uploaded_by_idx").on(t.uploadedById),
    index("media_files_converted_from_idx").on(t.convertedFromId),
    index("media_files_status_idx").on(t.status, t.createdAt),
  ],
);

/** Which post uses which file, in the post's order (`position`); deleting the post removes them. */
export const mediaUsages = pgTable(
  "media_usages",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    mediaId: uuid()
      .notNull()
      .references(() => mediaFiles.id, { onDelete: "cascade" }),
    postId: uuid()
      .notNull()
      .references((): AnyPgColumn => posts.id, { onDelete: "cascade" }),
    status: mediaUsageStatusEnum().notNull().default("draft"),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: createdAt().$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex("media_usages_media_post_idx").on(t.mediaId, t.postId),
    index("media_usages_workspace_idx").on(t.workspaceId),
    index("media_usages_post_idx").on(t.postId),
    index("media_usages_status_idx").on(t.mediaId, t.status),
  ],
);
