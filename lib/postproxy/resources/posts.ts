import "server-only";
// Each resource spells out its endpoints (method, path, schema) like the others in resources/: one
// line a Postproxy endpoint reads against its docs; a generic CRUD factory would hide the paths.
import type { CallOptions, Requester, WriteOptions } from "../http";
import { createMultipartBody } from "../multipart";
import {
  toPostFormFields,
  toPostJson,
  type CreateMultipartPostInput,
  type CreatePostInput,
  type UpdatePostInput,
} from "../post-input";
import {
  deletedSchema,
  pageSchema,
  postSchema,
  postStatsSchema,
  type Platform,
  type PostStats,
  type PostStatus,
} from "../schemas";

export interface ListPostsQuery {
  /** Zero-based. */
  page?: number;
  perPage?: number;
  status?: PostStatus | "published" | "failed";
  platforms?: Platform[];
  scheduledAfter?: string | Date;
}

export interface PostStatsQuery {
  postIds: string[];
  /** Profile ids or network names. */
  profiles?: string[];
  from?: string | Date;
  to?: string | Date;
}

/** Postproxy takes at most this many post ids per stats request. */
export const maxPostIdsPerStatsRequest = 50;

const path = (id: string) => `/api/posts/${encodeURIComponent(id)}`;

export function postsResource(request: Requester) {
  async function statsChunk(postIds: string[], query: PostStatsQuery, options?: CallOptions) {
    return request({
      method: "GET",
      path: "/api/posts/stats",
      query: {
        post_ids: postIds.join(","),
        profiles: query.profiles?.join(","),
        from: query.from,
        to: query.to,
      },
      schema: postStatsSchema,
      ...options,
    });
  }

  return {
    list: (query: ListPostsQuery = {}, options?: CallOptions) =>
      request({
        method: "GET",
        path: "/api/posts",
        query: {
          page: query.page,
          per_page: query.perPage,
          status: query.status,
          // Comma-separated as the official SDK sends it; Postproxy also reads platforms[].
          platforms: query.platforms?.join(","),
          scheduled_after: query.scheduledAfter,
        },
        schema: pageSchema(postSchema),
        ...options,
      }),

    get: (id: string, options?: CallOptions) =>
      request({ method: "GET", path: path(id), schema: postSchema, ...options }),

    create: (input: CreatePostInput, options?: WriteOptions) =>
      request({
        method: "POST",
        path: "/api/posts",
        json: toPostJson(input),
        schema: postSchema,
        ...options,
      }),

    /** Streams local files from disk; the body is rebuilt from the files on each retry. */
    createMultipart: async (input: CreateMultipartPostInput, options?: WriteOptions) =>
      request({
        method: "POST",
        path: "/api/posts",
        multipart: await createMultipartBody(toPostFormFields(input)),
        schema: postSchema,
        ...options,
      }),

    update: (id: string, input: UpdatePostInput, options?: WriteOptions) =>
      request({
        method: "PATCH",
        path: path(id),
        json: toPostJson(input),
        schema: postSchema,
        ...options,
      }),

    publish: (id: string, options?: WriteOptions) =>
      request({ method: "POST", path: `${path(id)}/publish`, schema: postSchema, ...options }),

    delete: (id: string, query: { deleteOnPlatform?: boolean } = {}, options?: WriteOptions) =>
      request({
        method: "DELETE",
        path: path(id),
        query: { delete_on_platform: query.deleteOnPlatform ? true : undefined },
        schema: deletedSchema,
        ...options,
      }),

    /** More than 50 post ids are split into several requests and merged. */
    stats: async (query: PostStatsQuery, options?: CallOptions): Promise<PostStats> => {
      const merged: PostStats = { data: {} };
      for (let start = 0; start < query.postIds.length; start += maxPostIdsPerStatsRequest) {
        const ids = query.postIds.slice(start, start + maxPostIdsPerStatsRequest);
        Object.assign(merged.data, (await statsChunk(ids, query, options)).data);
      }
      return merged;
    },
  };
}
