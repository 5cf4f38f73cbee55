"use client";

// Form markup from the same pieces (useActionForm, FormAlert, fields, submit Button) as the other
// small forms: each names its own action, schema, fields and wording, so the repeats stay.

import { useRouter } from "next/navigation";
import { FormAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { resetPasswordAction } from "@/lib/actions/password-reset";
import { useActionForm } from "@/lib/hooks/use-action-form";
import { resetPasswordSchema } from "@/lib/validation/password-reset";

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const { onSubmit, isPending, fieldErrors, formRef, alertId, formError } = useActionForm(
    resetPasswordAction,
    {
      schema: resetPasswordSchema,
      successMessage: "Password changed. Sign in with your new password.",
      onSuccess: () => router.replace("/sign-in"),
    },
  );
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4">
      <h1 className="text-xl font-semibold text-gray-900">Choose a new password</h1>
      <p className="text-sm text-gray-600">
        Saving it signs your account out on every device; then sign in with the new password.
      </p>
      <FormAlert id={alertId} message={formError} />
      <input type="hidden" name="token" value={token} />
      <TextField
        name="password"
        label="New password"
        hint="At least 10 characters."
        errors={fieldErrors.password}
        type="password"
        autoComplete="new-password"
      />
      <TextField
        name="confirmPassword"
        label="Repeat the new password"
        errors={fieldErrors.confirmPassword}
        type="password"
        autoComplete="new-password"
      />
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Saving…" : "Save new password"}
      </Button>
    </form>
  );
}
