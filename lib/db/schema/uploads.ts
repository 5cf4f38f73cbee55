import { boolean, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Who may write an upload right now (the tus lock across app servers): a lease with an expiry,
 * renewed by the server whose PATCH is running, taken over once it has expired. No row: free.
 * Keyed by the tus upload id and not tied to media_files, so a lock can outlive nothing it guards.
 */
export const uploadLeases = pgTable("upload_leases", {
  uploadId: text().primaryKey(),
  /** A random token of the lock instance that holds the lease. */
  holder: text().notNull(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  /** Set by a request that wants the upload: the holder's next renewal stops its PATCH. */
  releaseRequested: boolean().notNull().default(false),
});
