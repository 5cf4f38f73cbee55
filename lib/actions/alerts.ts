"use server";

// Every action here is a createAction entry (name, schema, access, handler) like those of the other
// lib/actions files, so the duplicate report pairs them; each stays written out so that the role an
// action needs and what it revalidates read at the action itself, not inside a shared builder.

import { markAlertsRead, setAlertEmailPreference } from "@/lib/data/alerts";
import { saveAlertWebhook } from "@/lib/data/alert-settings";
import { AppError } from "@/lib/errors";
import { problemWithWebhookUrl, sendTestAlert } from "@/lib/publishing/alerts";
import {
  alertEmailPreferenceSchema,
  alertWebhookSchema,
  markAlertsReadSchema,
} from "@/lib/validation/alerts";
import { z } from "zod";
import { createAction } from "./create-action";
import { revalidateAfter } from "./revalidate";

export const markAlertsReadAction = createAction({
  name: "markAlertsRead",
  schema: markAlertsReadSchema,
  access: "viewer",
  handler: async (input, ctx) => ({
    marked: await markAlertsRead(ctx, "ids" in input ? { ids: input.ids } : { all: true }),
  }),
});

export const saveAlertWebhookAction = createAction({
  name: "saveAlertWebhook",
  schema: alertWebhookSchema,
  access: "owner",
  handler: async ({ url }, ctx) => {
    const problem = problemWithWebhookUrl(url);
    if (problem) throw new AppError("invalid_input", problem, { url: [problem] });
    await saveAlertWebhook(ctx, url);
    revalidateAfter("alertSettings");
    return { isSet: url !== "" };
  },
});

export const sendTestAlertAction = createAction({
  name: "sendTestAlert",
  schema: z.object({ workspaceId: z.uuid().optional() }),
  access: "owner",
  handler: async (_input, ctx) => {
    const result = await sendTestAlert(ctx);
    if (!result.ok) throw new AppError("upstream", `The test was not delivered: ${result.message}`);
    return { sent: true };
  },
});

export const setAlertEmailPreferenceAction = createAction({
  name: "setAlertEmailPreference",
  schema: alertEmailPreferenceSchema,
  access: "viewer",
  handler: async ({ emailAlerts }, ctx) => {
    await setAlertEmailPreference(ctx, emailAlerts === "on");
    revalidateAfter("alertSettings");
    return { emailAlerts };
  },
});
