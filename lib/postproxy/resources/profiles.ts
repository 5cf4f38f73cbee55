import "server-only";
// Each resource spells out its endpoints (method, path, schema) like the others in resources/: one
// line a Postproxy endpoint reads against its docs; a generic CRUD factory would hide the paths.
import type { CallOptions, Requester, WriteOptions } from "../http";
import {
  listSchema,
  placementSchema,
  profileSchema,
  profileStatsSchema,
  successSchema,
} from "../schemas";

export interface ProfileStatsQuery {
  from?: string | Date;
  to?: string | Date;
  /** Required by Postproxy for facebook, linkedin and telegram; ignored for TikTok. */
  placementId?: string;
}

const path = (id: string) => `/api/profiles/${encodeURIComponent(id)}`;

export function profilesResource(request: Requester) {
  return {
    /** Without a profileGroupId (here or on the client) Postproxy lists every accessible group. */
    list: (options?: CallOptions) =>
      request({
        method: "GET",
        path: "/api/profiles",
        schema: listSchema(profileSchema),
        ...options,
      }),

    get: (id: string, options?: CallOptions) =>
      request({ method: "GET", path: path(id), schema: profileSchema, ...options }),

    placements: (id: string, options?: CallOptions) =>
      request({
        method: "GET",
        path: `${path(id)}/placements`,
        schema: listSchema(placementSchema),
        ...options,
      }),

    delete: (id: string, options?: WriteOptions) =>
      request({ method: "DELETE", path: path(id), schema: successSchema, ...options }),

    stats: (id: string, query: ProfileStatsQuery = {}, options?: CallOptions) =>
      request({
        method: "GET",
        path: `${path(id)}/stats`,
        query: { from: query.from, to: query.to, placement_id: query.placementId },
        schema: profileStatsSchema,
        ...options,
      }),
  };
}
