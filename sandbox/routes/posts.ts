import type { Context } from "hono";
import type { SandboxContext } from "../core/context";
import type { App, AppEnv } from "../http/app-env";
import { readBody } from "../http/body";
import { missingParam, unprocessable } from "../http/errors";
import {
  listParam,
  paginate,
  parsePage,
  requireScopeGroup,
  scopeGroup,
  timeParam,
} from "../http/query";
import { prefetchMedia, startPipeline } from "../lifecycle/pipeline";
import { buildPost } from "../posts/build";
import { checkStatusFilter, postMatches } from "../posts/filters";
import { parsePostInput } from "../posts/input";
import { updatePost } from "../posts/update";
import { parseScheduledAt, resolveProfiles, urlsOf, validateCandidate } from "../posts/validate";
import { findScopedPost } from "../posts/lookup";
import { serializePost } from "../serialize/post";

export function registerPostRoutes(app: App, ctx: SandboxContext): void {
  const { store } = ctx;
  const body = (c: Context<AppEnv>) => readBody(c, () => ctx.storage.newUploadPath());
  const findPost = (c: Context<AppEnv>) => findScopedPost(c, ctx.store);

  app.get("/api/posts", (c) => {
    const group = scopeGroup(c, store);
    const filters = {
      status: checkStatusFilter(c.req.query("status")),
      platforms: listParam(c, "platforms"),
      scheduledAfter: timeParam(c, "scheduled_after"),
    };
    const posts = store.state.posts
      .filter((p) => p.groupId === group?.id && postMatches(p, filters))
      .sort((a, b) => b.createdAt - a.createdAt);
    return c.json(paginate(posts, parsePage(c, 10), (p) => serializePost(ctx, p)));
  });

  app.get("/api/posts/:id", (c) => c.json(serializePost(ctx, findPost(c))));

  app.post("/api/posts", async (c) => {
    const group = requireScopeGroup(c, store);
    const input = parsePostInput(await body(c));
    if (!input.post) throw missingParam("post");
    const resolved = resolveProfiles(store, group.id, input.profiles ?? []);
    const scheduledAt = input.post.scheduled_at ?? null;
    const errors = [
      ...resolved.errors,
      ...validateCandidate({
        body: input.post.body ?? "",
        scheduledAt,
        profiles: resolved.profiles,
        mediaCount: input.media?.length ?? 0,
        mediaUrls: [
          ...urlsOf(input.media),
          ...(input.thread ?? []).flatMap((t) => urlsOf(t.media)),
        ],
        platforms: input.platforms ?? {},
        threadCount: input.thread?.length ?? 0,
        queueId: input.queue_id ?? null,
        queuePriority: input.queue_priority ?? null,
      }),
    ];
    if (errors.length > 0) throw unprocessable(errors);
    const post = await buildPost(ctx, {
      groupId: group.id,
      body: input.post.body ?? "",
      draft: input.post.draft ?? false,
      scheduledAt: parseScheduledAt(scheduledAt),
      profiles: resolved.profiles,
      media: input.media ?? [],
      platforms: input.platforms ?? {},
      thread: input.thread ?? [],
      queuePriority: input.queue_priority ?? null,
    });
    store.state.posts.push(post);
    if (post.draft) prefetchMedia(ctx, post);
    else startPipeline(ctx, post);
    // The collection asserts 200 here; the SDKs accept any 2xx.
    return c.json(serializePost(ctx, post), 200);
  });

  app.patch("/api/posts/:id", async (c) => {
    const post = findPost(c);
    await updatePost(ctx, post, parsePostInput(await body(c)));
    return c.json(serializePost(ctx, post));
  });

  app.post("/api/posts/:id/publish", (c) => {
    const post = findPost(c);
    if (post.status !== "draft") throw unprocessable(["Only draft posts can be published"]);
    post.updatedAt = ctx.clock.now();
    startPipeline(ctx, post);
    return c.json(serializePost(ctx, post));
  });
}
