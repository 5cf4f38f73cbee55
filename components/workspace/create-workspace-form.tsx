"use client";

// Form markup from the same pieces (useActionForm, FormAlert, fields, submit Button) as the other
// small forms: each names its own action, schema, fields and wording, so the repeats stay.

import { useRouter } from "next/navigation";
import { FormAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { createWorkspaceAction } from "@/lib/actions/workspace";
import { useActionForm } from "@/lib/hooks/use-action-form";
import { createWorkspaceSchema } from "@/lib/validation/workspace";

export function CreateWorkspaceForm() {
  const router = useRouter();
  const { onSubmit, isPending, fieldErrors, formRef, alertId, formError } = useActionForm(
    createWorkspaceAction,
    {
      schema: createWorkspaceSchema,
      onSuccess: () => {
        router.replace("/home");
        router.refresh();
      },
      successMessage: "Workspace created.",
    },
  );
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4">
      <FormAlert id={alertId} message={formError} />
      <TextField
        name="name"
        label="Workspace name"
        hint="Usually your agency or brand name."
        errors={fieldErrors.name}
      />
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Creating…" : "Create workspace"}
      </Button>
    </form>
  );
}
