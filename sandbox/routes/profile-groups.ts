import { isHttpUrl } from "../core/urls";
import type { Context } from "hono";
import type { SandboxContext } from "../core/context";
import { newId } from "../core/ids";
import { createSession } from "../connect/sessions";
import type { App, AppEnv } from "../http/app-env";
import { readBody } from "../http/body";
import { badRequest, missingParam, notFound, unprocessable } from "../http/errors";
import { serializeGroup } from "../serialize/profile";
import { isPlatform, PLATFORMS } from "../store/types";

// Bluesky and Telegram connect with credentials, not a consent page.
const OAUTH_NETWORKS = new Set<string>(
  PLATFORMS.filter((p) => p !== "bluesky" && p !== "telegram"),
);

export function registerProfileGroupRoutes(app: App, ctx: SandboxContext): void {
  const { store } = ctx;
  const jsonBody = async (c: Context<AppEnv>): Promise<Record<string, unknown>> => {
    const body = await readBody(c, () => ctx.storage.newUploadPath());
    if (body.kind === "empty") return {};
    if (
      body.kind !== "json" ||
      typeof body.value !== "object" ||
      body.value === null ||
      Array.isArray(body.value)
    ) {
      throw badRequest("Request body must be a JSON object");
    }
    return body.value as Record<string, unknown>;
  };
  const findGroup = (c: Context<AppEnv>) => {
    const group = store.group(c.req.param("id") ?? "");
    if (!group) throw notFound();
    return group;
  };

  app.get("/api/profile_groups", (c) =>
    c.json({ data: store.state.groups.map((g) => serializeGroup(ctx, g)) }),
  );

  app.get("/api/profile_groups/:id", (c) => c.json(serializeGroup(ctx, findGroup(c))));

  app.post("/api/profile_groups", async (c) => {
    const body = await jsonBody(c);
    const params = body.profile_group;
    if (typeof params !== "object" || params === null) throw missingParam("profile_group");
    const name = (params as Record<string, unknown>).name;
    if (typeof name !== "string" || name.trim() === "")
      throw unprocessable(["Name can't be blank"]);
    const group = { id: newId("grp_"), name: name.trim(), createdAt: ctx.clock.now() };
    store.state.groups.push(group);
    return c.json(serializeGroup(ctx, group), 201);
  });

  app.delete("/api/profile_groups/:id", (c) => {
    const group = findGroup(c);
    if (store.profilesOf(group.id).length > 0) {
      throw unprocessable(["Profile group still has profiles; delete them first"]);
    }
    store.state.groups = store.state.groups.filter((g) => g !== group);
    return c.json({ deleted: true });
  });

  app.post("/api/profile_groups/:id/initialize_connection", async (c) => {
    const group = findGroup(c);
    const body = await jsonBody(c);
    const { platform, redirect_url: redirectUrl } = body;
    if (platform === undefined || platform === null || platform === "")
      throw missingParam("platform");
    if (typeof platform !== "string" || !isPlatform(platform) || !OAUTH_NETWORKS.has(platform)) {
      throw unprocessable([`Platform is not supported: ${String(platform)}`]);
    }
    if (redirectUrl === undefined || redirectUrl === null || redirectUrl === "") {
      throw missingParam("redirect_url");
    }
    if (typeof redirectUrl !== "string" || !isHttpUrl(redirectUrl)) {
      throw unprocessable(["Redirect url must be an absolute http(s) URL"]);
    }
    const session = createSession(ctx, group.id, platform, redirectUrl);
    return c.json({
      url: `${ctx.config.publicUrl}/__sandbox/connect/${session.id}`,
      success: true,
    });
  });
}
