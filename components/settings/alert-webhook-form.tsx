"use client";

// Form markup from the same pieces (useActionForm, FormAlert, fields, submit Button) as the other
// small forms: each names its own action, schema, fields and wording, so the repeats stay.

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert, FormAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { saveAlertWebhookAction, sendTestAlertAction } from "@/lib/actions/alerts";
import { useActionForm } from "@/lib/hooks/use-action-form";
import { toast } from "@/lib/toast";
import { alertWebhookSchema } from "@/lib/validation/alerts";

/** An owner's Slack-compatible incoming webhook for alerts, with "Send a test". */
export function AlertWebhookForm({
  workspaceId,
  host,
}: {
  workspaceId: string;
  host: string | null;
}) {
  const router = useRouter();
  const [testError, setTestError] = useState<string | null>(null);
  const [isTesting, startTesting] = useTransition();
  const { onSubmit, isPending, fieldErrors, formRef, alertId, formError } = useActionForm(
    saveAlertWebhookAction,
    {
      schema: alertWebhookSchema,
      trackUnsaved: true,
      successMessage: (d) => (d.isSet ? "Alert webhook saved." : "Alert webhook removed."),
      onSuccess: (_data, form) => {
        form.reset();
        router.refresh();
      },
    },
  );

  function onTest() {
    setTestError(null);
    startTesting(async () => {
      const result = await sendTestAlertAction({ workspaceId });
      if (!result.ok) return setTestError(result.message);
      toast.success("Test alert sent.");
    });
  }

  return (
    <div className="space-y-4">
      <p className="text-sm break-words text-gray-700" data-testid="alert-webhook-state">
        {host
          ? `Alerts are posted to a webhook at ${host}. The full URL is stored encrypted and never shown.`
          : "No webhook is set: alerts show in Postdeck, and by email when the server has SMTP set up."}
      </p>
      {testError ? <Alert tone="error">{testError}</Alert> : null}
      <form ref={formRef} noValidate className="space-y-4" onSubmit={onSubmit}>
        <input type="hidden" name="workspaceId" value={workspaceId} />
        <FormAlert id={alertId} message={formError} />
        <Field
          id="url"
          label={host ? "Replace the webhook URL" : "Slack-compatible incoming webhook URL"}
          hint="An https:// address from Slack (or any service that accepts Slack's incoming-webhook JSON). Leave it empty and save to remove it."
          errors={fieldErrors.url}
        >
          <Input
            id="url"
            name="url"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://hooks.slack.com/services/…"
            aria-invalid={!!fieldErrors.url}
            aria-describedby={describedBy("url", true)}
          />
        </Field>
        <div className="flex flex-wrap justify-end gap-2">
          {host ? (
            <Button variant="secondary" onClick={onTest} disabled={isTesting}>
              {isTesting ? "Sending…" : "Send a test"}
            </Button>
          ) : null}
          <Button type="submit" disabled={isPending}>
            {isPending ? "Saving…" : "Save webhook"}
          </Button>
        </div>
      </form>
    </div>
  );
}
