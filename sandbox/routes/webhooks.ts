import type { Context } from "hono";
import { z } from "zod";
import { toIso } from "../core/clock";
import type { SandboxContext } from "../core/context";
import { newId, newSecret } from "../core/ids";
import { isLocalHost, parseHttpUrl } from "../core/urls";
import type { App, AppEnv } from "../http/app-env";
import { readBody } from "../http/body";
import { badRequest, notFound, unprocessable } from "../http/errors";
import { paginate, parsePage } from "../http/query";
import type { DeliveryRecord, WebhookRecord } from "../store/types";
import { WEBHOOK_EVENTS } from "../webhooks/events";

const createSchema = z.object({
  url: z.string({ error: "Url can't be blank" }),
  events: z.array(z.string(), { error: "Events must be a list" }).min(1, "Events can't be blank"),
  description: z.string().nullable().optional(),
});
const updateSchema = createSchema.partial().extend({ enabled: z.boolean().optional() });

/** Webhooks are account-wide: profile_group_id plays no part here. */
export function registerWebhookRoutes(app: App, ctx: SandboxContext): void {
  const { store } = ctx;
  const findWebhook = (c: Context<AppEnv>) => {
    const webhook = store.state.webhooks.find((w) => w.id === c.req.param("id"));
    if (!webhook) throw notFound();
    return webhook;
  };
  const parse = async <T extends z.ZodType>(c: Context<AppEnv>, schema: T): Promise<z.infer<T>> => {
    const body = await readBody(c, () => ctx.storage.newUploadPath());
    if (body.kind !== "json") throw badRequest("Send a JSON body");
    const result = schema.safeParse(body.value);
    if (!result.success) throw unprocessable(result.error.issues.map((i) => i.message));
    return result.data;
  };
  const checkUrl = (url: string): string[] => {
    const parsed = parseHttpUrl(url);
    if (!parsed) return ["Url must be a valid URL"];
    const httpAllowed = ctx.config.allowHttpWebhooks || isLocalHost(parsed);
    return parsed.protocol === "https:" || httpAllowed ? [] : ["Url must use HTTPS"];
  };
  const checkEvents = (events: string[]): string[] =>
    events
      .filter((e) => e !== "*" && !(WEBHOOK_EVENTS as readonly string[]).includes(e))
      .map((e) => `Unknown event: ${e}`);

  app.get("/api/webhooks", (c) =>
    c.json({ data: store.state.webhooks.map((w) => serializeWebhook(w, false)) }),
  );

  app.get("/api/webhooks/:id", (c) => c.json(serializeWebhook(findWebhook(c), false)));

  app.post("/api/webhooks", async (c) => {
    const input = await parse(c, createSchema);
    const errors = [...checkUrl(input.url), ...checkEvents(input.events)];
    if (errors.length > 0) throw unprocessable(errors);
    const now = ctx.clock.now();
    const webhook: WebhookRecord = {
      id: newId("wh_"),
      url: input.url,
      events: [...new Set(input.events)],
      enabled: true,
      description: input.description ?? null,
      secret: newSecret(),
      createdAt: now,
      updatedAt: now,
    };
    store.state.webhooks.push(webhook);
    // The secret is shown once, on create.
    return c.json(serializeWebhook(webhook, true), 201);
  });

  app.patch("/api/webhooks/:id", async (c) => {
    const webhook = findWebhook(c);
    const input = await parse(c, updateSchema);
    const errors = [
      ...(input.url !== undefined ? checkUrl(input.url) : []),
      ...(input.events !== undefined ? checkEvents(input.events) : []),
    ];
    if (errors.length > 0) throw unprocessable(errors);
    if (input.url !== undefined) webhook.url = input.url;
    if (input.events !== undefined) webhook.events = [...new Set(input.events)];
    if (input.enabled !== undefined) webhook.enabled = input.enabled;
    if (input.description !== undefined) webhook.description = input.description;
    webhook.updatedAt = ctx.clock.now();
    return c.json(serializeWebhook(webhook, false));
  });

  app.delete("/api/webhooks/:id", (c) => {
    const webhook = findWebhook(c);
    store.state.webhooks = store.state.webhooks.filter((w) => w !== webhook);
    ctx.scheduler.cancel((job) => job.kind === "webhook.attempt" && job.webhookId === webhook.id);
    return c.json({ deleted: true });
  });

  app.get("/api/webhooks/:id/deliveries", (c) => {
    const webhook = findWebhook(c);
    // Newest first; deliveries are appended in time order.
    const deliveries = store.state.deliveries.filter((d) => d.webhookId === webhook.id).reverse();
    return c.json(paginate(deliveries, parsePage(c, 20), serializeDelivery));
  });
}

function serializeWebhook(webhook: WebhookRecord, withSecret: boolean) {
  return {
    id: webhook.id,
    url: webhook.url,
    events: webhook.events,
    enabled: webhook.enabled,
    description: webhook.description,
    ...(withSecret ? { secret: webhook.secret } : {}),
    created_at: toIso(webhook.createdAt),
    updated_at: toIso(webhook.updatedAt),
  };
}

function serializeDelivery(delivery: DeliveryRecord) {
  return {
    id: delivery.id,
    event_id: delivery.eventId,
    event_type: delivery.eventType,
    response_status: delivery.responseStatus,
    attempt_number: delivery.attemptNumber,
    success: delivery.success,
    attempted_at: toIso(delivery.attemptedAt),
    created_at: toIso(delivery.createdAt),
  };
}
