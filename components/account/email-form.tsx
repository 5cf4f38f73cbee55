"use client";

import { useRouter } from "next/navigation";
import { FormAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmailField, TextField } from "@/components/ui/field";
import { changeEmailAction } from "@/lib/actions/profile";
import { useActionForm } from "@/lib/hooks/use-action-form";
import { changeEmailSchema } from "@/lib/validation/profile";

// Account forms share useActionForm; each states its own action, schema and fields.
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
      <FormAlert id={alertId} message={formError} />
      <EmailField id="account-email" errors={fieldErrors.email} defaultValue={email} />
      <TextField
        id="email-current-password"
        name="currentPassword"
        label="Your password"
        hint="Your current password, to confirm it is you who changes the sign-in email."
        errors={fieldErrors.currentPassword}
        type="password"
        autoComplete="current-password"
      />
      <div className="flex justify-end">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Change email"}
        </Button>
      </div>
    </form>
  );
}
