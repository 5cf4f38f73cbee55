"use client";

// Form markup from the same pieces (useActionForm, FormAlert, fields, submit Button) as the other
// small forms: each names its own action, schema, fields and wording, so the repeats stay.

import { useRouter } from "next/navigation";
import { FormAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
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
      <FormAlert id={alertId} message={formError} />
      <TextField
        id="account-name"
        name="name"
        label="Your name"
        errors={fieldErrors.name}
        autoComplete="name"
        defaultValue={name}
      />
      <div className="flex justify-end">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Save name"}
        </Button>
      </div>
    </form>
  );
}
