import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Who runs a periodic job now: taken with one atomic upsert that succeeds only when the previous
 * lease ended, so several app servers never run the sync at once, no connection is held while it
 * runs (PGlite has one), and a server that dies mid-run frees it when the lease expires.
 */
export const jobLeases = pgTable("job_leases", {
  name: text().primaryKey(),
  holder: text().notNull(),
  until: timestamp({ withTimezone: true }).notNull(),
});
