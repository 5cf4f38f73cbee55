"use client";

// Form markup from the same pieces (useActionForm, FormAlert, fields, submit Button) as the other
// small forms: each names its own action, schema, fields and wording, so the repeats stay.

import { FormAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { changePasswordAction } from "@/lib/actions/account";
import { useActionForm } from "@/lib/hooks/use-action-form";
import { changePasswordSchema } from "@/lib/validation/account";

const fields = [
  { id: "currentPassword", label: "Current password", autoComplete: "current-password" },
  {
    id: "newPassword",
    label: "New password",
    autoComplete: "new-password",
    hint: "At least 10 characters.",
  },
  { id: "confirmPassword", label: "Repeat the new password", autoComplete: "new-password" },
] as const;

export function PasswordForm() {
  const { onSubmit, isPending, fieldErrors, formRef, alertId, formError } = useActionForm(
    changePasswordAction,
    {
      schema: changePasswordSchema,
      successMessage: "Password changed. Your other sessions were signed out.",
      onSuccess: (_data, form) => form.reset(),
    },
  );
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4">
      <FormAlert id={alertId} message={formError} />
      {fields.map((f) => (
        <Field
          key={f.id}
          id={f.id}
          label={f.label}
          hint={"hint" in f ? f.hint : undefined}
          errors={fieldErrors[f.id]}
        >
          <Input
            id={f.id}
            name={f.id}
            type="password"
            autoComplete={f.autoComplete}
            aria-invalid={!!fieldErrors[f.id]}
            aria-describedby={describedBy(f.id, "hint" in f)}
          />
        </Field>
      ))}
      <div className="flex justify-end">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Changing…" : "Change password"}
        </Button>
      </div>
    </form>
  );
}
