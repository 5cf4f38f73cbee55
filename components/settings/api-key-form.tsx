"use client";

// Form markup from the same pieces (useActionForm, FormAlert, fields, submit Button) as the other
// small forms: each names its own action, schema, fields and wording, so the repeats stay.

import { ExternalLink, KeyRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { toast } from "@/lib/toast";
import { Alert, FormAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { removeApiKeyAction, saveApiKeyAction } from "@/lib/actions/workspace";
import { useActionForm } from "@/lib/hooks/use-action-form";
import { apiKeySchema } from "@/lib/validation/workspace";
import { apiKeyFieldHash, postproxyKeysUrl } from "./links";

/** Render it with `key={workspaceId}` so a workspace switch never carries a typed key across. */
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
  const confirm = useConfirm();
  const inputRef = useRef<HTMLInputElement>(null);
  const [isEditing, setIsEditing] = useState(!last4);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [isRemoving, startRemoving] = useTransition();
  const { setState, onSubmit, isPending, fieldErrors, formRef, alertId, formError } = useActionForm(
    saveApiKeyAction,
    {
      schema: apiKeySchema,
      trackUnsaved: true,
      successMessage: "API key checked with Postproxy and saved.",
      onSuccess: (_data, form) => {
        form.reset();
        setIsEditing(false);
        router.refresh();
      },
    },
  );

  useEffect(() => {
    function focusFromHash() {
      if (window.location.hash !== apiKeyFieldHash) return;
      setIsEditing(true);
      requestAnimationFrame(() => {
        inputRef.current?.scrollIntoView({ block: "center" });
        inputRef.current?.focus();
      });
    }
    focusFromHash();
    window.addEventListener("hashchange", focusFromHash);
    return () => window.removeEventListener("hashchange", focusFromHash);
  }, []);

  async function onRemove() {
    const ok = await confirm({
      title: "Remove the Postproxy API key?",
      description:
        "Postdeck will stop publishing and syncing for this workspace until a new key is saved.",
      confirmLabel: "Remove key",
    });
    if (!ok) return;
    const data = new FormData();
    data.set("workspaceId", workspaceId);
    setRemoveError(null);
    startRemoving(async () => {
      const result = await removeApiKeyAction(data);
      if (!result.ok) {
        setRemoveError(result.message);
        return;
      }
      toast.success("API key removed.");
      setIsEditing(true);
      router.refresh();
    });
  }

  return (
    <div className="space-y-4">
      {removeError ? <Alert tone="error">{removeError}</Alert> : null}
      {last4 && !isEditing ? (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-gray-200 px-4 py-3">
          <div className="flex items-center gap-3">
            <KeyRound className="size-5 text-gray-500" aria-hidden />
            <div>
              <p className="font-mono text-sm text-gray-900" data-testid="saved-key">
                {`••••${last4}`}
              </p>
              <p className="text-xs text-gray-600">
                Stored encrypted. Only the last 4 characters are ever shown.
              </p>
            </div>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button
              variant="secondary"
              size="sm"
              onClick={() => {
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
        <form ref={formRef} noValidate className="space-y-4" onSubmit={onSubmit}>
          <input type="hidden" name="workspaceId" value={workspaceId} />
          <FormAlert id={alertId} message={formError} />
          <Field
            id="apiKey"
            label="Postproxy API key"
            hint={
              <>
                Checked against {baseUrlHost} before it is saved. Create one in your Postproxy
                account;{" "}
                <a
                  href={postproxyKeysUrl}
                  target="_blank"
                  rel="noreferrer"
                  className="inline-flex items-center gap-0.5 font-medium text-accent-700 underline"
                >
                  how to get an API key
                  <ExternalLink className="size-3" aria-hidden />
                  <span className="sr-only">(opens in a new tab)</span>
                </a>
                .
              </>
            }
            errors={fieldErrors.apiKey}
          >
            <Input
              ref={inputRef}
              id="apiKey"
              name="apiKey"
              type="password"
              autoComplete="off"
              spellCheck={false}
              className="scroll-mt-24"
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
