"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
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
      {formError ? (
        <Alert tone="error" id={alertId} focusable>
          {formError}
        </Alert>
      ) : null}
      <Field
        id="name"
        label="Workspace name"
        hint="Usually your agency or brand name."
        errors={fieldErrors.name}
      >
        <Input
          id="name"
          name="name"
          aria-invalid={!!fieldErrors.name}
          aria-describedby={describedBy("name", true)}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Creating…" : "Create workspace"}
      </Button>
    </form>
  );
}
