import type { Context } from "hono";
import { scaled, TIMINGS } from "../config";
import type { SandboxContext } from "../core/context";
import type { App, AppEnv } from "../http/app-env";
import { readBody } from "../http/body";
import { unprocessable } from "../http/errors";
import { allMedia, cancelPostJobs } from "../lifecycle/pipeline";
import { findScopedPost } from "../posts/lookup";
import { removeMediaFiles } from "../posts/update";
import type { PlatformPostRecord } from "../store/types";

// TikTok and Instagram offer no delete API (postproxy-api.md §2.3, §8).
const NO_PLATFORM_DELETE = new Set(["tiktok", "instagram"]);

export function registerPostDeleteRoutes(app: App, ctx: SandboxContext): void {
  const findPost = (c: Context<AppEnv>) => findScopedPost(c, ctx.store);

  app.delete("/api/posts/:id", async (c) => {
    const post = findPost(c);
    if (c.req.query("delete_on_platform") === "true") {
      rejectUnsupported(post.platformPosts);
    }
    cancelPostJobs(ctx, post.id);
    ctx.store.state.posts = ctx.store.state.posts.filter((p) => p !== post);
    await removeMediaFiles(ctx, allMedia(post));
    return c.json({ deleted: true });
  });

  app.post("/api/posts/:id/delete_on_platform", async (c) => {
    const post = findPost(c);
    const body = await readBody(c, () => ctx.storage.newUploadPath());
    const selector = body.kind === "json" && isRecord(body.value) ? body.value : {};
    const targets = post.platformPosts.filter(
      (pp) => pp.status === "published" && selects(selector, pp),
    );
    rejectUnsupported(targets);
    for (const pp of targets) {
      pp.status = "pending_deletion";
      ctx.scheduler.schedule(
        { kind: "platform.delete", postId: post.id, platformPostId: pp.id },
        scaled(TIMINGS.platformDelete, ctx.config.timeScale),
      );
    }
    return c.json({
      success: true,
      deleting: targets.map((pp) => ({ post_profile_id: pp.id, platform: pp.platform })),
    });
  });
}

function rejectUnsupported(targets: PlatformPostRecord[]): void {
  const unsupported = [...new Set(targets.map((pp) => pp.platform))].filter((p) =>
    NO_PLATFORM_DELETE.has(p),
  );
  if (unsupported.length > 0) {
    throw unprocessable(
      unsupported.map((p) => `Deleting on the platform is not supported for ${p}`),
    );
  }
}

function selects(selector: Record<string, unknown>, pp: PlatformPostRecord): boolean {
  if (typeof selector.post_profile_id === "string") return pp.id === selector.post_profile_id;
  if (typeof selector.profile_id === "string") return pp.profileId === selector.profile_id;
  if (typeof selector.network === "string") return pp.platform === selector.network;
  return true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
