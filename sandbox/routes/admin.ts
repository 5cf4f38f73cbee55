import type { Context } from "hono";
import { z } from "zod";
import type { SandboxContext } from "../core/context";
import { applyFaultInput, faultInputSchema } from "../faults/faults";
import type { App, AppEnv } from "../http/app-env";
import { badRequest, notFound, unprocessable } from "../http/errors";
import { resetSandbox, type ResetOptions } from "../seed/reset";
import { emitEvent } from "../webhooks/events";
import { profilePayload } from "../webhooks/payloads";
import { adminPage } from "./admin-page";

const advanceSchema = z
  .object({
    seconds: z
      .number()
      .positive()
      .max(400 * 86_400),
  })
  .strict();
const settingsSchema = z
  .object({
    webhookEnvelope: z.enum(["object", "flat"]),
    timeScale: z.number().positive().max(10_000),
    allowHttpWebhooks: z.boolean(),
  })
  .partial()
  .strict();
const unauditedSchema = z.object({ unaudited: z.boolean().default(true) }).strict();

async function jsonInput<T extends z.ZodType>(c: Context<AppEnv>, schema: T): Promise<z.infer<T>> {
  const text = await c.req.text();
  let value: unknown = {};
  try {
    if (text.trim() !== "") value = JSON.parse(text);
  } catch {
    throw badRequest("Request body is not valid JSON");
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    throw unprocessable(
      result.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`),
    );
  }
  return result.data;
}

/** Test and demo switches. No API key: they only exist on the sandbox's own port. */
export function registerAdminRoutes(app: App, ctx: SandboxContext, reset: ResetOptions): void {
  const summary = () => ({
    now: ctx.clock.iso(),
    clock_offset_ms: ctx.clock.offsetMs,
    settings: {
      timeScale: ctx.config.timeScale,
      webhookEnvelope: ctx.config.webhookEnvelope,
      allowHttpWebhooks: ctx.config.allowHttpWebhooks,
    },
    faults: ctx.faults.state,
    idempotency_in_flight: [...ctx.idempotencyInFlight],
    counts: {
      profile_groups: ctx.store.state.groups.length,
      profiles: ctx.store.state.profiles.length,
      posts: ctx.store.state.posts.length,
      webhooks: ctx.store.state.webhooks.length,
      deliveries: ctx.store.state.deliveries.length,
      pending_jobs: ctx.scheduler.size,
    },
    profile_groups: ctx.store.state.groups.map((g) => ({
      id: g.id,
      name: g.name,
      profiles: ctx.store.profilesOf(g.id).map((p) => ({
        id: p.id,
        platform: p.platform,
        name: p.name,
        status: p.status,
        unaudited: ctx.faults.isUnaudited(p.id),
      })),
    })),
  });

  app.get("/__sandbox", (c) => c.html(adminPage(ctx)));
  app.get("/__sandbox/state", (c) => c.json(summary()));

  app.post("/__sandbox/reset", async (c) => {
    await resetSandbox(ctx, reset);
    return c.json(summary());
  });

  app.post("/__sandbox/clock/advance", async (c) => {
    const { seconds } = await jsonInput(c, advanceSchema);
    await ctx.scheduler.advance(seconds * 1000);
    return c.json({ now: ctx.clock.iso(), clock_offset_ms: ctx.clock.offsetMs });
  });

  app.get("/__sandbox/faults", (c) => c.json(ctx.faults.state));
  app.post("/__sandbox/faults", async (c) => {
    applyFaultInput(ctx.faults.state, await jsonInput(c, faultInputSchema));
    return c.json(ctx.faults.state);
  });
  app.delete("/__sandbox/faults", (c) => {
    ctx.faults.reset();
    return c.json(ctx.faults.state);
  });

  app.get("/__sandbox/settings", (c) => c.json(summary().settings));
  app.post("/__sandbox/settings", async (c) => {
    Object.assign(ctx.config, await jsonInput(c, settingsSchema));
    return c.json(summary().settings);
  });

  app.post("/__sandbox/profiles/:id/unaudited", async (c) => {
    const profile = ctx.store.profile(c.req.param("id"));
    if (!profile) throw notFound();
    const { unaudited } = await jsonInput(c, unauditedSchema);
    const ids = ctx.faults.state.unauditedProfileIds.filter((id) => id !== profile.id);
    ctx.faults.state.unauditedProfileIds = unaudited ? [...ids, profile.id] : ids;
    return c.json({ profile_id: profile.id, unaudited });
  });

  app.post("/__sandbox/profiles/:id/expire", (c) => {
    const profile = ctx.store.profile(c.req.param("id"));
    if (!profile) throw notFound();
    profile.status = "expired";
    profile.expiresAt = ctx.clock.now();
    ctx.store.markDirty();
    emitEvent(ctx, "profile.disconnected", profilePayload(profile, "disconnected"));
    return c.json({ profile_id: profile.id, status: profile.status });
  });
}
