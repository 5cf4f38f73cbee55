import {
  boolean,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt } from "./enums";
import { workspaceRef, workspaceKey } from "./accounts";

// Tables list their columns whole, as drizzle-kit reads them: alike runs across tables stay.

/**
 * The workspace's webhook receiver: `/api/webhooks/postproxy/<urlId>` selects it, so the id is
 * unguessable; the secret (and, for a short window after a re-registration, the previous one) is
 * stored encrypted. `apiKeyFingerprint` says which Postproxy key made the registration, so it is
 * deleted with that key when the key is replaced.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    workspaceId: workspaceKey(),
    urlId: text().notNull(),
    postproxyWebhookId: text(),
    secretCiphertext: text(),
    previousSecretCiphertext: text(),
    previousSecretUntil: timestamp({ withTimezone: true }),
    apiKeyFingerprint: text(),
    url: text(),
    events: jsonb().$type<string[]>().notNull().default([]),
    enabled: boolean().notNull().default(true),
    checkedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [uniqueIndex("webhook_endpoints_url_id_idx").on(t.urlId)],
);

/**
 * Every verified delivery, recorded before it is applied: the unique event id makes a repeated
 * delivery a no-op; `appliedAt` null with `waitingFor` set keeps an event about a Postproxy post
 * whose create answer has not been recorded yet, to apply when the target appears.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    eventId: text().notNull(),
    type: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    waitingFor: text(),
    appliedAt: timestamp({ withTimezone: true }),
    outcome: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_event_idx").on(t.workspaceId, t.eventId),
    index("webhook_deliveries_waiting_idx").on(t.workspaceId, t.waitingFor),
  ],
);
