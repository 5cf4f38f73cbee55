import type { Context } from "hono";
import type { AppEnv } from "../http/app-env";
import { notFound } from "../http/errors";
import { requireScopeGroup } from "../http/query";
import type { Store } from "../store/store";
import type { PostRecord } from "../store/types";

/** The `:id` post, if it belongs to the scoped group; anything else is a plain 404. */
export function findScopedPost(c: Context<AppEnv>, store: Store): PostRecord {
  const group = requireScopeGroup(c, store);
  const post = store.post(c.req.param("id") ?? "");
  if (!post || post.groupId !== group.id) throw notFound();
  return post;
}
