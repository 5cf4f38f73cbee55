"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { updateNameAction } from "@/lib/actions/profile";
import { useActionForm } from "@/lib/hooks/use-action-form";
import { updateNameSchema } from "@/lib/validation/profile";

export function NameForm({ name }: { name: string }) {
  const router = useRouter();
  const { onSubmit, isPending, fieldErrors, formRef, alertId, formError } = useActionForm(
    updateNameAction,
    {
      schema: updateNameSchema,
      trackUnsaved: true,
      successMessage: "Name saved.",
      onSuccess: () => router.refresh(),
    },
  );
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4">
      {formError ? (
        <Alert tone="error" id={alertId} focusable>
          {formError}
        </Alert>
      ) : null}
      <Field id="account-name" label="Your name" errors={fieldErrors.name}>
        <Input
          id="account-name"
          name="name"
          autoComplete="name"
          defaultValue={name}
          aria-invalid={!!fieldErrors.name}
          aria-describedby={describedBy("account-name")}
        />
      </Field>
      <div className="flex justify-end">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Save name"}
        </Button>
      </div>
    </form>
  );
}
