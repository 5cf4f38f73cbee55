"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { changeEmailAction } from "@/lib/actions/profile";
import { useActionForm } from "@/lib/hooks/use-action-form";
import { changeEmailSchema } from "@/lib/validation/profile";

export function EmailForm({ email }: { email: string }) {
  const router = useRouter();
  const { onSubmit, isPending, fieldErrors, formRef, alertId, formError } = useActionForm(
    changeEmailAction,
    {
      schema: changeEmailSchema,
      trackUnsaved: true,
      successMessage: (data) => `You now sign in with ${data.email}.`,
      onSuccess: (_data, form) => {
        form.querySelector<HTMLInputElement>('[name="currentPassword"]')!.value = "";
        router.refresh();
      },
    },
  );
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4">
      {formError ? (
        <Alert tone="error" id={alertId} focusable>
          {formError}
        </Alert>
      ) : null}
      <Field id="account-email" label="Email" errors={fieldErrors.email}>
        <Input
          id="account-email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={email}
          aria-invalid={!!fieldErrors.email}
          aria-describedby={describedBy("account-email")}
        />
      </Field>
      <Field
        id="email-current-password"
        label="Your password"
        hint="Your current password, to confirm it is you who changes the sign-in email."
        errors={fieldErrors.currentPassword}
      >
        <Input
          id="email-current-password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          aria-invalid={!!fieldErrors.currentPassword}
          aria-describedby={describedBy("email-current-password", true)}
        />
      </Field>
      <div className="flex justify-end">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Change email"}
        </Button>
      </div>
    </form>
  );
}
