"use client";

// Form markup from the same pieces (useActionForm, FormAlert, fields, submit Button) as the other
// small forms: each names its own action, schema, fields and wording, so the repeats stay.

import { FormAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, FieldError, TextField, describedBy } from "@/components/ui/field";
import { updateWorkspaceSettingsAction } from "@/lib/actions/workspace";
import type { AuditStatus } from "@/lib/validation/enums";
import { useActionForm } from "@/lib/hooks/use-action-form";
import { workspaceSettingsSchema } from "@/lib/validation/workspace";
import { auditOptions } from "./audit-options";
import { LazyTimezonePicker } from "./lazy-timezone-picker";

/**
 * Render it with `key={workspace.id}`: a workspace switch then mounts a fresh form, and the hidden
 * workspaceId always names the workspace whose values the form shows.
 */
export function GeneralSettingsForm({
  workspace,
}: {
  workspace: { id: string; name: string; timezone: string; tiktokAuditStatus: AuditStatus };
}) {
  const { onSubmit, isPending, fieldErrors, formRef, alertId, formError } = useActionForm(
    updateWorkspaceSettingsAction,
    {
      schema: workspaceSettingsSchema,
      successMessage: "Workspace settings saved.",
      trackUnsaved: true,
    },
  );
  const auditInvalid = !!fieldErrors.tiktokAuditStatus;

  return (
    <form ref={formRef} noValidate className="space-y-5" onSubmit={onSubmit}>
      <input type="hidden" name="workspaceId" value={workspace.id} />
      <FormAlert id={alertId} message={formError} />
      <TextField
        name="name"
        label="Workspace name"
        errors={fieldErrors.name}
        defaultValue={workspace.name}
      />
      <Field
        id="timezone"
        label="Default timezone"
        hint="Used to schedule posts and show the calendar unless you pick another zone."
        errors={fieldErrors.timezone}
      >
        <LazyTimezonePicker
          id="timezone"
          name="timezone"
          defaultValue={workspace.timezone}
          invalid={!!fieldErrors.timezone}
          describedBy={describedBy("timezone", true)}
        />
      </Field>
      <fieldset
        id="audit-status"
        className="scroll-mt-24 space-y-2"
        aria-describedby="tiktokAuditStatus-help tiktokAuditStatus-error"
      >
        <legend className="text-sm font-medium text-gray-900">TikTok app audit status</legend>
        <p id="tiktokAuditStatus-help" className="text-xs text-gray-600">
          TikTok lets an app it has not audited publish only private (“Only me”) posts. Your app is
          the one behind your Postproxy account; this setting decides which privacy options the
          composer offers.
        </p>
        <div className="grid gap-2 sm:grid-cols-3">
          {auditOptions.map((o) => (
            <label
              key={o.value}
              className="flex cursor-pointer gap-3 rounded-md border border-gray-200 p-3 has-checked:border-accent-700 has-checked:bg-accent-50 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent-700"
            >
              <input
                type="radio"
                name="tiktokAuditStatus"
                value={o.value}
                defaultChecked={workspace.tiktokAuditStatus === o.value}
                data-invalid={auditInvalid || undefined}
                className="mt-0.5 accent-accent-700"
              />
              <span>
                <span className="block text-sm font-medium text-gray-900">{o.label}</span>
                <span className="block text-xs text-gray-600">{o.help}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id="tiktokAuditStatus-error" errors={fieldErrors.tiktokAuditStatus} />
      </fieldset>
      <div className="flex justify-end">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Save settings"}
        </Button>
      </div>
    </form>
  );
}
