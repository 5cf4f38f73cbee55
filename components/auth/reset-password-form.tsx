"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
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
      {formError ? (
        <Alert tone="error" id={alertId} focusable>
          {formError}
        </Alert>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <Field
        id="password"
        label="New password"
        hint="At least 10 characters."
        errors={fieldErrors.password}
      >
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          aria-invalid={!!fieldErrors.password}
          aria-describedby={describedBy("password", true)}
        />
      </Field>
      <Field
        id="confirmPassword"
        label="Repeat the new password"
        errors={fieldErrors.confirmPassword}
      >
        <Input
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          aria-invalid={!!fieldErrors.confirmPassword}
          aria-describedby={describedBy("confirmPassword")}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Saving…" : "Save new password"}
      </Button>
    </form>
  );
}
