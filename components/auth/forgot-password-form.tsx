"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert, FormAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmailField } from "@/components/ui/field";
import { requestPasswordResetAction } from "@/lib/actions/password-reset";
import { useActionForm } from "@/lib/hooks/use-action-form";
import { requestPasswordResetSchema } from "@/lib/validation/password-reset";

export function ForgotPasswordForm({ canEmail }: { canEmail: boolean }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { onSubmit, isPending, fieldErrors, formRef, alertId, formError } = useActionForm(
    requestPasswordResetAction,
    {
      schema: requestPasswordResetSchema,
      onSuccess: (_data, form) => setSentTo(String(new FormData(form).get("email"))),
    },
  );
  if (sentTo) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold text-gray-900">Check your email</h1>
        <Alert tone="info">
          If an account exists for {sentTo}, we sent it a link to choose a new password. The link
          works once, for one hour.
        </Alert>
        <Link href="/sign-in" className="block text-center text-sm font-medium text-accent-700">
          Back to sign in
        </Link>
      </div>
    );
  }
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4">
      <h1 className="text-xl font-semibold text-gray-900">Reset your password</h1>
      <p className="text-sm text-gray-600">
        {canEmail
          ? "Enter the email you sign in with and we will send you a link to choose a new password."
          : "This Postdeck has no email set up. Ask an owner of your workspace for a reset link: they can create one under Settings → Members."}
      </p>
      <FormAlert id={alertId} message={formError} />
      <EmailField errors={fieldErrors.email} />
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Sending…" : "Send reset link"}
      </Button>
      <p className="text-center text-sm text-gray-600">
        Remembered it?{" "}
        <Link
          href="/sign-in"
          className="font-medium text-accent-700 underline-offset-2 hover:underline"
        >
          Sign in
        </Link>
      </p>
    </form>
  );
}
