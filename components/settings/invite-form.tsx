"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, FormAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { CopyLinkField } from "./copy-link-field";
import { createInviteAction } from "@/lib/actions/members";
import { useActionForm } from "@/lib/hooks/use-action-form";
import { createInviteSchema } from "@/lib/validation/workspace";

export function InviteForm({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const { onSubmit, isPending, fieldErrors, formRef, alertId, formError } = useActionForm(
    createInviteAction,
    {
      schema: createInviteSchema,
      onSuccess: (data) => {
        setLink(`${window.location.origin}/invite/${data.token}`);
        setCopied(false);
        router.refresh();
      },
    },
  );

  return (
    <div className="space-y-4">
      <form
        ref={formRef}
        id="invite"
        noValidate
        onSubmit={onSubmit}
        className="flex scroll-mt-24 flex-wrap items-end gap-3"
      >
        <input type="hidden" name="workspaceId" value={workspaceId} />
        <Field
          id="role"
          label="Role for the new member"
          errors={fieldErrors.role}
          className="w-full min-w-0 sm:w-auto sm:min-w-56"
        >
          <Select
            id="role"
            name="role"
            defaultValue="editor"
            aria-invalid={!!fieldErrors.role}
            aria-describedby={describedBy("role")}
          >
            <option value="editor">Editor — compose, schedule and delete posts</option>
            <option value="viewer">Viewer — read only</option>
          </Select>
        </Field>
        <Button type="submit" disabled={isPending} className="mb-6">
          {isPending ? "Creating…" : "Create invite link"}
        </Button>
      </form>
      <FormAlert id={alertId} message={formError} />
      {link ? (
        <Alert tone="info">
          <p className="font-medium">Invite link created. It works once and expires in 7 days.</p>
          <p className="mt-1">
            Copy it now: for safety Postdeck stores only a fingerprint of it and cannot show it
            again.
          </p>
          <div className="mt-3">
            <CopyLinkField
              link={link}
              label="Invite link"
              isCopied={copied}
              onCopied={() => setCopied(true)}
            />
          </div>
        </Alert>
      ) : null}
    </div>
  );
}
