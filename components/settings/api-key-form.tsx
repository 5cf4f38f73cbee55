"use client";

import { KeyRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { removeApiKeyAction, saveApiKeyAction } from "@/lib/actions/workspace";
import { useActionForm } from "@/lib/hooks/use-action-form";
import { apiKeySchema } from "@/lib/validation/workspace";

export function ApiKeyForm({
  workspaceId,
  last4,
  baseUrlHost,
}: {
  workspaceId: string;
  last4: string | null;
  baseUrlHost: string;
}) {
  const router = useRouter();
  const [isEditing, setIsEditing] = useState(!last4);
  const [notice, setNotice] = useState<string | null>(null);
  const [isRemoving, startRemoving] = useTransition();
  const { state, setState, onSubmit, isPending, fieldErrors } = useActionForm(saveApiKeyAction, {
    schema: apiKeySchema,
    onSubmit: () => setNotice(null),
    onSuccess: (_data, form) => {
      form.reset();
      setIsEditing(false);
      setNotice("API key checked with Postproxy and saved.");
      router.refresh();
    },
  });

  function onRemove() {
    if (
      !window.confirm(
        "Remove the Postproxy API key? Postdeck will stop publishing for this workspace until a new key is saved.",
      )
    )
      return;
    const data = new FormData();
    data.set("workspaceId", workspaceId);
    startRemoving(async () => {
      const result = await removeApiKeyAction(data);
      setNotice(result.ok ? "API key removed." : result.message);
      if (result.ok) {
        setIsEditing(true);
        router.refresh();
      }
    });
  }

  return (
    <div className="space-y-4">
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {last4 && !isEditing ? (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-gray-200 px-4 py-3">
          <div className="flex items-center gap-3">
            <KeyRound className="size-5 text-gray-400" aria-hidden />
            <div>
              <p className="font-mono text-sm text-gray-900" data-testid="saved-key">
                {`••••${last4}`}
              </p>
              <p className="text-xs text-gray-500">
                Stored encrypted. Only the last 4 characters are ever shown.
              </p>
            </div>
          </div>
          <div className="flex gap-2">
            <Button
              variant="secondary"
              size="sm"
              onClick={() => {
                setNotice(null);
                setState(null);
                setIsEditing(true);
              }}
            >
              Replace key
            </Button>
            <Button variant="danger" size="sm" onClick={onRemove} disabled={isRemoving}>
              {isRemoving ? "Removing…" : "Remove key"}
            </Button>
          </div>
        </div>
      ) : (
        <form noValidate className="space-y-4" onSubmit={onSubmit}>
          <input type="hidden" name="workspaceId" value={workspaceId} />
          {state && !state.ok && !fieldErrors.apiKey ? (
            <Alert tone="error">{state.message}</Alert>
          ) : null}
          <Field
            id="apiKey"
            label="Postproxy API key"
            hint={`Checked against ${baseUrlHost} before it is saved. Find it in your Postproxy dashboard under API keys.`}
            errors={fieldErrors.apiKey}
          >
            <Input
              id="apiKey"
              name="apiKey"
              type="password"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={!!fieldErrors.apiKey}
              aria-describedby={describedBy("apiKey", true)}
            />
          </Field>
          <div className="flex justify-end gap-2">
            {last4 ? (
              <Button
                variant="ghost"
                onClick={() => {
                  setState(null);
                  setIsEditing(false);
                }}
              >
                Cancel
              </Button>
            ) : null}
            <Button type="submit" disabled={isPending}>
              {isPending ? "Checking with Postproxy…" : "Check and save key"}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
