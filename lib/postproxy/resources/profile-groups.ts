import "server-only";
// Each resource spells out its endpoints (method, path, schema) like the others in resources/: one
// line a Postproxy endpoint reads against its docs; a generic CRUD factory would hide the paths.
import type { CallOptions, Requester, WriteOptions } from "../http";
import {
  connectionSchema,
  deletedSchema,
  listSchema,
  profileGroupSchema,
  type Platform,
} from "../schemas";

export interface InitializeConnectionInput {
  platform: Platform;
  /** Where Postproxy sends the user back after the network's consent page. */
  redirectUrl: string;
}

const path = (id: string) => `/api/profile_groups/${encodeURIComponent(id)}`;

export function profileGroupsResource(request: Requester) {
  return {
    list: (options?: CallOptions) =>
      request({
        method: "GET",
        path: "/api/profile_groups",
        schema: listSchema(profileGroupSchema),
        ...options,
      }),

    get: (id: string, options?: CallOptions) =>
      request({ method: "GET", path: path(id), schema: profileGroupSchema, ...options }),

    create: (name: string, options?: WriteOptions) =>
      request({
        method: "POST",
        path: "/api/profile_groups",
        json: { profile_group: { name } },
        schema: profileGroupSchema,
        ...options,
      }),

    delete: (id: string, options?: WriteOptions) =>
      request({ method: "DELETE", path: path(id), schema: deletedSchema, ...options }),

    initializeConnection: (id: string, input: InitializeConnectionInput, options?: WriteOptions) =>
      request({
        method: "POST",
        path: `${path(id)}/initialize_connection`,
        json: { platform: input.platform, redirect_url: input.redirectUrl },
        schema: connectionSchema,
        ...options,
      }),
  };
}
