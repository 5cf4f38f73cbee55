import "server-only";
// Each resource spells out its endpoints (method, path, schema) like the others in resources/: one
// line a Postproxy endpoint reads against its docs; a generic CRUD factory would hide the paths.
import type { CallOptions, Requester, WriteOptions } from "../http";
import {
  deletedSchema,
  listSchema,
  pageSchema,
  webhookDeliverySchema,
  webhookSchema,
} from "../schemas";

export interface CreateWebhookInput {
  /** HTTPS on the real API. */
  url: string;
  /** Event types, or ["*"] for all. */
  events: string[];
  description?: string;
}

export interface UpdateWebhookInput {
  url?: string;
  events?: string[];
  enabled?: boolean;
  description?: string;
}

const path = (id: string) => `/api/webhooks/${encodeURIComponent(id)}`;

export function webhooksResource(request: Requester) {
  return {
    list: (options?: CallOptions) =>
      request({
        method: "GET",
        path: "/api/webhooks",
        schema: listSchema(webhookSchema),
        ...options,
      }),

    get: (id: string, options?: CallOptions) =>
      request({ method: "GET", path: path(id), schema: webhookSchema, ...options }),

    /** The response carries the signing `secret`: store it encrypted, never log it. */
    create: (input: CreateWebhookInput, options?: WriteOptions) =>
      request({
        method: "POST",
        path: "/api/webhooks",
        json: input,
        schema: webhookSchema,
        ...options,
      }),

    update: (id: string, input: UpdateWebhookInput, options?: WriteOptions) =>
      request({ method: "PATCH", path: path(id), json: input, schema: webhookSchema, ...options }),

    delete: (id: string, options?: WriteOptions) =>
      request({ method: "DELETE", path: path(id), schema: deletedSchema, ...options }),

    deliveries: (
      id: string,
      query: { page?: number; perPage?: number } = {},
      options?: CallOptions,
    ) =>
      request({
        method: "GET",
        path: `${path(id)}/deliveries`,
        query: { page: query.page, per_page: query.perPage },
        schema: pageSchema(webhookDeliverySchema),
        ...options,
      }),
  };
}
