"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { updateWorkspaceSettingsAction } from "@/lib/actions/workspace";
import type { AuditStatus } from "@/lib/validation/enums";
import { useActionForm } from "@/lib/hooks/use-action-form";
import { workspaceSettingsSchema } from "@/lib/validation/workspace";
import { TimezonePicker } from "./timezone-picker";

const auditOptions: { value: AuditStatus; label: string; help: string }[] = [
  {
    value: "audited",
    label: "Audited",
    help: "TikTok has audited your app: every privacy option is offered.",
  },
  {
    value: "unaudited",
    label: "Unaudited",
    help: "TikTok only accepts private posts: the composer offers only “Only me”.",
  },
  {
    value: "unknown",
    label: "Unknown",
    help: "All options are offered, with a warning when you choose “Everyone”.",
  },
];

export function GeneralSettingsForm({
  workspace,
}: {
  workspace: { id: string; name: string; timezone: string; tiktokAuditStatus: AuditStatus };
}) {
  const { state, onSubmit, isPending, fieldErrors } = useActionForm(updateWorkspaceSettingsAction, {
    schema: workspaceSettingsSchema,
  });

  return (
    <form noValidate className="space-y-5" onSubmit={onSubmit}>
      <input type="hidden" name="workspaceId" value={workspace.id} />
      {state?.ok ? <Alert tone="success">Settings saved.</Alert> : null}
      {state && !state.ok && state.code !== "invalid_input" ? (
        <Alert tone="error">{state.message}</Alert>
      ) : null}
      <Field id="name" label="Workspace name" errors={fieldErrors.name}>
        <Input
          id="name"
          name="name"
          defaultValue={workspace.name}
          aria-invalid={!!fieldErrors.name}
          aria-describedby={describedBy("name")}
        />
      </Field>
      <Field
        id="timezone"
        label="Default timezone"
        hint="Used to schedule posts and show the calendar unless you pick another zone."
        errors={fieldErrors.timezone}
      >
        <TimezonePicker
          id="timezone"
          name="timezone"
          defaultValue={workspace.timezone}
          invalid={!!fieldErrors.timezone}
          describedBy={describedBy("timezone", true)}
        />
      </Field>
      <fieldset
        className="space-y-2"
        aria-describedby="tiktokAuditStatus-help tiktokAuditStatus-error"
      >
        <legend className="text-sm font-medium text-gray-900">TikTok app audit status</legend>
        <p id="tiktokAuditStatus-help" className="text-xs text-gray-500">
          Unaudited TikTok apps may only publish private (“Only me”) posts; this setting decides
          which privacy options the composer offers.
        </p>
        <div className="grid gap-2 sm:grid-cols-3">
          {auditOptions.map((o) => (
            <label
              key={o.value}
              className="flex cursor-pointer gap-3 rounded-md border border-gray-200 p-3 has-checked:border-brand-500 has-checked:bg-brand-50"
            >
              <input
                type="radio"
                name="tiktokAuditStatus"
                value={o.value}
                defaultChecked={workspace.tiktokAuditStatus === o.value}
                className="mt-0.5 accent-brand-500"
              />
              <span>
                <span className="block text-sm font-medium text-gray-900">{o.label}</span>
                <span className="block text-xs text-gray-500">{o.help}</span>
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
