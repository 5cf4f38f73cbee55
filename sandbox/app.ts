import { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { SandboxContext } from "./core/context";
import { faultMiddleware } from "./faults/middleware";
import type { App, AppEnv } from "./http/app-env";
import { ApiError } from "./http/errors";
import { idempotency } from "./http/idempotency";
import { bearerAuth, requestCleanup, requestMeta } from "./http/middleware";
import { registerAdminRoutes } from "./routes/admin";
import { registerAssetRoutes } from "./routes/assets";
import { registerConnectRoutes } from "./routes/connect";
import { registerPostDeleteRoutes } from "./routes/post-delete";
import { registerPostRoutes } from "./routes/posts";
import { registerProfileGroupRoutes } from "./routes/profile-groups";
import { registerProfileRoutes } from "./routes/profiles";
import { registerStatsRoutes } from "./routes/stats";
import { registerWebhookRoutes } from "./routes/webhooks";
import type { ResetOptions } from "./seed/reset";

export function buildApp(ctx: SandboxContext, reset: ResetOptions): App {
  const app = new Hono<AppEnv>();
  app.use("*", requestMeta(ctx));
  app.use("*", requestCleanup(ctx));
  // Faults sit in front of auth, like an edge proxy; idempotency needs an authenticated caller.
  app.use("/api/*", faultMiddleware(ctx));
  app.use("/api/*", bearerAuth(ctx));
  app.use("/api/*", idempotency(ctx));

  registerProfileGroupRoutes(app, ctx);
  // Stats first: /api/posts/stats must not be taken for /api/posts/:id.
  registerStatsRoutes(app, ctx);
  registerProfileRoutes(app, ctx);
  registerPostRoutes(app, ctx);
  registerPostDeleteRoutes(app, ctx);
  registerWebhookRoutes(app, ctx);
  registerConnectRoutes(app, ctx);
  registerAssetRoutes(app, ctx);
  registerAdminRoutes(app, ctx, reset);

  app.notFound((c) => c.json({ error: "Not found" }, 404));
  app.onError((error, c) => {
    if (error instanceof ApiError) {
      return c.json(error.body, error.status as ContentfulStatusCode, error.headers);
    }
    ctx.log(`unexpected error: ${error.stack ?? String(error)}`);
    return c.json({ error: "Internal Server Error" }, 500);
  });
  return app;
}
